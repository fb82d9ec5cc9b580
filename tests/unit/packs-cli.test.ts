// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'assay-pack-'));
const pack = (...args: string[]) =>
  spawnSync(tsx, ['scripts/pack.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASSAY_PACK_KEY: '' },
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the CLI as a process (tsx), about a second apiece.
describe('npm run pack', { timeout: 60_000 }, () => {
  const out = join(dir, 'bundled.pack.json');

  it('builds the bundled data as a pack signed with the test key, which then verifies', () => {
    const built = pack('--out', out, '--test-key', '--title', 'Assay test build');
    expect(built.stderr).toMatch(/TEST key/);
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(
      /^wrote .*bundled\.pack\.json: pack "assay-bundled" version \S+, as of \d{4}-\d{2}-\d{2}, \d+ entities/,
    );

    const verified = pack('--verify', out, '--key', 'tests/fixtures/packs/TEST-ONLY-pack-key.pub');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(
      /^ok: .*: pack "assay-bundled" \(Assay test build\) version \S+, as of \S+, \d+ entities, \d+ notes, signed by key [0-9a-f-]{39}/,
    );
    // The key as text works as well as the key's file.
    const key = readFileSync(resolve(root, 'tests/fixtures/packs/TEST-ONLY-pack-key.pub'), 'utf8').trim();
    expect(pack('--verify', out, '--key', key).status).toBe(0);
  });

  it('refuses a tampered copy with the reason', () => {
    const tampered = join(dir, 'tampered.pack.json');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('"OpenAI"');
    writeFileSync(tampered, text.replace('"OpenAI"', '"OpenAl"'));
    const result = pack('--verify', tampered, '--test-key');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refused \(signature\): The signature does not match the pack/);
  });

  it('checks against the project key by default, so a test-key pack is refused', () => {
    const result = pack('--verify', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refused \(key\): The pack says it was signed with key/);
  });

  it('refuses a private key inside the repository, and the test key without --test-key', () => {
    const inside = pack('--out', join(dir, 'x.json'), '--key-file', 'data/pack-key.pub');
    expect(inside.status).toBe(2);
    expect(inside.stderr).toMatch(/inside the repository/);
    const test = pack(
      '--out',
      join(dir, 'x.json'),
      '--key-file',
      'tests/fixtures/packs/TEST-ONLY-pack-key.pkcs8',
    );
    expect(test.status).toBe(2);
    expect(test.stderr).toMatch(/TEST key; pass --test-key/);
    const none = pack('--out', join(dir, 'x.json'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no private key/);
  });

  it('writes a new key pair outside the repository that signs and verifies', () => {
    const keys = join(dir, 'keys');
    const made = pack('--gen-key', keys);
    expect(made.status).toBe(0);
    expect(pack('--gen-key', keys).status).toBe(2); // never overwrites a key
    expect(pack('--gen-key', 'tests/fixtures/packs').status).toBe(2);
    const small = join(dir, 'small.json');
    writeFileSync(small, JSON.stringify({ schemaVersion: 1, version: '1', asOf: '2026-01', entities: [] }));
    const mine = join(dir, 'mine.pack.json');
    const built = pack(
      '--out',
      mine,
      '--dataset',
      small,
      '--key-file',
      join(keys, 'assay-pack-key.pkcs8'),
      '--id',
      'mine',
    );
    expect(built.status).toBe(0);
    const ok = pack('--verify', mine, '--key', join(keys, 'assay-pack-key.pub'));
    expect(ok.stdout).toMatch(/pack "mine" .* 0 entities/);
    expect(ok.status).toBe(0);
  });

  it('says how to use it when the mode is missing', () => {
    const result = pack();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/exactly one of --out, --verify, --gen-key/);
  });
});
