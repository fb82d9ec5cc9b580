/**
 * Getting a version of a pack and verifying it in full before it is kept for review: the text
 * given or a download from the subscription's address, then every check against the pinned key.
 * Also the checks of the key and the address a new subscription pins.
 */
import type { Dataset } from '../schema';
import { verifyPack, type Pack } from '../packs/format';
import { PackKeyError, keyFingerprint } from '../packs/keys';
import { checkIntegrity } from '../data/integrity';
import { fetchPackBytes, parsePackUrl } from '../packs/fetch';
import type { PackVersion } from './db';
import { PackRefusal, type PackContext } from './packs-shared';

/** A version loaded from `source` and verified against `publicKey`; refuses it with the reason. */
export async function loadVerified(
  ctx: PackContext,
  source: { url?: string; text?: string },
  publicKey: string,
): Promise<PackVersion> {
  return verified(ctx, await load(ctx, source), publicKey);
}

/** The fingerprint of the key to pin; refuses a key that is not one. */
export async function pinnedFingerprint(publicKey: string): Promise<string> {
  try {
    return await keyFingerprint(publicKey);
  } catch (error) {
    if (error instanceof PackKeyError) throw new PackRefusal('key', error.message);
    throw error;
  }
}

/** The address to subscribe to, normalised; refuses one the extension would not download from. */
export function packAddress(url: string): string {
  const parsed = parsePackUrl(url);
  if (!parsed.ok) throw new PackRefusal('address', parsed.message);
  return parsed.url.href;
}

/** The bytes of a version: the text given, else a download from the subscription's address. */
async function load(ctx: PackContext, source: { url?: string; text?: string }): Promise<Uint8Array | string> {
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
}

/** Verifies a version against the pinned key: format, key, signature, schema, source rules. */
async function verified(
  ctx: PackContext,
  input: Uint8Array | string,
  publicKey: string,
): Promise<PackVersion> {
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
  return versionOf(result.pack, ctx.now());
}

/**
 * Integrity problems of a pack's data on its own: all but links to entities it does not hold,
 * which may be the bundled data's (the merged result is checked again when a version is accepted).
 */
function ownProblems(dataset: Dataset): string[] {
  return checkIntegrity(dataset).filter((p) => !/unknown entity "/.test(p));
}

function versionOf(pack: Pack, fetchedAt: number): PackVersion {
  return { meta: pack.meta, dataset: pack.dataset, signature: pack.signature.value, fetchedAt };
}
