import { ENTITY_TYPES, NOTE_KINDS, type Dataset, type EntityType, type NoteKind } from '../schema';

export interface DatasetStats {
  entities: number;
  entitiesByType: Record<EntityType, number>;
  notes: number;
  notesByKind: Record<NoteKind, number>;
  notesWithSource: number;
  /** Distinct source URLs. */
  sources: number;
  entitiesWithZhName: number;
  asOf: string;
}

/** Counts for `npm run data:stats`. */
export function datasetStats(dataset: Dataset): DatasetStats {
  const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const notesByKind = Object.fromEntries(NOTE_KINDS.map((k) => [k, 0])) as Record<NoteKind, number>;
  const urls = new Set<string>();
  let notes = 0;
  let notesWithSource = 0;
  for (const entity of dataset.entities) {
    entitiesByType[entity.type]++;
    for (const note of entity.notes) {
      notes++;
      notesByKind[note.kind]++;
      if (note.sources.length > 0) notesWithSource++;
      for (const s of [...note.sources, ...(note.response?.sources ?? [])]) urls.add(s.url);
    }
  }
  return {
    entities: dataset.entities.length,
    entitiesByType,
    notes,
    notesByKind,
    notesWithSource,
    sources: urls.size,
    entitiesWithZhName: dataset.entities.filter((e) => e.name.zh).length,
    asOf: dataset.asOf,
  };
}

/** Per note kind, the entities that have no note of it (the curation to-do list). */
export function coverageGaps(dataset: Dataset): Record<NoteKind, string[]> {
  return Object.fromEntries(
    NOTE_KINDS.map((kind) => [
      kind,
      dataset.entities.filter((e) => !e.notes.some((n) => n.kind === kind)).map((e) => e.id),
    ]),
  ) as Record<NoteKind, string[]>;
}
