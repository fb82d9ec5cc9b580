/**
 * `npm run data:stats -- [--json] [--gaps]`: counts of the bundled dataset. With --json, prints one
 * JSON object: {"entities","entitiesByType","notes","notesByKind","notesWithSource","sources",
 * "sourcesByTier":{"primary","outlet","relay"},"notesWithPrimaryOrOutlet","refusedHostUrls","hosts",
 * "entitiesWithZhName","structuredFacts","entitiesBySource","asOf"}. With --gaps, also lists entities lacking each kind of note and the
 * notes that rest on relays only.
 */
import { loadBundled } from './bundled-data';
import { coverageGaps, datasetStats, relayOnlyNotes } from '../lib/data/stats';
import { bundledRegistry } from '../lib/sources/bundled';

const args = new Set(process.argv.slice(2));
const dataset = loadBundled();
const registry = bundledRegistry();
const stats = datasetStats(dataset, registry);
const gaps = args.has('--gaps')
  ? { coverage: coverageGaps(dataset), relayOnly: relayOnlyNotes(dataset, registry) }
  : undefined;
if (args.has('--json')) {
  process.stdout.write(JSON.stringify(gaps ? { ...stats, gaps } : stats) + '\n');
} else {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log(`Dataset as of ${stats.asOf}`);
  console.log(`  entities  ${stats.entities}  (${list(stats.entitiesByType)})`);
  console.log(`  notes     ${stats.notes}  (${list(stats.notesByKind)})`);
  console.log(
    `  sourced   ${stats.notesWithSource} notes, ${stats.sources} distinct sources on ${stats.hosts} hosts`,
  );
  console.log(`  tiers     ${list(stats.sourcesByTier)}`);
  console.log(
    `  originals ${stats.notesWithPrimaryOrOutlet} of ${stats.notes} notes cite a primary source or an outlet`,
  );
  console.log(`  refused   ${stats.refusedHostUrls} URLs on refused hosts`);
  console.log(`  zh names  ${stats.entitiesWithZhName} entities`);
}
if (gaps && !args.has('--json')) {
  for (const [kind, ids] of Object.entries(gaps.coverage)) {
    console.log(`\nNo ${kind} note (${ids.length}): ${ids.join(', ')}`);
  }
  console.log(`\nResting on relays only (${gaps.relayOnly.length}): ${gaps.relayOnly.join(', ')}`);
}
