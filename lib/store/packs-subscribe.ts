/**
 * Subscribing to a pack (by address or from a file, with the publisher's key pinned) and checking
 * it for a new version. A verified version waits for review; a refused one is recorded with why.
 */
import { HandlerError, type Handlers } from '../messages/router';
import type { PackOutcome } from '../messages/protocol';
import type { AssayDb, PackVersion, StoredPack } from './db';
import { PackRefusal, type PackContext, type PackShared } from './packs-shared';
import { loadVerified, packAddress, pinnedFingerprint } from './packs-verify';

/** What a check found: a new version to review, nothing new, or why the version was refused. */
type CheckOutcome = { pending?: PackVersion; upToDate: boolean } | PackRefusal;

/** A subscription about to be stored, before it has a place in the order. */
interface NewSubscription {
  address: string | undefined;
  publicKey: string;
  fingerprint: string;
  version: PackVersion;
  at: number;
  next: number | undefined;
}

/** The handlers that subscribe to a pack and check it for a new version. */
export function subscribeHandlers(shared: PackShared): Pick<Handlers, 'subscribePack' | 'checkPack'> {
  const { ctx } = shared;
  return {
    async subscribePack({ url, text, publicKey }) {
      await shared.readyToWrite();
      if ((url === undefined) === (text === undefined))
        throw new HandlerError('Give the pack’s address or its file, not both.', 'malformed');
      try {
        const fingerprint = await pinnedFingerprint(publicKey);
        const address = url === undefined ? undefined : packAddress(url);
        const version = await loadVerified(ctx, { url: address, text }, publicKey);
        const at = ctx.now();
        const next = await shared.nextCheckFor({ url: address }, at);
        const row = await addSubscription(ctx.db, { address, publicKey, fingerprint, version, at, next });
        shared.packsChanged();
        return { ok: true, pack: await shared.view(row) };
      } catch (error) {
        if (error instanceof PackRefusal)
          return { ok: false, reason: error.reason, message: error.message } satisfies PackOutcome;
        throw error;
      }
    },

    async checkPack({ id, text }) {
      await shared.readyToWrite();
      const row = await shared.get(id);
      const at = ctx.now();
      const outcome = await checkOutcome(ctx, row, text);
      const next = await shared.nextCheckFor(row, at);
      const updated = await recordCheck(ctx.db, id, outcome, { at, next });
      shared.packsChanged();
      const pack = await shared.view(updated);
      return outcome instanceof PackRefusal
        ? { ok: false, reason: outcome.reason, message: outcome.message, pack }
        : { ok: true, pack, upToDate: outcome.upToDate };
    },
  };
}

/** Stores a new subscription last in the order, its version awaiting review; refuses a second one. */
async function addSubscription(db: AssayDb, s: NewSubscription): Promise<StoredPack> {
  const id = s.version.meta.id;
  return db.transaction('rw', db.packs, async () => {
    const existing = await db.packs.get(id);
    if (existing)
      throw new PackRefusal(
        'duplicate',
        `You already subscribe to the pack "${id}"${existing.url ? ` (from ${existing.url})` : ''}. Remove it first to subscribe again.`,
      );
    const last = (await db.packs.orderBy('order').last())?.order ?? -1;
    const stored: StoredPack = {
      id,
      ...(s.address !== undefined && { url: s.address }),
      publicKey: s.publicKey.replace(/\s+/g, ''),
      fingerprint: s.fingerprint,
      order: last + 1,
      enabled: true,
      pending: s.version,
      addedAt: s.at,
      lastCheck: s.at,
    };
    if (s.next !== undefined) stored.nextCheck = s.next;
    await db.packs.put(stored);
    return stored;
  });
}

/** Loads and verifies the subscription's next version and compares it with those it knows. */
async function checkOutcome(ctx: PackContext, row: StoredPack, text?: string): Promise<CheckOutcome> {
  try {
    const version = await loadVerified(ctx, { url: row.url, text }, row.publicKey);
    if (version.meta.id !== row.id)
      return new PackRefusal(
        'id',
        `The file is the pack "${version.meta.id}", not "${row.id}": a pack keeps its id in every version.`,
      );
    const known = [row.accepted?.signature, row.pending?.signature, row.reviewed];
    if (known.includes(version.signature)) return { upToDate: true };
    if (row.accepted && version.meta.asOf < row.accepted.meta.asOf)
      return new PackRefusal(
        'older',
        `This version (${version.meta.version}, as of ${version.meta.asOf}) is older than the one in use (${row.accepted.meta.version}, as of ${row.accepted.meta.asOf}).`,
      );
    return { pending: version, upToDate: false };
  } catch (error) {
    if (!(error instanceof PackRefusal)) throw error;
    return error;
  }
}

/** Records when the subscription was checked and what was found; a refusal keeps the pending version. */
async function recordCheck(
  db: AssayDb,
  id: string,
  outcome: CheckOutcome,
  { at, next }: { at: number; next: number | undefined },
): Promise<StoredPack> {
  return db.transaction('rw', db.packs, async () => {
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
}
