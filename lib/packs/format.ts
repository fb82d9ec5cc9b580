/**
 * Data packs: the dataset schema plus who publishes it, signed with Ed25519 so that a reader who
 * pinned the publisher's public key when subscribing can tell an untouched pack from any other.
 * The signature covers the canonical form (lib/data/canonical) of everything but itself.
 */
import * as v from 'valibot';
import { DatasetSchema, HttpUrlSchema, IdSchema, PartialDateSchema, type Dataset } from '../schema';
import type { HostRegistry } from '../sources/registry';
import { bundledRegistry } from '../sources/bundled';
import { lintNoteSources } from '../sources/lint';
import { canonicalBytes } from '../data/canonical';
import {
  ED25519,
  PackKeyError,
  SIGNATURE_BYTES,
  fromBase64,
  importPrivateKey,
  importPublicKey,
  keyFingerprint,
  toBase64,
} from './keys';

export const PACK_FORMAT = 'assay-pack';
export const PACK_FORMAT_VERSION = 1;
/** Largest pack accepted, in bytes of UTF-8; checked before anything is parsed. */
export const MAX_PACK_BYTES = 20_000_000;
/** How many problems a failed verification lists (the message names the first). */
const MAX_PROBLEMS = 50;

// No trim() transform here: what is signed must be what is shown, byte for byte.
const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.check((s) => s.trim() !== '', 'must not be empty'),
  );

/** Who publishes a pack and which version of it this is. */
export const PackMetaSchema = v.strictObject({
  /** Stable across versions: updates of a subscription must keep it. */
  id: IdSchema,
  title: Text(200),
  publisher: Text(200),
  version: Text(40),
  asOf: PartialDateSchema,
  /** The licence of the data, as an SPDX expression or in words. */
  licence: Text(400),
  homepage: v.optional(HttpUrlSchema),
});

const FINGERPRINT_PATTERN = /^[0-9a-f]{4}(?:-[0-9a-f]{4}){7}$/;

export const PackSignatureSchema = v.strictObject({
  alg: v.literal('Ed25519'),
  /** Fingerprint of the signing key (lib/packs/keys): signed too, and named when keys differ. */
  key: v.pipe(
    v.string(),
    v.regex(FINGERPRINT_PATTERN, 'must be a key fingerprint (8 groups of 4 hex digits)'),
  ),
  /** Base64 of the 64-byte signature over the canonical pack without this field. */
  value: v.pipe(
    v.string(),
    // Exactly the standard encoding: base64 that decodes the same with other spacing or padding
    // bits would let a file change without the check noticing.
    v.check((s) => {
      const bytes = fromBase64(s);
      return bytes?.length === SIGNATURE_BYTES && toBase64(bytes) === s;
    }, `must be the standard base64 of ${SIGNATURE_BYTES} bytes`),
  ),
});

export const PackSchema = v.strictObject({
  format: v.literal(PACK_FORMAT),
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  meta: PackMetaSchema,
  dataset: DatasetSchema,
  signature: PackSignatureSchema,
});

export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;

/** Why a pack was refused: each reason leaves the reader's data unchanged. */
export type PackFailure = 'malformed' | 'schema' | 'signature' | 'key' | 'oversized' | 'sources';

export type PackVerification =
  | { ok: true; pack: Pack; fingerprint: string }
  | { ok: false; reason: PackFailure; message: string; problems: string[] };

/** The bytes a signature covers: the canonical form of the pack without signature.value. */
export function signedContent(pack: unknown): Uint8Array<ArrayBuffer> {
  if (pack && typeof pack === 'object' && !Array.isArray(pack)) {
    const signature = (pack as { signature?: unknown }).signature;
    if (signature && typeof signature === 'object' && !Array.isArray(signature))
      return canonicalBytes({ ...pack, signature: { ...signature, value: undefined } });
  }
  return canonicalBytes(pack);
}

/**
 * Signs a dataset as a pack. The private key is base64 PKCS #8 (or already imported); throws when
 * the key is unusable or the dataset or metadata do not match the schema, naming the field.
 */
export async function signPack(
  dataset: Dataset,
  meta: PackMeta,
  privateKey: string | { privateKey: CryptoKey; publicKey: string },
): Promise<Pack> {
  const checkedMeta = v.safeParse(PackMetaSchema, meta);
  if (!checkedMeta.success)
    throw new Error(`Invalid pack metadata: ${describe(checkedMeta.issues, { meta }, 'meta')[0]}`);
  const checkedData = v.safeParse(DatasetSchema, dataset);
  if (!checkedData.success)
    throw new Error(`Invalid dataset: ${describe(checkedData.issues, { dataset }, 'dataset')[0]}`);
  const key = typeof privateKey === 'string' ? await importPrivateKey(privateKey) : privateKey;
  const unsigned = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    meta: checkedMeta.output,
    dataset: checkedData.output,
    signature: { alg: 'Ed25519', key: await keyFingerprint(key.publicKey) },
  } as const;
  const value = new Uint8Array(await crypto.subtle.sign(ED25519, key.privateKey, signedContent(unsigned)));
  return { ...unsigned, signature: { ...unsigned.signature, value: toBase64(value) } };
}

/** A pack as the file publishers host (indented: a new version is a readable diff). */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/**
 * Checks a pack file against the public key pinned for it: size, JSON, format, key, signature,
 * schema, then the source rules on every note (against the bundled host registry unless another
 * is given). Only a pack that passes all of them comes back; otherwise the reason and a message
 * that names what failed.
 */
export async function verifyPack(
  input: string | Uint8Array,
  publicKey: string,
  options: { registry?: HostRegistry; maxBytes?: number } = {},
): Promise<PackVerification> {
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  let key: CryptoKey;
  let fingerprint: string;
  try {
    key = await importPublicKey(publicKey);
    fingerprint = await keyFingerprint(publicKey);
  } catch (error) {
    if (error instanceof PackKeyError) return fail('key', error.message);
    throw error;
  }

  const size = typeof input === 'string' ? utf8Length(input, maxBytes) : input.byteLength;
  if (size > maxBytes)
    return fail(
      'oversized',
      `The pack is too large (more than ${mb(maxBytes)} MB${typeof input === 'string' ? '' : `: ${mb(size)} MB`}).`,
    );

  let text: string;
  try {
    text =
      typeof input === 'string'
        ? input.replace(/^\uFEFF/, '')
        : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return fail('malformed', 'The pack is not UTF-8 text.');
  }
  if (text.trim() === '') return fail('malformed', 'The pack is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('malformed', `The pack is not valid JSON (it may be cut short): ${(error as Error).message}`);
  }

  const envelope = checkEnvelope(json);
  if (!envelope.ok) return fail('schema', envelope.error);
  const { signature } = envelope;

  if (signature.key !== fingerprint)
    return fail(
      'key',
      `The pack says it was signed with key ${signature.key}, but the key it must match (the one pinned when subscribing) is ${fingerprint}. ` +
        'If the publisher changed keys, subscribe again with the new key from a source you trust.',
    );
  let content: Uint8Array<ArrayBuffer>;
  try {
    content = signedContent(json);
  } catch (error) {
    // JSON.parse takes nesting the recursive canonical form cannot: refuse rather than crash.
    if (error instanceof RangeError) return fail('malformed', 'The pack is nested too deeply to be data.');
    throw error;
  }
  const valid = await crypto.subtle.verify(ED25519, key, fromBase64(signature.value)!, content);
  if (!valid)
    return fail(
      'signature',
      'The signature does not match the pack: it was changed after it was signed, or not signed with this key.',
    );

  const parsed = v.safeParse(PackSchema, json);
  if (!parsed.success) {
    const problems = describe(parsed.issues, json);
    return fail('schema', `The pack does not match the data format: ${summary(problems)}`, problems);
  }

  const duplicates = duplicateNoteIds(parsed.output.dataset);
  if (duplicates.length)
    return fail('schema', `The pack does not match the data format: ${summary(duplicates)}`, duplicates);

  const problems = sourceProblems(parsed.output.dataset, options.registry ?? bundledRegistry());
  if (problems.length)
    return fail('sources', `The pack breaks the source rules: ${summary(problems)}`, problems);
  return { ok: true, pack: parsed.output, fingerprint };
}

/** Note ids repeated within an entity: a review tells notes apart by id, so they must be unique. */
export function duplicateNoteIds(dataset: Dataset): string[] {
  const problems: string[] = [];
  for (const [i, entity] of dataset.entities.entries()) {
    const seen = new Set<string>();
    for (const note of entity.notes) {
      if (seen.has(note.id))
        problems.push(`dataset.entities.${i} ("${entity.id}").notes: the note id "${note.id}" appears twice`);
      seen.add(note.id);
    }
  }
  return problems;
}

/** Every source-rule problem of a dataset's notes, each naming the entity, note and source. */
export function sourceProblems(dataset: Dataset, registry: HostRegistry): string[] {
  return dataset.entities.flatMap((entity) =>
    entity.notes.flatMap((note) =>
      lintNoteSources(note, registry, `entities[${entity.id}].notes[${note.id}]`),
    ),
  );
}

/** The format fields and signature, checked first so that a newer format is named as such. */
function checkEnvelope(
  json: unknown,
): { ok: false; error: string } | { ok: true; signature: Pack['signature'] } {
  if (
    !json ||
    typeof json !== 'object' ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== PACK_FORMAT
  )
    return { ok: false, error: `The file is not an Assay data pack ("format" must be "${PACK_FORMAT}").` };
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version !== PACK_FORMAT_VERSION)
    return {
      ok: false,
      error:
        typeof version === 'number' && version > PACK_FORMAT_VERSION
          ? `The pack uses format version ${version}; this version of Assay reads version ${PACK_FORMAT_VERSION}. Update Assay to use it.`
          : `formatVersion: must be ${PACK_FORMAT_VERSION}.`,
    };
  const signature = v.safeParse(PackSignatureSchema, (json as { signature?: unknown }).signature);
  if (!signature.success)
    return {
      ok: false,
      error: `The pack's signature is missing or malformed: ${describe(signature.issues, json, 'signature')[0]}`,
    };
  return { ok: true, signature: signature.output };
}

/**
 * "path: message" per issue; entity and note positions get their ids, so a publisher can find
 * them: dataset.entities.3 ("openai").notes.0 ("round-a").text.en: Invalid length.
 */
function describe(issues: readonly v.BaseIssue<unknown>[], raw: unknown, prefix?: string): string[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const keys = [...(prefix ? [prefix] : []), ...(issue.path ?? []).map((p) => p.key)];
    let node: unknown = raw;
    const parts: string[] = [];
    for (const [i, key] of keys.entries()) {
      node =
        node && typeof node === 'object'
          ? (node as Record<string | number, unknown>)[key as string]
          : undefined;
      const parent = keys[i - 1];
      const id = (node as { id?: unknown } | undefined)?.id;
      const named =
        typeof key === 'number' && (parent === 'entities' || parent === 'notes') && typeof id === 'string';
      parts.push(named ? `${String(key)} ("${id}")` : String(key));
    }
    return parts.length ? `${parts.join('.')}: ${issue.message}` : issue.message;
  });
}

function summary(problems: readonly string[]): string {
  const more = problems.length - 1;
  return `${problems[0]}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`;
}

function fail(reason: PackFailure, message: string, problems: string[] = [message]): PackVerification {
  return { ok: false, reason, message, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** UTF-8 length of a string, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one code point, four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function mb(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
