/**
 * Puts the bundled dataset into the database without losing the user's work: entries the user
 * created or edited stay as they are, entries the user deleted stay deleted. Entries a subscribed
 * pack supplies stay too: a pack is a layer above the bundled data (lib/store/layers).
 */
import type { Dataset } from '../schema';
import { datasetMetaOf, type AssayDb, type StoredEntity } from './db';

export interface SeedResult {
  /** False when the database already held this dataset version. */
  changed: boolean;
  added: number;
  updated: number;
  removed: number;
  keptUserEdits: number;
  /** Entries left as a subscribed pack has them. */
  keptPackEntries: number;
}

/** Seeds or upgrades the database from `dataset` in one transaction; idempotent per version. */
export async function seedFromBundle(db: AssayDb, dataset: Dataset, now = Date.now()): Promise<SeedResult> {
  return db.transaction('rw', db.entities, db.tombstones, db.meta, async () => {
    const result: SeedResult = {
      changed: false,
      added: 0,
      updated: 0,
      removed: 0,
      keptUserEdits: 0,
      keptPackEntries: 0,
    };
    const meta = await datasetMetaOf(db);
    if (meta?.version === dataset.version) return result;
    result.changed = true;

    const existing = new Map((await db.entities.toArray()).map((e) => [e.id, e]));
    const deleted = new Set(await db.tombstones.toCollection().primaryKeys());
    const bundledIds = new Set<string>();
    const puts: StoredEntity[] = [];
    for (const entity of dataset.entities) {
      bundledIds.add(entity.id);
      if (deleted.has(entity.id)) continue;
      const current = existing.get(entity.id);
      if (current?.origin === 'user') {
        result.keptUserEdits++;
        continue;
      }
      if (current?.origin === 'pack') {
        result.keptPackEntries++;
        continue;
      }
      if (current) result.updated++;
      else result.added++;
      puts.push({
        id: entity.id,
        type: entity.type,
        data: entity,
        origin: 'bundled',
        revision: (current?.revision ?? 0) + 1,
        updatedAt: now,
      });
    }
    // Bundled entries dropped from the new dataset go too, unless the user has made them theirs.
    const stale = [...existing.values()]
      .filter((e) => e.origin === 'bundled' && !bundledIds.has(e.id))
      .map((e) => e.id);
    result.removed = stale.length;
    await db.entities.bulkPut(puts);
    await db.entities.bulkDelete(stale);
    await db.meta.put({ key: 'dataset', version: dataset.version, asOf: dataset.asOf });
    return result;
  });
}
