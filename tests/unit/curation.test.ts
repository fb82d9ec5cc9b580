import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb, type AssayDb } from '../../lib/store/db';
import { createService } from '../../lib/store/service';
import type { Handlers } from '../../lib/messages/router';
import { createRouter } from '../../lib/messages/router';
import type { Entity } from '../../lib/schema';
import { testDataset } from '../helpers/dataset';

let db: AssayDb;
let handlers: Handlers;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = createDb('assay-curation', { indexedDB: new IDBFactory(), IDBKeyRange });
  ({ handlers } = createService(db, testDataset()));
  route = createRouter(handlers);
  await handlers.getMeta({ type: 'getMeta' });
});

/** Everything the user could lose, in a comparable form. */
async function snapshot() {
  const entities = (await db.entities.toArray()).map((r) => [r.id, r.origin, JSON.stringify(r.data)]);
  const tombstones = await db.tombstones.toCollection().primaryKeys();
  return { entities: entities.sort(), tombstones: tombstones.sort() };
}

const entity = async (id: string) => (await handlers.getEntity({ type: 'getEntity', id }))!;

describe('editing', () => {
  it('detects a conflicting edit from another tab and saves nothing', async () => {
    const view = await entity('alibaba');
    const mine = { ...view.entity, aliases: [{ text: 'Alibaba Group' }] };
    const theirs = { ...view.entity, aliases: [{ text: 'BABA' }] };
    expect(await route({ type: 'putEntity', entity: theirs, baseRevision: view.revision })).toMatchObject({
      ok: true,
    });
    const reply = await route({ type: 'putEntity', entity: mine, baseRevision: view.revision });
    expect(reply).toMatchObject({
      ok: false,
      code: 'conflict',
      error: expect.stringMatching(/changed elsewhere/),
    });
    expect((await entity('alibaba')).entity.aliases).toEqual([{ text: 'BABA' }]);
  });

  it('refuses an edit that would leave a link dangling or share a name', async () => {
    const yi = (await entity('yi-34b')).entity;
    const dangling = { ...yi, links: { ...yi.links, developer: 'nobody' } };
    expect(await route({ type: 'putEntity', entity: dangling })).toMatchObject({
      ok: false,
      code: 'invalid',
      error: expect.stringMatching(/unknown entity "nobody"/),
    });
    const clash = { ...yi, aliases: [{ text: 'Lingyiwanwu' }] };
    expect(await route({ type: 'putEntity', entity: clash })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await route({ type: 'deleteEntity', id: '01-ai' })).toMatchObject({ ok: true });
  });

  it('deletes with undo, and reverts an edit to the bundled version', async () => {
    const before = await snapshot();
    const { deleted } = await handlers.deleteEntity({ type: 'deleteEntity', id: 'llama' });
    expect(await db.entities.get('llama')).toBeUndefined();
    expect(await db.tombstones.get('llama')).toBeDefined();
    await handlers.restoreEntity({ type: 'restoreEntity', entry: deleted! });
    expect(await snapshot()).toEqual(before);

    const llama = (await entity('llama')).entity;
    await handlers.putEntity({ type: 'putEntity', entity: { ...llama, name: { en: 'LLaMA (edited)' } } });
    expect((await entity('llama')).edited).toBe(true);
    await handlers.revertEntity({ type: 'revertEntity', id: 'llama' });
    expect((await entity('llama')).edited).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe('listing and search', () => {
  it('filters by type, note kind, edited and text', async () => {
    const list = async (filters: object) =>
      (await handlers.listEntities({ type: 'listEntities', ...filters })).items.map((i) => i.id);
    expect(await list({ entityType: 'company' })).toEqual(['01-ai', 'alibaba']);
    expect(await list({ noteKind: 'provenance' })).toEqual(['yi-34b']);
    expect(await list({ query: '零一' })).toEqual(['01-ai']);
    const llama = (await entity('llama')).entity;
    await handlers.putEntity({ type: 'putEntity', entity: { ...llama, aliases: [] } });
    expect(await list({ editedOnly: true })).toEqual(['llama']);
  });

  it('finds names in both languages, with separators varied and a typo, exact before fuzzy', async () => {
    const top = async (query: string) => (await handlers.search({ type: 'search', query }))[0];
    expect((await top('零一万物'))?.id).toBe('01-ai');
    expect((await top('yi34b'))?.id).toBe('yi-34b');
    expect((await top('Alibabba'))?.id).toBe('alibaba');
    expect((await top('零一'))?.rank).toBeLessThan(2); // a prefix
    const hits = await handlers.search({ type: 'search', query: 'renamed tensors' });
    expect(hits[0]).toMatchObject({ kind: 'note', id: 'yi-34b', noteId: 'llama-architecture' });
  });
});

describe('export and import', () => {
  const changeSomething = async () => {
    const llama = (await entity('llama')).entity;
    await handlers.putEntity({ type: 'putEntity', entity: { ...llama, name: { en: 'LLaMA*' } } });
    await handlers.deleteEntity({ type: 'deleteEntity', id: 'alibaba' });
    const mine: Entity = { id: 'my-chip', type: 'chip', name: { en: 'My chip' }, aliases: [], notes: [] };
    await handlers.putEntity({ type: 'putEntity', entity: mine });
  };

  it('round-trips everything: export all, reset, import (replace) gives back the same state', async () => {
    await changeSomething();
    const before = await snapshot();
    const file = await handlers.exportData({ type: 'exportData', scope: 'all' });
    expect(await handlers.resetData({ type: 'resetData' })).toEqual({ edited: 1, created: 1, deleted: 1 });
    expect(await snapshot()).not.toEqual(before);
    await handlers.importData({ type: 'importData', text: JSON.stringify(file), mode: 'replace' });
    expect(await snapshot()).toEqual(before);
  });

  it('round-trips the user’s changes alone into a fresh database (merge)', async () => {
    await changeSomething();
    const before = await snapshot();
    const file = await handlers.exportData({ type: 'exportData', scope: 'changes' });
    expect(file.entries.map((e) => e.entity.id)).toEqual(['llama', 'my-chip']);
    await handlers.resetData({ type: 'resetData' });
    await handlers.importData({ type: 'importData', text: JSON.stringify(file), mode: 'merge' });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an empty file', '', /The file is empty/],
    ['malformed JSON', '{"format": "assay-export", ', /not valid JSON/],
    ['another format', '{"hello": 1}', /format: Invalid key|format/],
  ])('rejects %s and changes nothing', async (_, text, message) => {
    const before = await snapshot();
    const reply = await route({ type: 'importData', text, mode: 'replace' });
    expect(reply).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it('names the entry and the field of a bad entry, and duplicates', async () => {
    const file = await handlers.exportData({ type: 'exportData', scope: 'all' });
    const bad = structuredClone(file);
    bad.entries[3]!.entity.notes[0]!.sources[0]!.url = 'javascript:alert(1)';
    const before = await snapshot();
    const reply = await route({ type: 'importData', text: JSON.stringify(bad), mode: 'merge' });
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringContaining('entry 4 ("yi-34b"): notes.0.sources.0.url: must be an http(s) URL'),
    });
    const dup = structuredClone(file);
    dup.entries.push(dup.entries[0]!);
    expect(await route({ type: 'importData', text: JSON.stringify(dup), mode: 'merge' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/entry 5 \("01-ai"\): id: the same id as entry 1/),
    });
    const truncated = JSON.stringify(file).slice(0, 200);
    expect(await route({ type: 'importData', text: truncated, mode: 'merge' })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const reply = await route({ type: 'importData', text: 'x'.repeat(20_000_001), mode: 'merge' });
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large .* limit is 20\.0 MB/),
    });
  });
});
