import { importedFrom } from './bundle';
import {
  ENTITY_TYPES,
  NOTE_KINDS,
  type Dataset,
  type EntityType,
  type NoteKind,
  type Source,
} from '../schema';
import { SOURCE_TIERS, sourceKey, type HostRegistry, type SourceTier } from '../sources/registry';
import { isOriginal } from '../sources/tiers';
import { urlHostKey } from '../sources/url';

export interface DatasetStats {
  entities: number;
  entitiesByType: Record<EntityType, number>;
  notes: number;
  notesByKind: Record<NoteKind, number>;
  notesWithSource: number;
  /** Distinct sources (an original cited by name counts once per publisher, title and copy). */
  sources: number;
  /** Distinct sources by the tier the host registry gives them; unrated and refused ones are not counted. */
  sourcesByTier: Record<SourceTier, number>;
  /** Notes (responses included in the note) with at least one primary or outlet source. */
  notesWithPrimaryOrOutlet: number;
  /** Distinct URLs (originals and copies) on hosts the registry refuses. */
  refusedHostUrls: number;
  /** Distinct hosts cited, originals and copies. */
  hosts: number;
  entitiesWithZhName: number;
  /** Entities with structured facts, and how many carry each fact. */
  structuredFacts: Record<'entities' | FactField, number>;
  /** Where entities come from: curated by hand, or imported from an open dataset (by its credit). */
  entitiesBySource: { curated: number; 'epoch-ai': number; 'awesome-llms-in-china': number };
  asOf: string;
}

const FACT_FIELDS = [
  'released',
  'parameters',
  'trainingCompute',
  'trainingHardware',
  'datasetSize',
  'access',
  'country',
  'generation',
  'keyFigure',
  'exportControl',
] as const;
type FactField = (typeof FACT_FIELDS)[number];

function sourcesOf(note: Dataset['entities'][number]['notes'][number]): Source[] {
  return [...note.sources, ...(note.response?.sources ?? [])];
}

/** Counts for `npm run data:stats`. */
export function datasetStats(dataset: Dataset, registry: HostRegistry): DatasetStats {
  const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  const notesByKind = Object.fromEntries(NOTE_KINDS.map((k) => [k, 0])) as Record<NoteKind, number>;
  const sourcesByTier = Object.fromEntries(SOURCE_TIERS.map((t) => [t, 0])) as Record<SourceTier, number>;
  const keys = new Set<string>();
  const hosts = new Set<string>();
  const refused = new Set<string>();
  let notes = 0;
  let notesWithSource = 0;
  let notesWithPrimaryOrOutlet = 0;
  for (const entity of dataset.entities) {
    entitiesByType[entity.type]++;
    for (const note of entity.notes) {
      notes++;
      notesByKind[note.kind]++;
      if (note.sources.length > 0) notesWithSource++;
      let usable = false;
      for (const s of sourcesOf(note)) {
        const tier = registry.rate(s).tier;
        if (isOriginal(tier)) usable = true;
        const key = sourceKey(s);
        if (!keys.has(key)) {
          keys.add(key);
          if (tier !== 'unrated' && tier !== 'refused') sourcesByTier[tier]++;
        }
        for (const url of [s.url, s.via]) {
          if (!url) continue;
          const host = urlHostKey(url);
          if (host) hosts.add(host);
          if (registry.rateUrl(url).tier === 'refused') refused.add(url);
        }
      }
      if (usable) notesWithPrimaryOrOutlet++;
    }
  }
  return {
    entities: dataset.entities.length,
    entitiesByType,
    notes,
    notesByKind,
    notesWithSource,
    sources: keys.size,
    sourcesByTier,
    notesWithPrimaryOrOutlet,
    refusedHostUrls: refused.size,
    hosts: hosts.size,
    entitiesWithZhName: dataset.entities.filter((e) => e.name.zh).length,
    structuredFacts: Object.fromEntries([
      ['entities', dataset.entities.filter((e) => e.facts).length],
      ...FACT_FIELDS.map((f) => [f, dataset.entities.filter((e) => e.facts?.[f] !== undefined).length]),
    ]) as DatasetStats['structuredFacts'],
    entitiesBySource: dataset.entities.reduce(
      (counts, e) => {
        counts[importedFrom(e) ?? 'curated']++;
        return counts;
      },
      { curated: 0, 'epoch-ai': 0, 'awesome-llms-in-china': 0 },
    ),
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

/** Notes whose sources are all relays (or worse): the next originals to find. */
export function relayOnlyNotes(dataset: Dataset, registry: HostRegistry): string[] {
  return dataset.entities.flatMap((entity) =>
    entity.notes
      .filter((note) => !sourcesOf(note).some((s) => isOriginal(registry.rate(s).tier)))
      .map((note) => `${entity.id}/${note.id}`),
  );
}
