import { beforeEach, describe, expect, it } from 'vitest';
import type { EntityView } from '../../lib/messages/protocol';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type AssayDb } from '../../lib/store/db';
import { seedFromBundle } from '../../lib/store/seed';
import { createService } from '../../lib/store/service';
import { createRouter } from '../../lib/messages/router';
import { testDataset } from '../helpers/dataset';

let factory: IDBFactory;
const openDb = (): AssayDb => createDb('assay-test', { indexedDB: factory, IDBKeyRange });

beforeEach(() => {
  factory = new IDBFactory();
});

describe('seedFromBundle', () => {
  it('seeds once per dataset version', async () => {
    const db = openDb();
    expect(await seedFromBundle(db, testDataset('1'))).toMatchObject({ changed: true, added: 4 });
    expect(await seedFromBundle(db, testDataset('1'))).toMatchObject({ changed: false, added: 0 });
    expect(await db.entities.count()).toBe(4);
  });

  it('keeps user edits and deletions across an upgrade, and drops retired bundled entries', async () => {
    const db = openDb();
    const { handlers } = createService(db, testDataset('1'));
    await handlers.getMeta({ type: 'getMeta' });
    const yi = (await handlers.getEntity({ type: 'getEntity', id: 'yi-34b' }))!.entity;
    await handlers.putEntity({ type: 'putEntity', entity: { ...yi, name: { en: 'Yi-34B (my note)' } } });
    await handlers.deleteEntity({ type: 'deleteEntity', id: 'alibaba' });

    const v2 = testDataset('2', {
      'yi-34b': { ...yi, name: { en: 'Yi-34B v2' } },
      alibaba: null,
      llama: null,
      'new-one': { id: 'new-one', type: 'chip', name: { en: 'New' }, aliases: [], notes: [] },
    });
    // The upgrade re-adds alibaba to the bundle to check that the tombstone holds.
    v2.entities.push(testDataset('1').entities.find((e) => e.id === 'alibaba')!);
    const result = await seedFromBundle(db, v2);
    expect(result).toMatchObject({ changed: true, keptUserEdits: 1, removed: 1, added: 1 });
    expect((await db.entities.get('yi-34b'))?.data.name.en).toBe('Yi-34B (my note)');
    expect(await db.entities.get('alibaba')).toBeUndefined();
    expect(await db.entities.get('llama')).toBeUndefined();
    expect(await db.entities.get('new-one')).toBeDefined();
  });

  it('keeps entries the user created across an upgrade, even when the bundle later adds that id', async () => {
    const db = openDb();
    const { handlers } = createService(db, testDataset('1'));
    const mine = { id: 'my-model', type: 'model' as const, name: { en: 'My model' }, aliases: [], notes: [] };
    await handlers.putEntity({ type: 'putEntity', entity: mine });
    const v2 = testDataset('2', { 'my-model': { ...mine, name: { en: 'Bundled model' } } });
    expect(await seedFromBundle(db, v2)).toMatchObject({ changed: true, keptUserEdits: 1 });
    expect((await db.entities.get('my-model'))?.data.name.en).toBe('My model');
    expect((await db.entities.get('my-model'))?.origin).toBe('user');
  });
});

describe('message API over the store', () => {
  it('answers every request type after a cold start (no in-memory state needed)', async () => {
    const dataset = testDataset();
    const first = createRouter(createService(openDb(), dataset).handlers);
    // The worker that seeded says how long writing the bundled data took; one that found it there does not.
    expect(await first({ type: 'getMeta' })).toEqual({
      ok: true,
      data: { version: '1', asOf: '2026-11-29', entityCount: 4, seedMs: expect.any(Number) },
    });
    // A "restarted service worker": new service, same database.
    const route = createRouter(createService(openDb(), dataset).handlers);
    expect(await route({ type: 'getMeta' })).toEqual({
      ok: true,
      data: { version: '1', asOf: '2026-11-29', entityCount: 4 },
    });
    const view = await route({ type: 'getEntity', id: 'yi-34b' });
    expect(view).toMatchObject({
      ok: true,
      data: {
        developer: { id: '01-ai', name: { en: '01.AI', zh: '零一万物' } },
        base: [{ id: 'llama', relation: 'architecture-reuse' }],
        edited: false,
      },
    });
    // What is built on an entity: the models whose base links name it, with their relation.
    expect(await route({ type: 'getEntity', id: 'llama' })).toMatchObject({
      ok: true,
      data: { derivatives: [{ id: 'yi-34b', relation: 'architecture-reuse' }] },
    });
    // A company's card knows what it makes and what is disputed about it.
    const company = await route({ type: 'getEntity', id: '01-ai' });
    expect(company.ok && (company.data as EntityView).portfolio).toMatchObject({
      count: 1,
      top: [{ id: 'yi-34b' }],
      notable: { id: 'yi-34b', kind: 'provenance' },
    });
    expect(company.ok && (company.data as EntityView).portfolio!.disputes).toBeGreaterThan(0);
    const index = await route({ type: 'getIndex' });
    expect(index.ok && (index.data as { aliases: { text: string }[] }).aliases.map((a) => a.text)).toContain(
      '零一万物',
    );
    const list = await route({ type: 'listEntities', entityType: 'company' });
    expect(list).toMatchObject({ ok: true, data: { total: 2 } });
  });

  it('searches in both languages and forgives a typo', async () => {
    const route = createRouter(createService(openDb(), testDataset()).handlers);
    const top = async (query: string) => {
      const reply = await route({ type: 'search', query });
      return reply.ok ? (reply.data as { id: string }[])[0]?.id : reply.error;
    };
    expect(await top('零一万物')).toBe('01-ai');
    expect(await top('yi 34b')).toBe('yi-34b');
    expect(await top('Alibabba')).toBe('alibaba');
  });

  it('rejects malformed messages with a clear error', async () => {
    const route = createRouter(createService(openDb(), testDataset()).handlers);
    expect(await route({ type: 'nope' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Malformed message/),
    });
    expect(await route('getIndex')).toMatchObject({ ok: false });
    expect(await route({ type: 'getEntity', id: 'Not An Id' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/id: must be lowercase/),
    });
    const bad = await route({
      type: 'putEntity',
      entity: {
        ...testDataset().entities[0],
        notes: [{ ...testDataset().entities[0]!.notes[0], sources: [] }],
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/entity\.notes\.0\.sources: every note needs a source/),
    });
    const js = await route({
      type: 'putEntity',
      entity: {
        ...testDataset().entities[0],
        notes: [
          {
            ...testDataset().entities[0]!.notes[0],
            sources: [{ url: 'javascript:alert(1)', title: 't', publisher: 'p' }],
          },
        ],
      },
    });
    expect(js).toMatchObject({ ok: false, error: expect.stringMatching(/url: must be an http\(s\) URL/) });
  });

  it('marks user writes as edited and serves them at once', async () => {
    const route = createRouter(createService(openDb(), testDataset()).handlers);
    const entity = { ...testDataset().entities[1]!, aliases: [{ text: 'Alibaba Group' }] };
    expect(await route({ type: 'putEntity', entity })).toEqual({
      ok: true,
      data: { id: 'alibaba', revision: 2 },
    });
    expect(await route({ type: 'getEntity', id: 'alibaba' })).toMatchObject({
      ok: true,
      data: { edited: true },
    });
    const index = await route({ type: 'getIndex' });
    expect(JSON.stringify(index)).toContain('Alibaba Group');
  });
});

describe('a database that cannot open', () => {
  it('leaves Assay usable from the bundled data, read-only, and says why', async () => {
    const broken = {
      open: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    } as unknown as IDBFactory;
    const db = createDb('assay-broken', { indexedDB: broken, IDBKeyRange });
    const route = createRouter(createService(db, testDataset()).handlers);
    const meta = await route({ type: 'getMeta' });
    expect(meta).toMatchObject({
      ok: true,
      data: { entityCount: 4, degraded: expect.stringMatching(/quota/i) },
    });
    expect(await route({ type: 'getEntity', id: 'yi-34b' })).toMatchObject({
      ok: true,
      data: { entity: { id: 'yi-34b' } },
    });
    const index = await route({ type: 'getIndex' });
    expect(index.ok).toBe(true);
    expect(await route({ type: 'search', query: '零一万物' })).toMatchObject({
      ok: true,
      data: [{ id: '01-ai' }],
    });
    const write = await route({ type: 'deleteEntity', id: 'yi-34b' });
    expect(write).toMatchObject({
      ok: false,
      code: 'unavailable',
      error: expect.stringMatching(/edits cannot be saved/),
    });
  });
});
