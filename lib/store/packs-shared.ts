/**
 * What every part of the pack handlers shares: the context the background gives them, the refusal
 * that leaves the data unchanged, and the few reads and notices each handler repeats.
 */
import type { Dataset } from '../schema';
import type { HostRegistry } from '../sources/registry';
import { HandlerError } from '../messages/router';
import type { PackErrorReason, PackView } from '../messages/protocol';
import type { FetchLike } from '../packs/fetch';
import { scheduleTable, type AssayDb, type StoredPack } from './db';
import { toView } from './packs-view';

/** How often a scheduled check runs, in minutes (daily). */
export const PACK_CHECK_MINUTES = 1440;
/** The time between two scheduled checks, in milliseconds. */
export const DAY_MS = PACK_CHECK_MINUTES * 60_000;

/** What the background gives the pack handlers. */
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
export class PackRefusal extends Error {
  constructor(
    readonly reason: PackErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The reads and notices the pack handlers share, bound to one context. */
export interface PackShared {
  ctx: PackContext;
  /** Waits for the database and throws when it cannot be written. */
  readyToWrite: () => Promise<void>;
  /** True when scheduled checks are on (never while the database is unavailable). */
  scheduled: () => Promise<boolean>;
  /** The subscriptions in their order. */
  sorted: () => Promise<StoredPack[]>;
  /** The subscription `id`; a not-found error when there is none. */
  get: (id: string) => Promise<StoredPack>;
  /** How the options page shows a subscription. */
  view: (row: StoredPack) => Promise<PackView>;
  /** How the options page shows the subscription `id` as it is now. */
  viewOf: (id: string) => Promise<PackView>;
  /** Tells the background that subscriptions or the schedule changed. */
  packsChanged: () => void;
  /** When a subscription checked at `at` is checked next: only by address and on schedule. */
  nextCheckFor: (row: Pick<StoredPack, 'url'>, at: number) => Promise<number | undefined>;
}

/** Binds the shared reads and notices to a context. */
export function createShared(ctx: PackContext): PackShared {
  const { db } = ctx;
  const scheduled = async () => {
    if (ctx.degraded()) return false;
    const record = await scheduleTable(db).get('packSchedule');
    return record?.enabled ?? true;
  };
  const get = async (id: string) => {
    const row = await db.packs.get(id);
    if (!row) throw new HandlerError(`No subscription "${id}".`, 'not-found');
    return row;
  };
  // An index count: no entity row is read.
  const view = async (row: StoredPack) =>
    toView(row, await db.entities.where('packId').equals(row.id).count());
  return {
    ctx,
    readyToWrite: async () => {
      await ctx.ready();
      ctx.writable();
    },
    scheduled,
    sorted: async () => (await db.packs.toArray()).sort((a, b) => a.order - b.order),
    get,
    view,
    viewOf: async (id) => view(await get(id)),
    packsChanged: () => ctx.onPacksChanged?.(),
    nextCheckFor: async (row, at) => (row.url && (await scheduled()) ? at + DAY_MS : undefined),
  };
}
