/**
 * `npm run data:import`: makes data/imported.json from the vendored snapshots in data/sources/
 * (checksums verified first) and writes data/import-report.md for review. Deterministic: the same
 * snapshots and curated data give byte-identical output.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataset } from '../lib/schema';
import { bundledRegistry } from '../lib/sources/bundled';
import { parseImported } from '../lib/data/bundle';
import { parseEpoch } from './import/epoch';
import { parseChineseList } from './import/cn-list';
import { buildImport, type ImportReport } from './import/build';

const data = resolve(import.meta.dirname, '../data');
const manifest = JSON.parse(readFileSync(resolve(data, 'sources/manifest.json'), 'utf8')) as {
  file: string;
  sha256: string;
}[];
const read = (file: string) => {
  const text = readFileSync(resolve(data, 'sources', file));
  const expected = manifest.find((m) => m.file === file)?.sha256;
  const actual = createHash('sha256').update(text).digest('hex');
  if (actual !== expected) {
    console.error(`data/sources/${file}: sha256 ${actual} does not match manifest.json (${expected})`);
    process.exit(1);
  }
  return text.toString('utf8');
};

const curated = parseDataset(JSON.parse(readFileSync(resolve(data, 'dataset.json'), 'utf8')));
const { data: imported, report } = buildImport({
  curated: curated.entities,
  epoch: parseEpoch(read('epoch-notable-ai-models.csv')),
  chineseList: parseChineseList(read('awesome-llms-in-china.md')),
  registry: bundledRegistry(),
  sources: manifest.map(({ file, sha256 }) => ({ file, sha256 })),
});
parseImported(imported); // never write what the extension would refuse
writeFileSync(resolve(data, 'imported.json'), `${JSON.stringify(imported, null, 1)}\n`);
writeFileSync(resolve(data, 'import-report.md'), reportMarkdown(report, imported.entities.length));
console.log(
  `data/imported.json: ${imported.entities.length} new entities, facts for ${Object.keys(imported.facts).length} curated ones (${imported.version})`,
);
console.log(
  `data/import-report.md: ${report.conflicts.length} conflicts, ${report.variants.length} variants, ${report.missingChineseNames.length} Chinese organisations without a Chinese name`,
);

function reportMarkdown(r: ImportReport, count: number): string {
  const section = (title: string, lines: string[], why: string) =>
    `## ${title} (${lines.length})\n\n${why}\n\n${lines.map((l) => `- ${l}`).join('\n') || '- none'}\n`;
  return [
    `# Import report\n\nMade by \`npm run data:import\`: ${count} new entities. Names: ${Object.entries(
      r.nameUses,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}.\n`,
    section(
      'Conflicts',
      r.conflicts,
      'Curated data and a row disagree; the curated value is kept. Decide by hand.',
    ),
    section('Suggestions', r.suggestions, 'Links a row gives that curated entities lack.'),
    section(
      'Variants',
      r.variants,
      'Rows naming an entity another row already gave (dated releases, sizes).',
    ),
    section(
      'Chinese names missing',
      r.missingChineseNames,
      'Chinese organisations without a Chinese name yet.',
    ),
    section(
      'Base models not in the data',
      r.unresolvedBase,
      'Epoch names a base model the data does not have.',
    ),
    section(
      'Links dropped',
      r.droppedLinks,
      'Row links on refused hosts or not URLs; the dataset credit remains.',
    ),
  ].join('\n');
}
