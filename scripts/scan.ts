/**
 * `npm run scan -- [--json] FILE...`: prints the mentions Assay finds in saved .html pages or .txt
 * files, using the content script's matcher. With --json, prints exactly one JSON object:
 * {"files":[{"file", "mentions":[{"start","end","text","entity":{"id","name","type"},"match","score"}],
 * "claims":[{"start","end","text","kind","entity":{"id"}}]}]} (kind: comparison, originality, money,
 * openness: lib/claims/detect.ts)
 * (UTF-16 offsets: into the file for .txt, into the document's text content for .html).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createScanner, type ScanMention } from './scan-core';

const USAGE = 'usage: npm run scan -- [--json] FILE.html|FILE.txt ...';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    console.error(unknown.length ? `unknown option: ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const inputs: { file: string; kind: 'html' | 'txt'; content: string }[] = [];
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    const kind = ext === '.html' || ext === '.htm' ? 'html' : ext === '.txt' ? 'txt' : undefined;
    if (!kind) {
      console.error(`${file}: not a .html or .txt file`);
      return 2;
    }
    try {
      inputs.push({ file, kind, content: readFileSync(file, 'utf8') });
    } catch (error) {
      console.error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 1;
    }
  }
  const scanner = createScanner();
  const results = inputs.map(({ file, kind, content }) => ({
    file,
    ...(kind === 'html' ? scanner.scanHtmlFull(content) : scanner.scanTextFull(content)),
  }));
  if (json) {
    process.stdout.write(JSON.stringify({ files: results }) + '\n');
    return 0;
  }
  for (const { file, mentions, claims } of results) {
    console.log(`${file}: ${mentions.length} mentions, ${claims.length} claims`);
    for (const m of mentions) console.log(`  ${format(m)}`);
    for (const c of claims)
      console.log(
        `  ${String(c.start).padStart(6)}-${String(c.end).padEnd(6)} ${c.kind}: ${c.text}  (about ${c.entity.id})`,
      );
  }
  return 0;
}

function format(m: ScanMention): string {
  const how = m.match === 'fuzzy' ? `  (fuzzy, ${m.score})` : '';
  return `${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.text}  →  ${m.entity.name} [${m.entity.type}]${how}`;
}

process.exitCode = main(process.argv.slice(2));
