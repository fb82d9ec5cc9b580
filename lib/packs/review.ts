/**
 * What a new version of a pack (or of the bundled data) would change, for a reader to review before
 * anything applies: entities added, changed and removed, and within a changed entity its notes
 * added, changed and removed with their sources. Accepting all or some entities gives the new data.
 */
import type { Dataset, Entity, Note, Source } from '../schema';
import { canonicalJson } from '../data/canonical';

export type Change = 'added' | 'changed' | 'removed';

/** One note that differs, identified by its id within its entity. */
export interface NoteChange {
  id: string;
  change: Change;
  kind: Note['kind'];
  before?: Note;
  after?: Note;
  /** The sources of the note as it will be (as it was, for a removed note), its response's included. */
  sources: Source[];
}

/** One entity that differs, identified by its id. */
export interface EntityChange {
  id: string;
  change: Change;
  /** English name as it will be (as it was, for a removed entity). */
  name: string;
  type: Entity['type'];
  before?: Entity;
  after?: Entity;
  /** Top-level fields other than notes that differ ("aliases", "facts", "links"…), sorted. */
  fields: string[];
  /** Notes that differ, sorted by id; for an added or removed entity, all its notes. */
  notes: NoteChange[];
}

export interface Review {
  fromVersion: string;
  toVersion: string;
  /** Sorted by entity id. */
  entities: EntityChange[];
  counts: Record<Change, number>;
}

/** The changes from `current` to `next`, in a stable order (entity ids, then note ids). */
export function diffDatasets(current: Dataset, next: Dataset): Review {
  const before = byId(current.entities);
  const after = byId(next.entities);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compare);
  const entities: EntityChange[] = [];
  for (const id of ids) {
    const change = diffEntity(before.get(id), after.get(id));
    if (change) entities.push(change);
  }
  const counts: Record<Change, number> = { added: 0, changed: 0, removed: 0 };
  for (const e of entities) counts[e.change]++;
  return { fromVersion: current.version, toVersion: next.version, entities, counts };
}

/** The change of one entity, or undefined when both sides hold the same data. */
export function diffEntity(before: Entity | undefined, after: Entity | undefined): EntityChange | undefined {
  const entity = after ?? before;
  if (!entity) return undefined;
  const change: Change = !before ? 'added' : !after ? 'removed' : 'changed';
  if (before && after && same(before, after)) return undefined;
  const fields =
    before && after
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((key) => key !== 'notes' && !same(field(before, key), field(after, key)))
          .sort(compare)
      : [];
  return {
    id: entity.id,
    change,
    name: entity.name.en,
    type: entity.type,
    ...(before && { before }),
    ...(after && { after }),
    fields,
    notes: diffNotes(before?.notes ?? [], after?.notes ?? []),
  };
}

/** Notes added, changed and removed between two note lists, by note id, sorted by id. */
export function diffNotes(before: readonly Note[], after: readonly Note[]): NoteChange[] {
  const old = byId(before);
  const now = byId(after);
  const changes: NoteChange[] = [];
  for (const id of [...new Set([...old.keys(), ...now.keys()])].sort(compare)) {
    const a = old.get(id);
    const b = now.get(id);
    if (a && b && same(a, b)) continue;
    const note = (b ?? a)!;
    changes.push({
      id,
      change: !a ? 'added' : !b ? 'removed' : 'changed',
      kind: note.kind,
      ...(a && { before: a }),
      ...(b && { after: b }),
      sources: [...note.sources, ...(note.response?.sources ?? [])],
    });
  }
  return changes;
}

/**
 * The data after accepting the changes of some entities (or 'all'): an accepted entity takes its
 * next version (or goes, if next removed it), every other keeps its current one. Accepting every
 * change gives `next` itself; accepting none gives `current`. Otherwise the result keeps current's
 * version and asOf (it is not the next version yet) and current's order, accepted additions last
 * in next's order.
 */
export function applyReview(
  current: Dataset,
  next: Dataset,
  acceptedEntityIds: 'all' | Iterable<string>,
): Dataset {
  const changed = diffDatasets(current, next).entities.map((e) => e.id);
  const accepted = new Set(acceptedEntityIds === 'all' ? changed : acceptedEntityIds);
  const taken = changed.filter((id) => accepted.has(id));
  if (taken.length === changed.length) return next;
  if (taken.length === 0) return current;
  const nextById = byId(next.entities);
  const currentIds = new Set(current.entities.map((e) => e.id));
  const entities: Entity[] = [];
  for (const entity of current.entities) {
    if (!accepted.has(entity.id)) entities.push(entity);
    else {
      const replacement = nextById.get(entity.id);
      if (replacement) entities.push(replacement);
    }
  }
  for (const entity of next.entities)
    if (accepted.has(entity.id) && !currentIds.has(entity.id)) entities.push(entity);
  return { ...current, entities };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  // Ids are unique by schema (entities) and integrity check (notes); the first wins if not.
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function field(entity: Entity, key: string): unknown {
  return (entity as unknown as Record<string, unknown>)[key];
}

/** Same data, whatever the key order (the canonical form of pack signatures). */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
