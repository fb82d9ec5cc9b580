/**
 * The entities table holds what the reader sees: the user's rows as they wrote them, and below
 * them whatever wins of the accepted packs (in the reader's order) and the bundled data
 * (lib/packs/precedence). This module recomputes the rows below the user's edits after a pack
 * change; the user's rows and tombstones are never written here.
 */
import type { Dataset, Entity } from '../schema';
import { checkIntegrity } from '../data/integrity';
import { sameEntity } from '../data/transfer';
import { mergeLayers, type MergeResult, type PackLayer, type UserLayer } from '../packs/precedence';
import type { AssayDb, StoredEntity, StoredPack } from './db';

/** A pack change that would break the data (a link to nothing, a name two entities share). */
export class LayerError extends Error {
  override name = 'LayerError';
  constructor(readonly problems: string[]) {
    super(
      `The result would be inconsistent: ${problems.slice(0, 5).join('; ')}` +
        (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''),
    );
  }
}

/** The packs that take part, first in precedence first: enabled and with accepted data. */
export function packLayers(packs: readonly StoredPack[]): PackLayer[] {
  return [...packs]
    .filter((p) => p.enabled && p.accepted)
    .sort((a, b) => a.order - b.order)
    .map((p) => ({ id: p.id, entities: p.accepted!.dataset.entities }));
}

/** The reader's layer from stored rows: rows of origin "user" (see lib/store/db) and tombstoned ids. */
export function userLayerFromRows(
  rows: readonly Pick<StoredEntity, 'origin' | 'data'>[],
  deleted: readonly string[],
): UserLayer {
  return { edited: rows.filter((r) => r.origin === 'user').map((r) => r.data), deleted };
}

/** The merge of every layer as the database holds them now. */
export async function mergeStored(db: AssayDb, bundled: Dataset): Promise<MergeResult> {
  return (await readLayers(db, bundled)).merge;
}

/** The stored rows and the merge of every layer, read in one transaction. */
async function readLayers(db: AssayDb, bundled: Dataset) {
  return db.transaction('r', db.entities, db.tombstones, db.packs, async () => {
    const rows = await db.entities.toArray();
    const deleted = (await db.tombstones.toCollection().primaryKeys()) as string[];
    const merge = mergeLayers({
      bundled: bundled.entities,
      packs: packLayers(await db.packs.toArray()),
      user: userLayerFromRows(rows, deleted),
    });
    return { rows, merge };
  });
}

export interface LayerWrite {
  written: number;
  removed: number;
  merge: MergeResult;
}

/**
 * Rewrites the rows below the user's edits from the bundled data and the packs as `db.packs` now
 * holds them. Call it inside the transaction that changed the packs: when the result would have an
 * integrity problem the current rows do not have, it throws LayerError and the transaction writes
 * nothing at all. `tolerateDanglingLinks` lets a removed layer leave links to nothing (the card
 * skips them, as it does when the reader deletes an entity others link to).
 */
export async function applyLayers(
  db: AssayDb,
  bundled: Dataset,
  now: number,
  options: { tolerateDanglingLinks?: boolean } = {},
): Promise<LayerWrite> {
  return db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
    const { rows, merge } = await readLayers(db, bundled);
    const before = new Set(
      integrity(
        rows.map((r) => r.data),
        bundled,
      ),
    );
    const added = integrity(
      merge.entities.map((m) => m.entity),
      bundled,
    ).filter((p) => !before.has(p) && !(options.tolerateDanglingLinks && /unknown entity "/.test(p)));
    if (added.length) throw new LayerError(added);

    const existing = new Map(rows.map((r) => [r.id, r]));
    const puts: StoredEntity[] = [];
    const keep = new Set<string>();
    for (const { entity, from } of merge.entities) {
      keep.add(entity.id);
      if (from.kind === 'user') continue;
      const origin = from.kind;
      const packId = from.kind === 'pack' ? from.id : undefined;
      const current = existing.get(entity.id);
      if (
        current &&
        current.origin === origin &&
        current.packId === packId &&
        sameEntity(current.data, entity)
      )
        continue;
      puts.push({
        id: entity.id,
        type: entity.type,
        data: entity,
        origin,
        ...(packId !== undefined && { packId }),
        revision: (current?.revision ?? 0) + 1,
        updatedAt: now,
      });
    }
    const gone = rows.filter((r) => r.origin !== 'user' && !keep.has(r.id)).map((r) => r.id);
    await db.entities.bulkPut(puts);
    await db.entities.bulkDelete(gone);
    return { written: puts.length, removed: gone.length, merge };
  });
}

function integrity(entities: Entity[], bundled: Dataset): string[] {
  return checkIntegrity({ schemaVersion: 1, version: 'layers', asOf: bundled.asOf, entities });
}
