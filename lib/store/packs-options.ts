/**
 * The subscriptions as the options page lists them, and what it changes in that list: a pack's
 * place in the order, switching it off or on, and removing it. Each change re-merges the layers.
 */
import type { Handlers } from '../messages/router';
import type { PackConflictView } from '../messages/protocol';
import type { StoredPack } from './db';
import { LayerError, applyLayers, mergeStored } from './layers';
import type { PackShared } from './packs-shared';

/** The handlers that list the subscriptions, reorder them, switch them off or on and remove them. */
export function optionsHandlers(
  shared: PackShared,
): Pick<Handlers, 'listPacks' | 'removePack' | 'setPackOptions'> {
  const { ctx } = shared;
  const { db, bundled } = ctx;

  return {
    async listPacks() {
      await ctx.ready();
      const meta = { version: bundled.version, asOf: bundled.asOf };
      if (ctx.degraded()) return { packs: [], conflicts: [], scheduled: false, bundled: meta };
      const rows = await shared.sorted();
      const packs = await Promise.all(rows.map((r) => shared.view(r)));
      const conflicts = rows.length ? await packConflicts(shared) : [];
      return { packs, conflicts, scheduled: await shared.scheduled(), bundled: meta };
    },

    async removePack({ id }) {
      await shared.readyToWrite();
      await shared.get(id);
      // Removing a layer may leave a link of the reader's to an entity only the pack had: the card
      // skips links it cannot resolve, as when the reader deletes an entity others link to.
      await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
        await db.packs.delete(id);
        await renumber(shared);
        await applyLayers(db, bundled, ctx.now(), { tolerateDanglingLinks: true });
      });
      ctx.changed();
      shared.packsChanged();
      return { id };
    },

    async setPackOptions({ id, enabled, position }) {
      await shared.readyToWrite();
      await shared.get(id);
      try {
        await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
          if (enabled !== undefined) await db.packs.update(id, { enabled });
          if (position !== undefined) await renumber(shared, id, position);
          await applyLayers(db, bundled, ctx.now(), { tolerateDanglingLinks: enabled === false });
        });
      } catch (error) {
        if (!(error instanceof LayerError)) throw error;
        return { ok: false, reason: 'integrity', message: error.message, pack: await shared.viewOf(id) };
      }
      ctx.changed();
      shared.packsChanged();
      return { ok: true, pack: await shared.viewOf(id) };
    },
  };
}

/** The conflicts between layers that a pack takes part in, as the options page shows them. */
async function packConflicts({ ctx }: PackShared): Promise<PackConflictView[]> {
  return (await mergeStored(ctx.db, ctx.bundled)).conflicts
    .filter((c) => c.layers.some((l) => l.layer.kind === 'pack'))
    .map(({ id, name, winner, deleted, layers }) => ({ id, name, winner, deleted, layers }));
}

/** Gives the packs orders 0, 1, …; with `id`, moves that pack to `position` first. */
async function renumber(shared: PackShared, id?: string, position?: number): Promise<void> {
  const rows = await shared.sorted();
  if (id !== undefined && position !== undefined) moveTo(rows, id, position);
  for (const [order, row] of rows.entries())
    if (row.order !== order) await shared.ctx.db.packs.update(row.id, { order });
}

/** Moves the pack `id` to `position` in `rows` (to the end when `position` is past it). */
function moveTo(rows: StoredPack[], id: string, position: number): void {
  const from = rows.findIndex((r) => r.id === id);
  const [moved] = rows.splice(from, 1);
  rows.splice(Math.min(position, rows.length), 0, moved!);
}
