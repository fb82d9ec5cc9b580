/**
 * The reader's review of a version awaiting it: what it would change, and accepting it (all or some
 * entities) or rejecting it. Nothing reaches the reader's data until they accept it.
 */
import { HandlerError, type Handlers } from '../messages/router';
import { applyReview, diffDatasets } from '../packs/review';
import type { PackVersion, StoredPack } from './db';
import { LayerError, applyLayers } from './layers';
import type { PackShared } from './packs-shared';
import { acceptedData, entityReviewView } from './packs-view';

/** The handlers that show a pending version's changes and accept or reject it. */
export function reviewHandlers(
  shared: PackShared,
): Pick<Handlers, 'getPackReview' | 'acceptPack' | 'rejectPack'> {
  const { ctx } = shared;
  const { db } = ctx;
  return {
    async getPackReview({ id }) {
      await ctx.ready();
      const row = await shared.get(id);
      const pending = awaiting(row);
      const review = diffDatasets(acceptedData(row), pending.dataset);
      return {
        id,
        key: pending.signature,
        title: pending.meta.title,
        ...(row.accepted && { fromVersion: row.accepted.meta.version }),
        toVersion: pending.meta.version,
        counts: review.counts,
        entities: review.entities.map(entityReviewView),
      };
    },

    async acceptPack({ id, key, entities }) {
      await shared.readyToWrite();
      const accepted = acceptance(await shared.get(id), key, entities);
      try {
        await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
          await db.packs.update(id, { accepted, pending: undefined, reviewed: key, lastError: undefined });
          await applyLayers(db, ctx.bundled, ctx.now());
        });
      } catch (error) {
        if (!(error instanceof LayerError)) throw error;
        await db.packs.update(id, {
          lastError: { reason: 'integrity', message: error.message, at: ctx.now() },
        });
        shared.packsChanged();
        return { ok: false, reason: 'integrity', message: error.message, pack: await shared.viewOf(id) };
      }
      ctx.changed();
      shared.packsChanged();
      return { ok: true, pack: await shared.viewOf(id) };
    },

    async rejectPack({ id, key }) {
      await shared.readyToWrite();
      pendingFor(await shared.get(id), key);
      await db.packs.update(id, { pending: undefined, reviewed: key });
      shared.packsChanged();
      return shared.viewOf(id);
    },
  };
}

/** The version in use once the reader accepts `entities` of the pending one (or all of it). */
function acceptance(
  row: StoredPack,
  key: string,
  entities: readonly string[] | 'all',
): NonNullable<StoredPack['accepted']> {
  const pending = pendingFor(row, key);
  const current = acceptedData(row);
  const changed = diffDatasets(current, pending.dataset).entities.map((e) => e.id);
  const chosen = new Set(entities === 'all' ? changed : entities);
  const partial = changed.some((e) => !chosen.has(e));
  const dataset = applyReview(current, pending.dataset, chosen);
  return { ...pending, dataset, partial };
}

/** The pending version a decision is about; refuses when a newer one replaced it meanwhile. */
function pendingFor(row: StoredPack, key: string): PackVersion {
  const pending = awaiting(row);
  if (pending.signature !== key)
    throw new HandlerError(
      `A newer version of "${row.id}" arrived while you reviewed this one; review it again.`,
      'conflict',
    );
  return pending;
}

/** The version awaiting review; a not-found error when there is none. */
function awaiting(row: StoredPack): PackVersion {
  if (!row.pending)
    throw new HandlerError(`The pack "${row.id}" has no version awaiting review.`, 'not-found');
  return row.pending;
}
