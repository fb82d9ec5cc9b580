/**
 * Checks the bundled data (data/dataset.json merged with data/imported.json), or one dataset file
 * given as an argument, against the schema, cross-entity integrity and the source rules.
 */
import { readFileSync } from 'node:fs';
import { parseDataset } from '../lib/schema';
import { lintDataset } from '../lib/data/lint';
import { bundledRegistry } from '../lib/sources/bundled';
import { loadBundled } from './bundled-data';

const file = process.argv[2];
try {
  const dataset = file ? parseDataset(JSON.parse(readFileSync(file, 'utf8'))) : loadBundled();
  const problems = lintDataset(dataset, bundledRegistry());
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const notes = dataset.entities.flatMap((e) => e.notes);
  const byKind: Record<string, number> = {};
  for (const n of notes) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  console.log(
    `ok: ${dataset.entities.length} entities, ${notes.length} notes (` +
      Object.entries(byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') +
      `), asOf ${dataset.asOf}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
