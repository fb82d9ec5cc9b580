/**
 * `npm run data:stats -- [--json] [--gaps]`: counts of the bundled dataset. With --json, prints one
 * JSON object: {"entities","entitiesByType","notes","notesByKind","notesWithSource","sources",
 * "entitiesWithZhName","asOf"}. With --gaps, also lists entities lacking each kind of note.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataset } from '../lib/schema';
import { coverageGaps, datasetStats } from '../lib/data/stats';

const args = new Set(process.argv.slice(2));
const dataset = parseDataset(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/dataset.json'), 'utf8')),
);
const stats = datasetStats(dataset);
if (args.has('--json')) {
  process.stdout.write(JSON.stringify(stats) + '\n');
} else {
  console.log(`Dataset as of ${stats.asOf}`);
  console.log(
    `  entities  ${stats.entities}  (${Object.entries(stats.entitiesByType)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  console.log(
    `  notes     ${stats.notes}  (${Object.entries(stats.notesByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  console.log(`  sourced   ${stats.notesWithSource} notes, ${stats.sources} distinct source URLs`);
  console.log(`  zh names  ${stats.entitiesWithZhName} entities`);
}
if (args.has('--gaps')) {
  for (const [kind, ids] of Object.entries(coverageGaps(dataset))) {
    console.log(`\nNo ${kind} note (${ids.length}): ${ids.join(', ')}`);
  }
}
