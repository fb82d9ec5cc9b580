/**
 * Merges curator batches (data/staging/*.json) into data/dataset.json. A batch holds new entities,
 * notes and aliases to add to existing entities, and link additions:
 *   { "entities": Entity[], "addNotes": [{ "entityId", "notes": Note[] }],
 *     "addAliases": [{ "entityId", "aliases": Alias[] }], "setLinks": [{ "entityId", "links": {...} }] }
 * `--check FILE...` validates the merge in memory; without it, the merged dataset is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDataset, type Alias, type Entity, type Note } from '../lib/schema';
import { checkIntegrity } from '../lib/data/integrity';

interface Batch {
  entities?: Entity[];
  addNotes?: { entityId: string; notes: Note[] }[];
  addAliases?: { entityId: string; aliases: Alias[] }[];
  setLinks?: { entityId: string; links: NonNullable<Entity['links']> }[];
}

const args = process.argv.slice(2);
const check = args[0] === '--check';
const files = check ? args.slice(1) : args;
const datasetPath = resolve(import.meta.dirname, '../data/dataset.json');
const raw = JSON.parse(readFileSync(datasetPath, 'utf8'));
const byId = new Map<string, Entity>(raw.entities.map((e: Entity) => [e.id, e]));
const problems: string[] = [];

for (const file of files) {
  const batch = JSON.parse(readFileSync(file, 'utf8')) as Batch;
  for (const entity of batch.entities ?? []) {
    if (byId.has(entity.id)) problems.push(`${file}: entity "${entity.id}" already exists (use addNotes)`);
    else {
      byId.set(entity.id, entity);
      raw.entities.push(entity);
    }
  }
  const target = (id: string) => {
    const e = byId.get(id);
    if (!e) problems.push(`${file}: unknown entity "${id}"`);
    return e;
  };
  for (const { entityId, notes } of batch.addNotes ?? []) target(entityId)?.notes.push(...notes);
  for (const { entityId, aliases } of batch.addAliases ?? []) target(entityId)?.aliases.push(...aliases);
  for (const { entityId, links } of batch.setLinks ?? []) {
    const e = target(entityId);
    if (e) e.links = { ...e.links, ...links };
  }
}

try {
  const dataset = parseDataset(raw);
  problems.push(...checkIntegrity(dataset));
  if (problems.length) throw new Error(problems.join('\n'));
  const notes = dataset.entities.reduce((n, e) => n + e.notes.length, 0);
  if (!check) writeFileSync(datasetPath, JSON.stringify(raw, null, 2) + '\n');
  console.log(
    `${check ? 'ok (not written)' : 'merged'}: ${dataset.entities.length} entities, ${notes} notes`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
