import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Dataset } from '../../lib/schema';
import { canonicalJson } from '../../lib/data/canonical';
import {
  MAX_PACK_BYTES,
  serializePack,
  signPack,
  signedContent,
  sourceProblems,
  verifyPack,
  type PackMeta,
} from '../../lib/packs/format';
import {
  PackKeyError,
  fromBase64,
  generateKeyPair,
  importPrivateKey,
  keyFingerprint,
  toBase64,
} from '../../lib/packs/keys';
import { testDataset, testRegistry } from '../helpers/dataset';

const fixtures = resolve(import.meta.dirname, '../fixtures/packs');
const TEST_PRIVATE = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pkcs8'), 'utf8').trim();
const TEST_PUBLIC = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pub'), 'utf8').trim();
const registry = testRegistry();

const meta: PackMeta = {
  id: 'test-pack',
  title: 'Test pack',
  publisher: 'Assay tests',
  version: '1',
  asOf: '2026-11-29',
  licence: 'CC0-1.0',
  homepage: 'https://example.org/packs/test',
};

/** The test dataset with a number and a boolean in it, so mutations reach every kind of value. */
function dataset(): Dataset {
  const data = testDataset('1');
  data.entities[0]!.notes[0]!.round = {
    stage: 'strategic',
    amount: { value: 1_000_000_000, currency: 'USD' },
  };
  data.entities[0]!.aliases.push({ text: 'Yi', caseSensitive: true });
  return data;
}

async function signed(data = dataset()): Promise<string> {
  return serializePack(await signPack(data, meta, TEST_PRIVATE));
}

const verify = (input: string | Uint8Array, key = TEST_PUBLIC, maxBytes?: number) =>
  verifyPack(input, key, { registry, ...(maxBytes !== undefined && { maxBytes }) });

/** Signs any JSON object with the test key as a pack would be signed, valid or not. */
async function signRaw(pack: Record<string, unknown>): Promise<string> {
  const { privateKey, publicKey } = await importPrivateKey(TEST_PRIVATE);
  const unsigned = { ...pack, signature: { alg: 'Ed25519', key: await keyFingerprint(publicKey) } };
  const value = await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, signedContent(unsigned));
  return JSON.stringify({
    ...unsigned,
    signature: { ...unsigned.signature, value: toBase64(new Uint8Array(value)) },
  });
}

describe('canonical form', () => {
  it('sorts keys by code unit, writes no whitespace and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 'x', c: undefined, C: true }], é: null, Z: 0.5 })).toBe(
      '{"Z":0.5,"a":[1,{"C":true,"d":"x"}],"b":1,"é":null}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });

  it('does not depend on key order or whitespace, but on every value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value, null, 3), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
            : v,
        ) as unknown;
        // JSON has no -0: the text form turns it into 0, and so does the canonical form.
        expect(canonicalJson(reordered)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
      }),
    );
  });
});

describe('keys', () => {
  it('round-trips base64, wrapped or base64url', () => {
    const bytes = new Uint8Array([0, 1, 250, 251, 252, 253, 254, 255]);
    const text = toBase64(bytes);
    expect(fromBase64(text)).toEqual(bytes);
    expect(fromBase64(`${text.slice(0, 4)}\n  ${text.slice(4)}`)).toEqual(bytes);
    expect(fromBase64(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toEqual(bytes);
    expect(fromBase64('not base64!')).toBeUndefined();
  });

  it('fingerprints a public key as eight groups of four hex digits', async () => {
    expect(await keyFingerprint(TEST_PUBLIC)).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/);
    await expect(keyFingerprint('AAAA')).rejects.toThrow(PackKeyError);
  });

  it('derives the public key from the private one', async () => {
    const pair = await generateKeyPair();
    expect((await importPrivateKey(pair.privateKey)).publicKey).toBe(pair.publicKey);
    expect((await importPrivateKey(TEST_PRIVATE)).publicKey).toBe(TEST_PUBLIC);
    await expect(importPrivateKey('AAAA')).rejects.toThrow(PackKeyError);
  });
});

describe('signPack and verifyPack', () => {
  it('the test data meets the test registry’s source rules', () => {
    expect(sourceProblems(dataset(), registry)).toEqual([]);
  });

  it('a signed pack verifies and comes back whole', async () => {
    const result = await verify(await signed());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.meta).toEqual(meta);
    expect(result.pack.dataset).toEqual(dataset());
    expect(result.fingerprint).toBe(await keyFingerprint(TEST_PUBLIC));
    expect(result.pack.signature.key).toBe(result.fingerprint);
  });

  it('accepts bytes as well as text', async () => {
    const result = await verify(new TextEncoder().encode(await signed()));
    expect(result.ok).toBe(true);
  });

  it('ignores key order and whitespace in the file', async () => {
    const pack = JSON.parse(await signed()) as Record<string, unknown>;
    const shuffled = Object.fromEntries(Object.entries(pack).reverse());
    const result = await verify(JSON.stringify(shuffled, null, '\t'));
    expect(result.ok).toBe(true);
  });

  it('refuses a pack whose note text changed after signing', async () => {
    const pack = JSON.parse(await signed()) as { dataset: Dataset };
    pack.dataset.entities[0]!.notes[0]!.text.en += ' Later raised again.';
    const result = await verify(JSON.stringify(pack));
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    if (!result.ok) expect(result.message).toMatch(/changed after it was signed/);
  });

  it('refuses a pack signed with another key than the pinned one', async () => {
    const other = await generateKeyPair();
    const text = await signed();
    const wrongKey = await verify(text, other.publicKey);
    expect(wrongKey).toMatchObject({ ok: false, reason: 'key' });
    if (!wrongKey.ok) {
      expect(wrongKey.message).toContain(await keyFingerprint(TEST_PUBLIC));
      expect(wrongKey.message).toContain(await keyFingerprint(other.publicKey));
    }
    // Claiming the pinned key's fingerprint does not help: the signature is still the other key's.
    const forged = JSON.parse(text) as { signature: { key: string } };
    forged.signature.key = await keyFingerprint(other.publicKey);
    expect(await verify(JSON.stringify(forged), other.publicKey)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('takes the signature only in its one standard encoding', async () => {
    const pack = JSON.parse(await signed()) as { signature: { value: string } };
    const value = pack.signature.value;
    // The last character before "==" carries 2 bits of data and 4 padding bits.
    const last = value.at(-3)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(fromBase64(`${value.slice(0, -3)}${sameBytes}==`)).toEqual(fromBase64(value));
    for (const variant of [
      `${value}\n`,
      ` ${value}`,
      value.replace(/=+$/, ''),
      `${value.slice(0, -3)}${sameBytes}==`,
    ]) {
      pack.signature.value = variant;
      const result = await verify(JSON.stringify(pack));
      expect(result).toMatchObject({ ok: false, reason: 'schema' });
      if (!result.ok)
        expect(result.message).toMatch(/signature\.value: must be the standard base64 of 64 bytes/);
    }
  });

  it('refuses note ids repeated within an entity', async () => {
    const data = dataset();
    data.entities[0]!.notes.push({ ...data.entities[0]!.notes[0]!, date: '2024' });
    const result = await verify(await signed(data));
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok)
      expect(result.message).toContain(
        'dataset.entities.0 ("01-ai").notes: the note id "alibaba-round" appears twice',
      );
  });

  it('refuses a key that is not a base64 Ed25519 public key', async () => {
    const text = await signed();
    for (const key of ['', 'hello', toBase64(new Uint8Array(31)), TEST_PRIVATE]) {
      const result = await verify(text, key);
      expect(result).toMatchObject({ ok: false, reason: 'key' });
      if (!result.ok) expect(result.message).toMatch(/not an Ed25519 public key/);
    }
  });

  it('refuses malformed files', async () => {
    const text = await signed();
    for (const input of [
      text.slice(0, text.length / 2),
      '',
      '   ',
      '{"format":',
      new Uint8Array([0x7b, 0xff, 0x7d]),
    ]) {
      expect(await verify(input)).toMatchObject({ ok: false, reason: 'malformed' });
    }
    expect(await verify('[]')).toMatchObject({ ok: false, reason: 'schema' });
    expect(await verify('{"format":"assay-export"}')).toMatchObject({
      ok: false,
      reason: 'schema',
      message: expect.stringMatching(/not an Assay data pack/) as unknown,
    });
  });

  it('refuses nesting too deep to be data without crashing', async () => {
    const pack = JSON.parse(await signed()) as Record<string, unknown>;
    const depth = 200_000;
    const text = JSON.stringify({ ...pack, extra: 0 }).replace(
      '"extra":0',
      `"extra":${'['.repeat(depth)}${']'.repeat(depth)}`,
    );
    expect(await verify(text)).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: 'The pack is nested too deeply to be data.',
    });
  });

  it('names a newer format version as such', async () => {
    const pack = JSON.parse(await signed()) as { formatVersion: number };
    pack.formatVersion = 2;
    const result = await verify(JSON.stringify(pack));
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok) expect(result.message).toMatch(/format version 2.*Update Assay/);
  });

  it('refuses an oversized pack before parsing it', async () => {
    // Not JSON at all: if it were parsed, the reason would be "malformed".
    expect(await verify('x'.repeat(MAX_PACK_BYTES + 1))).toMatchObject({ ok: false, reason: 'oversized' });
    expect(await verify(new Uint8Array(MAX_PACK_BYTES + 1))).toMatchObject({
      ok: false,
      reason: 'oversized',
    });
    // Counted in UTF-8 bytes: 40 Chinese characters are 120 bytes.
    const text = await signed();
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length);
    expect(await verify(text, TEST_PUBLIC, bytes)).toMatchObject({ ok: true });
    expect(await verify(text, TEST_PUBLIC, bytes - 1)).toMatchObject({ ok: false, reason: 'oversized' });
    expect(await verify('零'.repeat(40), TEST_PUBLIC, 100)).toMatchObject({ ok: false, reason: 'oversized' });
  });

  it('names the field of a schema error, with the entity and note ids', async () => {
    const data = dataset() as unknown as { entities: { notes: { sources: unknown[] }[] }[] };
    data.entities[0]!.notes[0]!.sources = [];
    const text = await signRaw({ format: 'assay-pack', formatVersion: 1, meta, dataset: data });
    const result = await verify(text);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok)
      expect(result.message).toContain(
        'dataset.entities.0 ("01-ai").notes.0 ("alibaba-round").sources: every note needs a source',
      );
  });

  it('names a metadata field that fails', async () => {
    const text = await signRaw({
      format: 'assay-pack',
      formatVersion: 1,
      meta: { ...meta, asOf: '2026-13' },
      dataset: dataset(),
    });
    const result = await verify(text);
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    if (!result.ok)
      expect(result.message).toMatch(
        /^The pack does not match the data format: meta\.asOf: must be a real date/,
      );
    await expect(
      signPack(dataset(), { ...meta, homepage: 'javascript:alert(1)' }, TEST_PRIVATE),
    ).rejects.toThrow(/meta\.homepage: must be an http\(s\) URL/);
  });

  it('refuses a pack citing a refused host, naming the entry', async () => {
    const data = dataset();
    data.entities[3]!.notes[0]!.sources.push({
      url: 'https://summarizepaper.com/en/tree/2311.99999',
      title: 'Summary',
      publisher: 'SummarizePaper',
    });
    const result = await verify(await signed(data));
    expect(result).toMatchObject({ ok: false, reason: 'sources' });
    if (!result.ok) {
      expect(result.message).toContain('entities[yi-34b].notes[llama-architecture].sources[1].url');
      expect(result.message).toContain('refused host');
    }
  });

  it('any single changed value of a signed pack fails verification', async () => {
    const original = JSON.parse(await signed()) as unknown;
    const leaves: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
      else leaves.push(path);
    };
    walk(original, []);
    expect(leaves.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), fc.string({ maxLength: 8 }), async (path, salt) => {
        const copy = structuredClone(original) as Record<string | number, unknown>;
        let parent = copy;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const key = path[path.length - 1]!;
        const old = parent[key];
        parent[key] =
          typeof old === 'number'
            ? old + 1 + salt.length
            : typeof old === 'boolean'
              ? !old
              : `${String(old)}${salt || '~'}`;
        const result = await verify(JSON.stringify(copy));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
