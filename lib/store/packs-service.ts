/**
 * Subscriptions to signed data packs, in the background: subscribing (by address or from a file)
 * with the publisher's key pinned, checking for a new version, the review of what it would change,
 * and accepting (all or some entities) or rejecting it. A version is verified in full before it is
 * kept for review, and nothing reaches the reader's data until they accept it; a refused version
 * leaves the data as it was and the subscription says why. Downloads go through an injected fetch.
 */
import type { Dataset } from '../schema';
import type { HostRegistry } from '../sources/registry';
import { HandlerError, type Handlers } from '../messages/router';
import type {
  EntityReviewView,
  PackConflictView,
  PackErrorReason,
  PackOutcome,
  PackVersionView,
  PackView,
} from '../messages/protocol';
import { verifyPack, type Pack } from '../packs/format';
import { PackKeyError, keyFingerprint } from '../packs/keys';
import { applyReview, diffDatasets } from '../packs/review';
import { checkIntegrity } from '../data/integrity';
import { fetchPackBytes, parsePackUrl, type FetchLike } from '../packs/fetch';
import { scheduleTable, type AssayDb, type PackVersion, type StoredPack } from './db';
import { LayerError, applyLayers, mergeStored } from './layers';

/** How often a scheduled check runs, in minutes (daily). */
export const PACK_CHECK_MINUTES = 1440;
const DAY_MS = PACK_CHECK_MINUTES * 60_000;

type PackRequest =
  | 'listPacks'
  | 'subscribePack'
  | 'checkPack'
  | 'getPackReview'
  | 'acceptPack'
  | 'rejectPack'
  | 'removePack'
  | 'setPackOptions'
  | 'setPackSchedule';

export interface PackContext {
  db: AssayDb;
  bundled: Dataset;
  now: () => number;
  /** How pack files are downloaded (the browser's fetch in the background; a fake in tests). */
  fetch: FetchLike;
  /** The host registry the source rules are checked against. */
  registry: HostRegistry;
  /** Seeds the database first (lib/store/service). */
  ready: () => Promise<void>;
  /** Throws when the database is unavailable. */
  writable: () => void;
  /** True when the database could not open. */
  degraded: () => boolean;
  /** Called after the reader's data changed (caches, open pages). */
  changed: () => void;
  /** Called after subscriptions or the schedule changed (the background's alarm follows them). */
  onPacksChanged?: () => void;
  maxBytes?: number;
  timeoutMs?: number;
}

/** A refusal that leaves the data unchanged, with the reason the options page names. */
class PackRefusal extends Error {
  constructor(
    readonly reason: PackErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The pack handlers, plus what the background's alarm calls. */
export function createPackHandlers(ctx: PackContext): Pick<Handlers, PackRequest> & {
  /** Checks every enabled subscription that has an address (the scheduled check). */
  checkAll: () => Promise<void>;
  /** True when a scheduled check is wanted: it is on and a subscription has an address. */
  scheduleWanted: () => Promise<boolean>;
} {
  const { db, bundled, now } = ctx;

  const scheduled = async () => {
    if (ctx.degraded()) return false;
    const record = await scheduleTable(db).get('packSchedule');
    return record?.enabled ?? true;
  };
  const sorted = async () => (await db.packs.toArray()).sort((a, b) => a.order - b.order);
  const get = async (id: string) => {
    const row = await db.packs.get(id);
    if (!row) throw new HandlerError(`No subscription "${id}".`, 'not-found');
    return row;
  };
  /** How many entries show a pack's version (an index count: no row is read). */
  const shown = (id: string) => db.entities.where('packId').equals(id).count();
  const view = async (row: StoredPack): Promise<PackView> => toView(row, await shown(row.id));
  const packsChanged = () => ctx.onPacksChanged?.();

  /** The bytes of a version: the text given, else a download from the subscription's address. */
  const load = async (source: { url?: string; text?: string }): Promise<Uint8Array | string> => {
    if (source.text !== undefined) return source.text;
    if (!source.url)
      throw new PackRefusal(
        'address',
        'This pack was added from a file: load its new version from a file too.',
      );
    const result = await fetchPackBytes(source.url, ctx.fetch, {
      ...(ctx.maxBytes !== undefined && { maxBytes: ctx.maxBytes }),
      ...(ctx.timeoutMs !== undefined && { timeoutMs: ctx.timeoutMs }),
    });
    if (!result.ok) throw new PackRefusal(result.reason, result.message);
    return result.bytes;
  };

  /** Verifies a version against the pinned key: format, key, signature, schema, source rules. */
  const verified = async (input: Uint8Array | string, publicKey: string): Promise<PackVersion> => {
    const result = await verifyPack(input, publicKey, {
      registry: ctx.registry,
      ...(ctx.maxBytes !== undefined && { maxBytes: ctx.maxBytes }),
    });
    if (!result.ok) throw new PackRefusal(result.reason, result.message);
    const problems = ownProblems(result.pack.dataset);
    if (problems.length)
      throw new PackRefusal(
        'schema',
        `The pack's data is inconsistent: ${problems.slice(0, 5).join('; ')}` +
          (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''),
      );
    return versionOf(result.pack, now());
  };

  const nextCheckFor = async (row: Pick<StoredPack, 'url'>, at: number) =>
    row.url && (await scheduled()) ? at + DAY_MS : undefined;

  const handlers: ReturnType<typeof createPackHandlers> = {
    async listPacks() {
      await ctx.ready();
      const meta = { version: bundled.version, asOf: bundled.asOf };
      if (ctx.degraded()) return { packs: [], conflicts: [], scheduled: false, bundled: meta };
      const rows = await sorted();
      const packs = await Promise.all(rows.map((r) => view(r)));
      const conflicts: PackConflictView[] = rows.length
        ? (await mergeStored(db, bundled)).conflicts
            .filter((c) => c.layers.some((l) => l.layer.kind === 'pack'))
            .map(({ id, name, winner, deleted, layers }) => ({ id, name, winner, deleted, layers }))
        : [];
      return { packs, conflicts, scheduled: await scheduled(), bundled: meta };
    },

    async subscribePack({ url, text, publicKey }) {
      await ctx.ready();
      ctx.writable();
      if ((url === undefined) === (text === undefined))
        throw new HandlerError('Give the pack’s address or its file, not both.', 'malformed');
      try {
        let fingerprint: string;
        try {
          fingerprint = await keyFingerprint(publicKey);
        } catch (error) {
          if (error instanceof PackKeyError) throw new PackRefusal('key', error.message);
          throw error;
        }
        let address: string | undefined;
        if (url !== undefined) {
          const parsed = parsePackUrl(url);
          if (!parsed.ok) throw new PackRefusal('address', parsed.message);
          address = parsed.url.href;
        }
        const version = await verified(await load({ url: address, text }), publicKey);
        const id = version.meta.id;
        const at = now();
        const next = await nextCheckFor({ url: address }, at);
        const row = await db.transaction('rw', db.packs, async () => {
          const existing = await db.packs.get(id);
          if (existing)
            throw new PackRefusal(
              'duplicate',
              `You already subscribe to the pack "${id}"${existing.url ? ` (from ${existing.url})` : ''}. Remove it first to subscribe again.`,
            );
          const last = (await db.packs.orderBy('order').last())?.order ?? -1;
          const stored: StoredPack = {
            id,
            ...(address !== undefined && { url: address }),
            publicKey: publicKey.replace(/\s+/g, ''),
            fingerprint,
            order: last + 1,
            enabled: true,
            pending: version,
            addedAt: at,
            lastCheck: at,
          };
          if (next !== undefined) stored.nextCheck = next;
          await db.packs.put(stored);
          return stored;
        });
        packsChanged();
        return { ok: true, pack: await view(row) };
      } catch (error) {
        if (error instanceof PackRefusal)
          return { ok: false, reason: error.reason, message: error.message } satisfies PackOutcome;
        throw error;
      }
    },

    async checkPack({ id, text }) {
      await ctx.ready();
      ctx.writable();
      const row = await get(id);
      const at = now();
      let outcome: { pending?: PackVersion; upToDate: boolean } | PackRefusal;
      try {
        const version = await verified(await load({ url: row.url, text }), row.publicKey);
        if (version.meta.id !== row.id)
          throw new PackRefusal(
            'id',
            `The file is the pack "${version.meta.id}", not "${row.id}": a pack keeps its id in every version.`,
          );
        const known = [row.accepted?.signature, row.pending?.signature, row.reviewed];
        if (known.includes(version.signature)) outcome = { upToDate: true };
        else if (row.accepted && version.meta.asOf < row.accepted.meta.asOf)
          throw new PackRefusal(
            'older',
            `This version (${version.meta.version}, as of ${version.meta.asOf}) is older than the one in use (${row.accepted.meta.version}, as of ${row.accepted.meta.asOf}).`,
          );
        else outcome = { pending: version, upToDate: false };
      } catch (error) {
        if (!(error instanceof PackRefusal)) throw error;
        outcome = error;
      }
      const next = await nextCheckFor(row, at);
      const updated = await db.transaction('rw', db.packs, async () => {
        const current = await db.packs.get(id);
        if (!current) throw new HandlerError(`The subscription "${id}" was removed meanwhile.`, 'not-found');
        const changes: Partial<StoredPack> = { lastCheck: at, nextCheck: next };
        if (outcome instanceof PackRefusal)
          changes.lastError = { reason: outcome.reason, message: outcome.message, at };
        else {
          changes.lastError = undefined;
          if (outcome.pending) changes.pending = outcome.pending;
        }
        await db.packs.update(id, changes);
        return { ...current, ...changes };
      });
      packsChanged();
      const pack = await view(updated);
      return outcome instanceof PackRefusal
        ? { ok: false, reason: outcome.reason, message: outcome.message, pack }
        : { ok: true, pack, upToDate: outcome.upToDate };
    },

    async getPackReview({ id }) {
      await ctx.ready();
      const row = await get(id);
      if (!row.pending)
        throw new HandlerError(`The pack "${id}" has no version awaiting review.`, 'not-found');
      const review = diffDatasets(acceptedData(row), row.pending.dataset);
      return {
        id,
        key: row.pending.signature,
        title: row.pending.meta.title,
        ...(row.accepted && { fromVersion: row.accepted.meta.version }),
        toVersion: row.pending.meta.version,
        counts: review.counts,
        entities: review.entities.map((e): EntityReviewView => ({
          id: e.id,
          change: e.change,
          name: e.name,
          type: e.type,
          fields: e.fields,
          notes: e.notes.map((n) => {
            const note = (n.after ?? n.before)!;
            return {
              id: n.id,
              change: n.change,
              kind: n.kind,
              date: note.date,
              text: { en: note.text.en, ...(note.text.zh && { zh: note.text.zh }) },
              sources: n.sources,
            };
          }),
        })),
      };
    },

    async acceptPack({ id, key, entities }) {
      await ctx.ready();
      ctx.writable();
      const row = await get(id);
      const pending = pendingFor(row, key);
      const current = acceptedData(row);
      const changed = diffDatasets(current, pending.dataset).entities.map((e) => e.id);
      const chosen = new Set(entities === 'all' ? changed : entities);
      const partial = changed.some((e) => !chosen.has(e));
      const dataset = applyReview(current, pending.dataset, chosen);
      try {
        await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
          await db.packs.update(id, {
            accepted: { ...pending, dataset, partial },
            pending: undefined,
            reviewed: key,
            lastError: undefined,
          });
          await applyLayers(db, bundled, now());
        });
      } catch (error) {
        if (!(error instanceof LayerError)) throw error;
        await db.packs.update(id, { lastError: { reason: 'integrity', message: error.message, at: now() } });
        packsChanged();
        return { ok: false, reason: 'integrity', message: error.message, pack: await view(await get(id)) };
      }
      ctx.changed();
      packsChanged();
      return { ok: true, pack: await view(await get(id)) };
    },

    async rejectPack({ id, key }) {
      await ctx.ready();
      ctx.writable();
      const row = await get(id);
      pendingFor(row, key);
      await db.packs.update(id, { pending: undefined, reviewed: key });
      packsChanged();
      return view(await get(id));
    },

    async removePack({ id }) {
      await ctx.ready();
      ctx.writable();
      await get(id);
      // Removing a layer may leave a link of the reader's to an entity only the pack had: the card
      // skips links it cannot resolve, as when the reader deletes an entity others link to.
      await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
        await db.packs.delete(id);
        await renumber();
        await applyLayers(db, bundled, now(), { tolerateDanglingLinks: true });
      });
      ctx.changed();
      packsChanged();
      return { id };
    },

    async setPackOptions({ id, enabled, position }) {
      await ctx.ready();
      ctx.writable();
      await get(id);
      try {
        await db.transaction('rw', db.entities, db.tombstones, db.packs, async () => {
          if (enabled !== undefined) await db.packs.update(id, { enabled });
          if (position !== undefined) await renumber(id, position);
          await applyLayers(db, bundled, now(), { tolerateDanglingLinks: enabled === false });
        });
      } catch (error) {
        if (!(error instanceof LayerError)) throw error;
        return { ok: false, reason: 'integrity', message: error.message, pack: await view(await get(id)) };
      }
      ctx.changed();
      packsChanged();
      return { ok: true, pack: await view(await get(id)) };
    },

    async setPackSchedule({ enabled }) {
      await ctx.ready();
      ctx.writable();
      const at = now();
      await db.transaction('rw', db.meta, db.packs, async () => {
        await scheduleTable(db).put({ key: 'packSchedule', enabled });
        for (const row of await db.packs.toArray())
          await db.packs.update(row.id, {
            nextCheck: enabled && row.url ? Math.max(at, row.lastCheck ?? at) + DAY_MS : undefined,
          });
      });
      packsChanged();
      return { scheduled: enabled };
    },

    async checkAll() {
      await ctx.ready();
      if (ctx.degraded()) return;
      for (const row of await sorted())
        if (row.enabled && row.url) await handlers.checkPack({ type: 'checkPack', id: row.id });
    },

    async scheduleWanted() {
      await ctx.ready();
      if (!(await scheduled())) return false;
      return (await db.packs.toArray()).some((p) => p.url !== undefined);
    },
  };
  return handlers;

  /** Gives the packs orders 0, 1, …; with `id`, moves that pack to `position` first. */
  async function renumber(id?: string, position?: number) {
    const rows = await sorted();
    if (id !== undefined && position !== undefined) {
      const from = rows.findIndex((r) => r.id === id);
      const [moved] = rows.splice(from, 1);
      rows.splice(Math.min(position, rows.length), 0, moved!);
    }
    for (const [order, row] of rows.entries())
      if (row.order !== order) await db.packs.update(row.id, { order });
  }
}

/**
 * Integrity problems of a pack's data on its own: all but links to entities it does not hold,
 * which may be the bundled data's (the merged result is checked again when a version is accepted).
 */
function ownProblems(dataset: Dataset): string[] {
  return checkIntegrity(dataset).filter((p) => !/unknown entity "/.test(p));
}

/** The pending version a decision is about; refuses when a newer one replaced it meanwhile. */
function pendingFor(row: StoredPack, key: string): PackVersion {
  if (!row.pending)
    throw new HandlerError(`The pack "${row.id}" has no version awaiting review.`, 'not-found');
  if (row.pending.signature !== key)
    throw new HandlerError(
      `A newer version of "${row.id}" arrived while you reviewed this one; review it again.`,
      'conflict',
    );
  return row.pending;
}

/** The pack's data in use, or an empty dataset before the first acceptance. */
function acceptedData(row: StoredPack): Dataset {
  if (row.accepted) return row.accepted.dataset;
  const asOf = row.pending?.meta.asOf ?? '2000';
  return { schemaVersion: 1, version: 'none', asOf, entities: [] };
}

function versionOf(pack: Pack, fetchedAt: number): PackVersion {
  return { meta: pack.meta, dataset: pack.dataset, signature: pack.signature.value, fetchedAt };
}

function versionView(version: PackVersion): PackVersionView {
  const { meta, dataset } = version;
  return {
    title: meta.title,
    publisher: meta.publisher,
    version: meta.version,
    asOf: meta.asOf,
    licence: meta.licence,
    ...(meta.homepage && { homepage: meta.homepage }),
    entityCount: dataset.entities.length,
    noteCount: dataset.entities.reduce((n, e) => n + e.notes.length, 0),
    fetchedAt: version.fetchedAt,
  };
}

function toView(row: StoredPack, entitiesShown: number): PackView {
  return {
    id: row.id,
    ...(row.url !== undefined && { url: row.url }),
    fingerprint: row.fingerprint,
    order: row.order,
    enabled: row.enabled,
    ...(row.accepted && { accepted: { ...versionView(row.accepted), partial: row.accepted.partial } }),
    ...(row.pending && {
      pending: {
        ...versionView(row.pending),
        key: row.pending.signature,
        counts: diffDatasets(acceptedData(row), row.pending.dataset).counts,
      },
    }),
    ...(row.lastCheck !== undefined && { lastCheck: row.lastCheck }),
    ...(row.nextCheck !== undefined && { nextCheck: row.nextCheck }),
    ...(row.lastError && {
      lastError: { ...row.lastError, reason: row.lastError.reason as PackErrorReason },
    }),
    entitiesShown,
  };
}
