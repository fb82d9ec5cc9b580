/**
 * Pack subscriptions in the background's store, with fake-indexeddb and a fake network: subscribe,
 * review, accept all or some, reject; every kind of refusal leaves the data unchanged and says why;
 * user edits win; packs in the reader's order; the schedule; the exact fetch options.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Dataset, Entity } from '../../lib/schema';
import { createDb, type AssayDb } from '../../lib/store/db';
import { createService } from '../../lib/store/service';
import { createRouter } from '../../lib/messages/router';
import { serializePack, signPack, type PackMeta } from '../../lib/packs/format';
import { generateKeyPair, keyFingerprint } from '../../lib/packs/keys';
import { PACK_REQUEST, type FetchLike } from '../../lib/packs/fetch';
import type { Handlers } from '../../lib/messages/router';
import { testDataset, testRegistry } from '../helpers/dataset';

const fixtures = resolve(import.meta.dirname, '../fixtures/packs');
const TEST_PRIVATE = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pkcs8'), 'utf8').trim();
const TEST_PUBLIC = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pub'), 'utf8').trim();
const URL_A = 'https://packs.example.org/a.json';
const URL_B = 'https://other.example.net/b.json';

const bundled = testDataset('1');
const byId = (id: string): Entity => structuredClone(bundled.entities.find((e) => e.id === id)!);
const variant = (id: string, summary: string): Entity => ({ ...byId(id), summary: { en: summary } });
const qwen: Entity = { id: 'qwen', type: 'model-family', name: { en: 'Qwen' }, aliases: [], notes: [] };

/** A pack file signed with the test key. */
async function packText(
  entities: Entity[],
  overrides: Partial<PackMeta> = {},
  key = TEST_PRIVATE,
): Promise<string> {
  const meta: PackMeta = {
    id: 'test-pack',
    title: 'Test pack',
    publisher: 'Assay tests',
    version: '1',
    asOf: '2026-11-30',
    licence: 'CC0-1.0',
    ...overrides,
  };
  const dataset: Dataset = { schemaVersion: 1, version: meta.version, asOf: meta.asOf, entities };
  return serializePack(await signPack(dataset, meta, key));
}

/** A fake network: routes by URL; an unknown URL is unreachable. Records every call. */
function fakeNetwork() {
  const routes = new Map<string, (init: RequestInit) => Response | Promise<Response>>();
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const route = routes.get(url);
    if (!route) throw new TypeError('Failed to fetch');
    return route(init);
  };
  const route = (url: string, answer: (init: RequestInit) => Response | Promise<Response>): void => {
    routes.set(url, answer);
  };
  const serve = (url: string, body: string, status = 200) => route(url, () => new Response(body, { status }));
  return { routes, calls, fetch, serve, route };
}

let factory: IDBFactory;
let net: ReturnType<typeof fakeNetwork>;
let clock: number;
let packsChanged: number;
const openDb = (): AssayDb => createDb('assay-packs', { indexedDB: factory, IDBKeyRange });
function service(limits?: { maxBytes?: number; timeoutMs?: number }) {
  return createService(openDb(), bundled, {
    fetch: net.fetch,
    registry: testRegistry(),
    now: () => clock,
    onPacksChanged: () => packsChanged++,
    ...(limits && { packLimits: limits }),
  });
}

beforeEach(() => {
  factory = new IDBFactory();
  net = fakeNetwork();
  clock = Date.UTC(2026, 11, 1);
  packsChanged = 0;
});

/** Everything the reader sees, for before/after comparisons. */
async function snapshot(h: Handlers) {
  const file = await h.exportData({ type: 'exportData', scope: 'all' });
  return { entries: file.entries, deleted: file.deleted };
}

async function subscribed(h: Handlers, entities: Entity[], url = URL_A, meta: Partial<PackMeta> = {}) {
  net.serve(url, await packText(entities, meta));
  const outcome = await h.subscribePack({ type: 'subscribePack', url, publicKey: TEST_PUBLIC });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.pack;
}

describe('subscribing', () => {
  it('fetches only the address given, without credentials, and keeps the version for review', async () => {
    const { handlers: h } = service();
    const before = await snapshot(h);
    const pack = await subscribed(h, [variant('llama', 'From the pack.'), qwen]);
    expect(net.calls).toEqual([{ url: URL_A, init: { ...PACK_REQUEST, signal: expect.any(AbortSignal) } }]);
    expect(net.calls[0]!.init).toMatchObject({ credentials: 'omit', cache: 'no-store', redirect: 'error' });
    expect(net.calls[0]!.init.body).toBeUndefined();
    expect(pack).toMatchObject({
      id: 'test-pack',
      url: URL_A,
      fingerprint: await keyFingerprint(TEST_PUBLIC),
      enabled: true,
      pending: { title: 'Test pack', publisher: 'Assay tests', version: '1', asOf: '2026-11-30' },
      lastCheck: clock,
      nextCheck: clock + 86_400_000,
      entitiesShown: 0,
    });
    expect(pack.accepted).toBeUndefined();
    // Nothing applies before the review.
    expect(await snapshot(h)).toEqual(before);
    expect(packsChanged).toBe(1);

    const review = await h.getPackReview({ type: 'getPackReview', id: 'test-pack' });
    expect(review).toMatchObject({ key: pack.pending!.key, toVersion: '1', counts: { added: 2 } });
    expect(review.entities.map((e) => [e.id, e.change])).toEqual([
      ['llama', 'added'],
      ['qwen', 'added'],
    ]);
  });

  it('accepting all shows the pack’s versions, marked as the pack’s, and its asOf in the meta', async () => {
    const { handlers: h } = service();
    const pack = await subscribed(h, [variant('llama', 'From the pack.'), qwen]);
    const accepted = await h.acceptPack({
      type: 'acceptPack',
      id: pack.id,
      key: pack.pending!.key,
      entities: 'all',
    });
    expect(accepted).toMatchObject({
      ok: true,
      pack: { accepted: { version: '1', asOf: '2026-11-30', partial: false }, entitiesShown: 2 },
    });
    expect((await h.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en).toBe(
      'From the pack.',
    );
    const list = await h.listEntities({ type: 'listEntities' });
    expect(list.items.find((i) => i.id === 'qwen')).toMatchObject({ pack: 'test-pack', edited: false });
    expect(list.items.find((i) => i.id === 'alibaba')?.pack).toBeUndefined();
    expect((await h.getMeta({ type: 'getMeta' })).packs).toEqual([
      { id: 'test-pack', title: 'Test pack', version: '1', asOf: '2026-11-30' },
    ]);
    // The matcher sees the pack's entity too.
    expect(JSON.stringify(await h.getIndex({ type: 'getIndex' }))).toContain('qwen');
    // The conflict with the bundled version is shown, the pack winning.
    const overview = await h.listPacks({ type: 'listPacks' });
    expect(overview.conflicts).toEqual([
      {
        id: 'llama',
        name: 'LLaMA',
        winner: { kind: 'pack', id: 'test-pack' },
        deleted: false,
        layers: [
          { layer: { kind: 'pack', id: 'test-pack' }, sameAsWinner: true },
          { layer: { kind: 'bundled' }, sameAsWinner: false },
        ],
      },
    ]);
  });

  it('adds a pack from a file (no address: no request)', async () => {
    const { handlers: h } = service();
    const outcome = await h.subscribePack({
      type: 'subscribePack',
      text: await packText([qwen]),
      publicKey: TEST_PUBLIC,
    });
    expect(outcome).toMatchObject({ ok: true, pack: { id: 'test-pack', pending: { entityCount: 1 } } });
    expect(outcome.ok && outcome.pack.url).toBeUndefined();
    expect(outcome.ok && outcome.pack.nextCheck).toBeUndefined();
    expect(net.calls).toEqual([]);
    // A check without a file says how to update it.
    expect(await h.checkPack({ type: 'checkPack', id: 'test-pack' })).toMatchObject({
      ok: false,
      reason: 'address',
    });
  });

  it('takes https, and plain http only on this machine; refuses other addresses before any request', async () => {
    const { handlers: h } = service();
    for (const url of [
      'http://packs.example.org/a.json',
      'ftp://x.example/a',
      'https://me:pw@x.example/a',
      'nonsense',
    ])
      expect(
        await h.subscribePack({ type: 'subscribePack', url, publicKey: TEST_PUBLIC }),
        url,
      ).toMatchObject({
        ok: false,
        reason: 'address',
      });
    expect(net.calls).toEqual([]);
    net.serve('http://127.0.0.1:8123/p.json', await packText([qwen]));
    expect(
      await h.subscribePack({
        type: 'subscribePack',
        url: 'http://127.0.0.1:8123/p.json',
        publicKey: TEST_PUBLIC,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a second subscription to the same pack, and a key that is not one', async () => {
    const { handlers: h } = service();
    await subscribed(h, [qwen]);
    net.serve(URL_B, await packText([qwen]));
    expect(
      await h.subscribePack({ type: 'subscribePack', url: URL_B, publicKey: TEST_PUBLIC }),
    ).toMatchObject({
      ok: false,
      reason: 'duplicate',
    });
    expect(
      await h.subscribePack({ type: 'subscribePack', url: URL_B, publicKey: 'not a key' }),
    ).toMatchObject({
      ok: false,
      reason: 'key',
    });
    expect((await h.listPacks({ type: 'listPacks' })).packs).toHaveLength(1);
  });
});

describe('updates', () => {
  async function acceptedV1(h: Handlers) {
    const pack = await subscribed(h, [variant('llama', 'v1'), qwen, byId('alibaba')]);
    await h.acceptPack({ type: 'acceptPack', id: pack.id, key: pack.pending!.key, entities: 'all' });
  }
  const v2 = () =>
    packText(
      [
        variant('llama', 'v2'),
        { ...byId('alibaba'), notes: byId('01-ai').notes },
        { id: 'deepseek', type: 'company', name: { en: 'DeepSeek' }, aliases: [], notes: [] },
      ],
      { version: '2', asOf: '2026-12-01' },
    );

  it('a new version is reviewed with its notes and sources; accepting some entities applies only those', async () => {
    const { handlers: h } = service();
    await acceptedV1(h);
    net.serve(URL_A, await v2());
    const checked = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    expect(checked).toMatchObject({
      ok: true,
      upToDate: false,
      pack: {
        accepted: { version: '1' },
        pending: { version: '2', counts: { added: 1, changed: 2, removed: 1 } },
      },
    });
    const review = await h.getPackReview({ type: 'getPackReview', id: 'test-pack' });
    expect(review.fromVersion).toBe('1');
    expect(review.entities.map((e) => [e.id, e.change])).toEqual([
      ['alibaba', 'changed'],
      ['deepseek', 'added'],
      ['llama', 'changed'],
      ['qwen', 'removed'],
    ]);
    const alibaba = review.entities.find((e) => e.id === 'alibaba')!;
    expect(alibaba.notes).toEqual([
      expect.objectContaining({
        id: 'alibaba-round',
        change: 'added',
        kind: 'funding',
        sources: [expect.objectContaining({ publisher: 'China Money Network' })],
      }),
    ]);
    expect(review.entities.find((e) => e.id === 'llama')!.fields).toEqual(['summary']);

    const result = await h.acceptPack({
      type: 'acceptPack',
      id: 'test-pack',
      key: review.key,
      entities: ['alibaba', 'qwen'],
    });
    expect(result).toMatchObject({ ok: true, pack: { accepted: { version: '2', partial: true } } });
    expect((await h.getEntity({ type: 'getEntity', id: 'alibaba' }))?.entity.notes).toHaveLength(1);
    expect(await h.getEntity({ type: 'getEntity', id: 'qwen' })).toBeNull();
    expect((await h.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en).toBe('v1');
    expect(await h.getEntity({ type: 'getEntity', id: 'deepseek' })).toBeNull();
    // The same version is not offered again.
    expect(await h.checkPack({ type: 'checkPack', id: 'test-pack' })).toMatchObject({
      ok: true,
      upToDate: true,
    });
    expect((await h.listPacks({ type: 'listPacks' })).packs[0]!.pending).toBeUndefined();
  });

  it('rejecting leaves the data as it was and the version is not offered again', async () => {
    const { handlers: h } = service();
    await acceptedV1(h);
    const before = await snapshot(h);
    net.serve(URL_A, await v2());
    const checked = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    const key = checked.pack!.pending!.key;
    const rejected = await h.rejectPack({ type: 'rejectPack', id: 'test-pack', key });
    expect(rejected.pending).toBeUndefined();
    expect(rejected.accepted?.version).toBe('1');
    expect(await snapshot(h)).toEqual(before);
    expect(await h.checkPack({ type: 'checkPack', id: 'test-pack' })).toMatchObject({ upToDate: true });
  });

  it('a decision about a version replaced meanwhile is refused as a conflict', async () => {
    const route = createRouter(service().handlers);
    net.serve(URL_A, await packText([qwen]));
    const sub = (await route({ type: 'subscribePack', url: URL_A, publicKey: TEST_PUBLIC })) as {
      ok: true;
      data: { ok: true; pack: { pending: { key: string } } };
    };
    const oldKey = sub.data.pack.pending.key;
    net.serve(URL_A, await packText([qwen, byId('llama')], { version: '2' }));
    await route({ type: 'checkPack', id: 'test-pack' });
    expect(await route({ type: 'acceptPack', id: 'test-pack', key: oldKey, entities: 'all' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('user edits win over a pack; a revert goes back to the pack’s version', async () => {
    const { handlers: h } = service();
    const llama = byId('llama');
    await h.putEntity({ type: 'putEntity', entity: { ...llama, summary: { en: 'Mine.' } } });
    await acceptedV1(h);
    expect((await h.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en).toBe('Mine.');
    const conflict = (await h.listPacks({ type: 'listPacks' })).conflicts.find((c) => c.id === 'llama');
    expect(conflict?.winner).toEqual({ kind: 'user' });
    await h.revertEntity({ type: 'revertEntity', id: 'llama' });
    expect((await h.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en).toBe('v1');
    // An entity only a pack has can be reverted to the pack's version too.
    await h.putEntity({ type: 'putEntity', entity: { ...qwen, summary: { en: 'My Qwen.' } } });
    expect(await h.getEntity({ type: 'getEntity', id: 'qwen' })).toMatchObject({
      edited: true,
      bundled: true,
    });
    await h.revertEntity({ type: 'revertEntity', id: 'qwen' });
    expect(await h.getEntity({ type: 'getEntity', id: 'qwen' })).toMatchObject({
      entity: qwen,
      edited: false,
    });
    // A pack entity the reader deletes stays deleted through the next version.
    await h.deleteEntity({ type: 'deleteEntity', id: 'qwen' });
    net.serve(URL_A, await packText([variant('llama', 'v1'), qwen], { version: '3' }));
    const checked = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    await h.acceptPack({
      type: 'acceptPack',
      id: 'test-pack',
      key: checked.pack!.pending!.key,
      entities: 'all',
    });
    expect(await h.getEntity({ type: 'getEntity', id: 'qwen' })).toBeNull();
  });
});

describe('refusals leave the data unchanged and say why', () => {
  async function setUp(limits?: { maxBytes?: number; timeoutMs?: number }) {
    const { handlers: h } = service(limits);
    const pack = await subscribed(h, [variant('llama', 'v1')]);
    await h.acceptPack({ type: 'acceptPack', id: pack.id, key: pack.pending!.key, entities: 'all' });
    return { h, before: await snapshot(h) };
  }
  const good = () => packText([variant('llama', 'v2')], { version: '2' });

  const cases: [string, () => Promise<void>, string, RegExp, { maxBytes?: number; timeoutMs?: number }?][] = [
    [
      'a tampered pack',
      async () => net.serve(URL_A, (await good()).replace('"v2"', '"v2 (changed in transit)"')),
      'signature',
      /changed after it was signed/,
    ],
    [
      'a pack signed with another key',
      async () => {
        const other = await generateKeyPair();
        net.serve(URL_A, await packText([variant('llama', 'v2')], { version: '2' }, other.privateKey));
      },
      'key',
      /the key it must match/,
    ],
    ['a 404', async () => net.serve(URL_A, 'not found', 404), 'http', /answered 404/],
    [
      'malformed JSON',
      async () => net.serve(URL_A, '{"format": "assay-pack", '),
      'malformed',
      /not valid JSON/,
    ],
    [
      'an oversized file (counted while streaming)',
      async () =>
        net.route(URL_A, () => {
          const chunk = new Uint8Array(4096).fill(32);
          let sent = 0;
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent++ > 1000) controller.close();
              else controller.enqueue(chunk);
            },
          });
          return new Response(body);
        }),
      'oversized',
      /too large/,
      { maxBytes: 100_000 },
    ],
    [
      'a declared length over the limit',
      async () =>
        net.route(URL_A, () => new Response('{}', { headers: { 'content-length': String(200_000) } })),
      'oversized',
      /too large/,
      { maxBytes: 100_000 },
    ],
    ['an unreachable server', async () => void net.routes.delete(URL_A), 'unreachable', /Could not reach/],
    [
      'a server that never answers',
      async () =>
        net.route(
          URL_A,
          (init) =>
            new Promise<Response>((_, reject) =>
              init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
            ),
        ),
      'unreachable',
      /No answer/,
      { timeoutMs: 20 },
    ],
    [
      'a file that is another pack',
      async () => net.serve(URL_A, await packText([qwen], { id: 'another-pack', version: '2' })),
      'id',
      /keeps its id/,
    ],
    [
      'an older version',
      async () => net.serve(URL_A, await packText([qwen], { version: '0', asOf: '2025-01-01' })),
      'older',
      /older than the one in use/,
    ],
    [
      'a pack whose own data is inconsistent (a link to a note it does not have)',
      async () => {
        const yi = byId('yi-34b');
        const base = [{ id: 'llama', relation: 'architecture-reuse' as const, notes: ['not-there'] }];
        net.serve(URL_A, await packText([{ ...yi, links: { ...yi.links, base } }], { version: '2' }));
      },
      'schema',
      /inconsistent: entities\[yi-34b\]\.links\.base\.0\.notes: no note "not-there"/,
    ],
    [
      'a pack that breaks the source rules',
      async () => {
        const bad = variant('llama', 'v2');
        bad.notes = [
          {
            ...byId('01-ai').notes[0]!,
            sources: [{ url: 'https://summarizepaper.com/x', publisher: 'S', title: 'T', published: '2024' }],
          },
        ];
        net.serve(URL_A, await packText([bad], { version: '2' }));
      },
      'sources',
      /source rules/,
    ],
  ];

  for (const [name, serve, reason, message, limits] of cases)
    it(name, async () => {
      const { h, before } = await setUp(limits);
      await serve();
      const outcome = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
      expect(outcome).toMatchObject({ ok: false, reason });
      expect(!outcome.ok && outcome.message).toMatch(message);
      expect(outcome.pack).toMatchObject({ lastError: { reason, at: clock }, accepted: { version: '1' } });
      expect(outcome.pack?.pending).toBeUndefined();
      expect(await snapshot(h)).toEqual(before);
    });

  it('a good version afterwards clears the error', async () => {
    const { h } = await setUp();
    net.serve(URL_A, 'nope', 404);
    await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    net.serve(URL_A, await good());
    const outcome = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    expect(outcome).toMatchObject({ ok: true, pack: { pending: { version: '2' } } });
    expect(outcome.pack?.lastError).toBeUndefined();
  });

  it('accepting a version that would break the data (a name another entity has) writes nothing', async () => {
    const { h, before } = await setUp();
    const clash: Entity = { ...qwen, aliases: [{ text: '零一万物' }] };
    net.serve(URL_A, await packText([clash], { version: '2' }));
    const checked = await h.checkPack({ type: 'checkPack', id: 'test-pack' });
    const outcome = await h.acceptPack({
      type: 'acceptPack',
      id: 'test-pack',
      key: checked.pack!.pending!.key,
      entities: 'all',
    });
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'integrity',
      pack: { lastError: { reason: 'integrity' } },
    });
    expect(!outcome.ok && outcome.message).toMatch(/also a name of/);
    expect(outcome.pack?.pending?.version).toBe('2');
    expect(outcome.pack?.accepted?.version).toBe('1');
    expect(await snapshot(h)).toEqual(before);
  });
});

describe('several packs', () => {
  it('the first in the reader’s order wins; moving, disabling and removing a pack change who wins', async () => {
    const { handlers: h } = service();
    const a = await subscribed(h, [variant('llama', 'A')]);
    await h.acceptPack({ type: 'acceptPack', id: a.id, key: a.pending!.key, entities: 'all' });
    const b = await subscribed(h, [variant('llama', 'B')], URL_B, { id: 'pack-b', title: 'Pack B' });
    await h.acceptPack({ type: 'acceptPack', id: b.id, key: b.pending!.key, entities: 'all' });
    const summary = async () => (await h.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en;
    expect(await summary()).toBe('A');
    const conflict = (await h.listPacks({ type: 'listPacks' })).conflicts[0]!;
    expect(conflict.winner).toEqual({ kind: 'pack', id: 'test-pack' });
    expect(conflict.layers.map((l) => l.layer)).toEqual([
      { kind: 'pack', id: 'test-pack' },
      { kind: 'pack', id: 'pack-b' },
      { kind: 'bundled' },
    ]);

    expect(await h.setPackOptions({ type: 'setPackOptions', id: 'pack-b', position: 0 })).toMatchObject({
      ok: true,
    });
    expect((await h.listPacks({ type: 'listPacks' })).packs.map((p) => p.id)).toEqual([
      'pack-b',
      'test-pack',
    ]);
    expect(await summary()).toBe('B');
    expect((await h.getMeta({ type: 'getMeta' })).packs?.map((p) => p.id)).toEqual(['pack-b', 'test-pack']);

    await h.setPackOptions({ type: 'setPackOptions', id: 'pack-b', enabled: false });
    expect(await summary()).toBe('A');
    await h.removePack({ type: 'removePack', id: 'test-pack' });
    expect(await summary()).toBeUndefined();
    expect((await h.listEntities({ type: 'listEntities' })).items.every((i) => !i.pack)).toBe(true);
    expect((await h.listPacks({ type: 'listPacks' })).packs.map((p) => p.id)).toEqual(['pack-b']);
  });

  it('a reset keeps subscriptions: their data comes back above the bundled data', async () => {
    const { handlers: h } = service();
    const a = await subscribed(h, [qwen]);
    await h.acceptPack({ type: 'acceptPack', id: a.id, key: a.pending!.key, entities: 'all' });
    await h.putEntity({ type: 'putEntity', entity: { ...qwen, summary: { en: 'Mine.' } } });
    // An edit of a pack's entry counts as an edit, not a creation.
    expect(await h.getChangeSummary({ type: 'getChangeSummary' })).toEqual({
      edited: 1,
      created: 0,
      deleted: 0,
    });
    await h.resetData({ type: 'resetData' });
    expect((await h.listEntities({ type: 'listEntities' })).items.find((i) => i.id === 'qwen')).toMatchObject(
      {
        pack: 'test-pack',
        edited: false,
      },
    );
  });
});

describe('the schedule', () => {
  it('is wanted only with a subscription by address and while on; the check covers enabled ones', async () => {
    const { handlers: h, packs } = service();
    expect(await packs.scheduleWanted()).toBe(false);
    await h.subscribePack({ type: 'subscribePack', text: await packText([qwen]), publicKey: TEST_PUBLIC });
    expect(await packs.scheduleWanted()).toBe(false);
    await subscribed(h, [qwen], URL_B, { id: 'pack-b' });
    expect(await packs.scheduleWanted()).toBe(true);
    expect(await h.setPackSchedule({ type: 'setPackSchedule', enabled: false })).toEqual({
      scheduled: false,
    });
    expect(await packs.scheduleWanted()).toBe(false);
    expect(
      (await h.listPacks({ type: 'listPacks' })).packs.find((p) => p.id === 'pack-b')?.nextCheck,
    ).toBeUndefined();
    await h.setPackSchedule({ type: 'setPackSchedule', enabled: true });
    expect(await packs.scheduleWanted()).toBe(true);

    net.calls.length = 0;
    clock += 86_400_000;
    net.serve(URL_B, await packText([qwen, byId('llama')], { id: 'pack-b', version: '2' }));
    await packs.checkAll();
    expect(net.calls.map((c) => c.url)).toEqual([URL_B]);
    const b = (await h.listPacks({ type: 'listPacks' })).packs.find((p) => p.id === 'pack-b')!;
    expect(b).toMatchObject({ lastCheck: clock, nextCheck: clock + 86_400_000, pending: { version: '2' } });
    await h.setPackOptions({ type: 'setPackOptions', id: 'pack-b', enabled: false });
    net.calls.length = 0;
    await packs.checkAll();
    expect(net.calls).toEqual([]);
  });

  it('makes no request at all without a subscription', async () => {
    const { handlers: h, packs } = service();
    await h.getMeta({ type: 'getMeta' });
    await h.listPacks({ type: 'listPacks' });
    await packs.checkAll();
    expect(net.calls).toEqual([]);
  });
});
