/**
 * The bundled dataset: the curated file (data/dataset.json) plus what the importer made from open
 * datasets (data/imported.json). Curated entities win: an imported entity never replaces one, and
 * imported facts fill only curated entities that have none.
 */
import * as v from 'valibot';
import { EntitySchema, FactsSchema, IdSchema, describeIssues, type Dataset, type Entity } from '../schema';

export const ImportedDataSchema = v.strictObject({
  schemaVersion: v.literal(1),
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  sources: v.array(
    v.strictObject({ file: v.string(), sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }),
  ),
  entities: v.array(EntitySchema),
  facts: v.record(IdSchema, FactsSchema),
});
export type ImportedData = v.InferOutput<typeof ImportedDataSchema>;

/** Validates the importer's output; throws an Error listing the problems. */
export function parseImported(input: unknown): ImportedData {
  const result = v.safeParse(ImportedDataSchema, input);
  if (!result.success)
    throw new Error(`Invalid imported data:\n${describeIssues(result.issues).slice(0, 50).join('\n')}`);
  return result.output;
}

/** Curated data with the imported entities and facts added; its version names both parts. */
export function mergeBundled(curated: Dataset, imported: ImportedData): Dataset {
  const ids = new Set(curated.entities.map((e) => e.id));
  const entities = curated.entities.map((e) =>
    e.facts || !imported.facts[e.id] ? e : { ...e, facts: imported.facts[e.id] },
  );
  for (const e of imported.entities) if (!ids.has(e.id)) entities.push(e);
  return { ...curated, version: `${curated.version}+${imported.version}`, entities };
}

/** The dataset pages the importer credits (scripts/import/build.ts), by the dataset's short name. */
const IMPORT_CREDITS: Record<string, 'epoch-ai' | 'awesome-llms-in-china'> = {
  'https://epoch.ai/data/notable-ai-models': 'epoch-ai',
  'https://github.com/wgwang/awesome-LLMs-In-China': 'awesome-llms-in-china',
};

/** The open dataset an entity was imported from (its facts credit it and it has no notes), if any. */
export function importedFrom(entity: Entity): 'epoch-ai' | 'awesome-llms-in-china' | undefined {
  if (entity.notes.length > 0) return undefined;
  for (const s of entity.facts?.sources ?? [])
    if (s.url && IMPORT_CREDITS[s.url]) return IMPORT_CREDITS[s.url];
  return undefined;
}
