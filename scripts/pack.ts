/**
 * Builds, verifies and keys signed data packs (lib/packs/format).
 *
 *   npm run pack -- --out FILE [--dataset FILE] [--key-file PATH | --test-key] [--id ID] [--title TEXT]
 *                  [--publisher TEXT] [--version TEXT] [--as-of DATE] [--licence TEXT] [--homepage URL]
 *   npm run pack -- --verify FILE [--key KEY | --test-key]
 *   npm run pack -- --gen-key DIR
 *
 * The private key comes from ASSAY_PACK_KEY (base64 PKCS #8) or --key-file, which must lie outside
 * the repository; only the committed test key may lie inside, and only with --test-key. KEY is a
 * base64 public key or a file holding one; without it, packs are checked against data/pack-key.pub,
 * the project's published key. Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDataset, type Dataset } from '../lib/schema';
import { serializePack, signPack, verifyPack, type PackMeta } from '../lib/packs/format';
import { PackKeyError, generateKeyPair, importPrivateKey, keyFingerprint } from '../lib/packs/keys';
import { loadBundled } from './bundled-data';

const REPO_ROOT = resolve(import.meta.dirname, '..');
/** The project's published public key: what `--verify` checks against by default. */
const PROJECT_PUBLIC_KEY = join(REPO_ROOT, 'data/pack-key.pub');
/** The test key pair: committed on purpose, so it signs nothing anyone should trust. */
const TEST_PRIVATE_KEY = join(REPO_ROOT, 'tests/fixtures/packs/TEST-ONLY-pack-key.pkcs8');
const TEST_PUBLIC_KEY = join(REPO_ROOT, 'tests/fixtures/packs/TEST-ONLY-pack-key.pub');

const USAGE = `usage:
  npm run pack -- --out FILE [--dataset FILE] [--key-file PATH | --test-key] [--id ID] [--title TEXT]
                 [--publisher TEXT] [--version TEXT] [--as-of DATE] [--licence TEXT] [--homepage URL]
  npm run pack -- --verify FILE [--key KEY | --test-key]
  npm run pack -- --gen-key DIR
The private key is read from ASSAY_PACK_KEY (base64 PKCS #8) or --key-file (outside the repository).`;

// The bundled data's parts and their licences, as data/sources/manifest.json records them; the
// repository states no licence for the curated data, so none is claimed for it.
const DEFAULT_LICENCE =
  'Imported facts: Epoch AI "Notable AI Models", CC-BY-4.0 (credit Epoch AI); "Awesome LLMs In China" ' +
  'by wgwang, Apache-2.0. Curated data: no licence stated in the repository.';

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      out: { type: 'string' },
      verify: { type: 'string' },
      'gen-key': { type: 'string' },
      dataset: { type: 'string' },
      key: { type: 'string' },
      'key-file': { type: 'string' },
      'test-key': { type: 'boolean' },
      id: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      version: { type: 'string' },
      'as-of': { type: 'string' },
      licence: { type: 'string' },
      homepage: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const modes = [values.out, values.verify, values['gen-key']].filter((m) => m !== undefined);
  if (modes.length !== 1) throw new UsageError('give exactly one of --out, --verify, --gen-key');
  if (values['gen-key'] !== undefined) return genKey(values['gen-key']);
  if (values.verify !== undefined) return verify(values.verify, values.key, values['test-key'] ?? false);
  return build(values.out!, values);
}

/** Writes a new key pair for a publisher; refuses a directory inside the repository. */
async function genKey(dir: string): Promise<number> {
  const target = resolve(dir);
  if (insideRepo(target))
    throw new UsageError(`${dir} is inside the repository; keep the private key elsewhere`);
  const privatePath = join(target, 'assay-pack-key.pkcs8');
  const publicPath = join(target, 'assay-pack-key.pub');
  for (const path of [privatePath, publicPath])
    if (existsSync(path)) throw new UsageError(`${path} exists; not overwriting a key`);
  const pair = await generateKeyPair();
  mkdirSync(target, { recursive: true, mode: 0o700 });
  writeFileSync(privatePath, `${pair.privateKey}\n`, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicPath, `${pair.publicKey}\n`, { flag: 'wx' });
  console.log(`private key: ${privatePath} (keep it secret, outside any repository)`);
  console.log(`public key:  ${publicPath} (publish it; readers paste it when subscribing)`);
  console.log(`public key ${pair.publicKey}, fingerprint ${await keyFingerprint(pair.publicKey)}`);
  return 0;
}

/** Checks a pack file; prints what it holds, or why it is refused. */
async function verify(file: string, keyArg: string | undefined, testKey: boolean): Promise<number> {
  if (keyArg !== undefined && testKey) throw new UsageError('give --key or --test-key, not both');
  const keyPath = testKey ? TEST_PUBLIC_KEY : keyArg === undefined ? PROJECT_PUBLIC_KEY : undefined;
  let publicKey: string;
  if (keyPath) publicKey = readFileSync(keyPath, 'utf8').trim();
  else publicKey = existsSync(keyArg!) ? readFileSync(keyArg!, 'utf8').trim() : keyArg!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`);
    return 1;
  }
  const result = await verifyPack(bytes, publicKey);
  if (!result.ok) {
    console.error(`${file}: refused (${result.reason}): ${result.message}`);
    if (result.problems.length > 1) for (const p of result.problems) console.error(`  ${p}`);
    return 1;
  }
  const { meta, dataset } = result.pack;
  const notes = dataset.entities.reduce((n, e) => n + e.notes.length, 0);
  console.log(
    `ok: ${file}: pack "${meta.id}" (${meta.title}) version ${meta.version}, as of ${meta.asOf}, ` +
      `${dataset.entities.length} entities, ${notes} notes, signed by key ${result.fingerprint}` +
      (keyPath === TEST_PUBLIC_KEY ? ' (the TEST key)' : ''),
  );
  return 0;
}

/** Signs the bundled data (or --dataset) as a pack, checks the result and writes it. */
async function build(out: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const text = (name: string) => values[name] as string | undefined;
  const key = await privateKey(text('key-file'), values['test-key'] === true);
  const datasetFile = text('dataset');
  const dataset: Dataset = datasetFile
    ? parseDataset(JSON.parse(readFileSync(datasetFile, 'utf8')))
    : loadBundled();
  const homepage = text('homepage');
  const meta: PackMeta = {
    id: text('id') ?? 'assay-bundled',
    title: text('title') ?? 'Assay bundled dataset',
    publisher: text('publisher') ?? 'Assay',
    version: text('version') ?? dataset.version,
    asOf: text('as-of') ?? dataset.asOf,
    licence: text('licence') ?? DEFAULT_LICENCE,
    ...(homepage !== undefined && { homepage }),
  };
  const pack = await signPack(dataset, meta, key.pair);
  const serialized = serializePack(pack);
  // What is written must be what readers accept: the same checks, the source rules included.
  const check = await verifyPack(serialized, key.pair.publicKey);
  if (!check.ok) {
    console.error(`not written: the pack would be refused (${check.reason}): ${check.message}`);
    for (const p of check.problems.slice(1)) console.error(`  ${p}`);
    return 1;
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, serialized);
  console.log(
    `wrote ${out}: pack "${meta.id}" version ${meta.version}, as of ${meta.asOf}, ` +
      `${dataset.entities.length} entities, ${(serialized.length / 1e6).toFixed(1)} MB, ` +
      `signed by key ${check.fingerprint}${key.test ? ' (the TEST key: for tests only, never publish)' : ''}`,
  );
  return 0;
}

/** The signing key: --test-key, --key-file (outside the repository) or ASSAY_PACK_KEY. */
async function privateKey(
  keyFile: string | undefined,
  testKey: boolean,
): Promise<{ pair: Awaited<ReturnType<typeof importPrivateKey>>; test: boolean }> {
  let base64: string;
  if (keyFile !== undefined || testKey) {
    const path = keyFile ?? TEST_PRIVATE_KEY;
    if (!existsSync(path)) throw new UsageError(`no key file at ${path}`);
    const isTestFile = realpathSync(path) === realpathSync(TEST_PRIVATE_KEY);
    if (!isTestFile && insideRepo(path))
      throw new UsageError(`${path} is inside the repository; keep the private key outside it`);
    base64 = readFileSync(path, 'utf8');
  } else if (process.env.ASSAY_PACK_KEY) {
    base64 = process.env.ASSAY_PACK_KEY;
  } else {
    throw new UsageError('no private key: set ASSAY_PACK_KEY, or give --key-file PATH (or --test-key)');
  }
  const pair = await importPrivateKey(base64.trim());
  // Judged by the key itself, so a copy of the test key elsewhere is still the test key.
  const test = pair.publicKey === readFileSync(TEST_PUBLIC_KEY, 'utf8').trim();
  if (test && !testKey)
    throw new UsageError('that is the committed TEST key; pass --test-key to sign with it (tests only)');
  if (testKey && !test) throw new UsageError('--test-key signs with the committed test key only');
  if (test) console.error('warning: signing with the TEST key; such a pack is for tests only');
  return { pair, test };
}

/** True when a path (resolved through symbolic links where it exists) lies inside the repository. */
function insideRepo(path: string): boolean {
  let real = resolve(path);
  // Walk up to the nearest existing directory, so a key dir not yet created is judged by its parent.
  let probe = real;
  const rest: string[] = [];
  while (!existsSync(probe) && dirname(probe) !== probe) {
    rest.unshift(probe.slice(dirname(probe).length + 1));
    probe = dirname(probe);
  }
  real = join(realpathSync(probe), ...rest);
  const rel = relative(realpathSync(REPO_ROOT), real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(
      error instanceof PackKeyError ? error.message : error instanceof Error ? error.message : error,
    );
    process.exit(1);
  },
);
