/**
 * Database migrations: a database written by every earlier schema version opens with the current
 * code and keeps the user's edits, creations and deletions. Each new `db.version(n)` adds its frozen
 * predecessor here.
 */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDb } from '../../lib/store/db';
import { createService } from '../../lib/store/service';
import { testDataset, testRegistry } from '../helpers/dataset';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializePack, signPack } from '../../lib/packs/format';

/** Version 1 of the database exactly as it shipped (frozen: do not edit when the schema moves on). */
function openV1(name: string, indexedDB: IDBFactory) {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores({ entities: '&id, type, origin', tombstones: '&id', meta: '&key' });
  return db;
}

describe('migrations', () => {
  it('opens a version 1 database with user edits in place and upgrades its bundled data', async () => {
    const factory = new IDBFactory();
    const v1 = openV1('assay-migrate', factory);
    const old = testDataset('0');
    const yi = old.entities.find((e) => e.id === 'yi-34b')!;
    await v1.table('entities').bulkPut([
      {
        id: 'yi-34b',
        type: 'model',
        data: { ...yi, name: { en: 'Yi-34B (my wording)' } },
        origin: 'user',
        revision: 3,
        updatedAt: 1,
      },
      {
        id: 'llama',
        type: 'model-family',
        data: old.entities.find((e) => e.id === 'llama')!,
        origin: 'bundled',
        revision: 1,
        updatedAt: 1,
      },
      {
        id: 'mine',
        type: 'chip',
        data: { id: 'mine', type: 'chip', name: { en: 'Mine' }, aliases: [], notes: [] },
        origin: 'user',
        revision: 1,
        updatedAt: 1,
      },
    ]);
    await v1.table('tombstones').put({ id: 'alibaba', deletedAt: 1 });
    await v1.table('meta').put({ key: 'dataset', version: '0', asOf: '2026-01-01' });
    v1.close();

    const db = createDb('assay-migrate', { indexedDB: factory, IDBKeyRange });
    const { handlers } = createService(db, testDataset('1'));
    const meta = await handlers.getMeta({ type: 'getMeta' });
    expect(meta).toMatchObject({ version: '1', asOf: '2026-11-29' });
    expect((await handlers.getEntity({ type: 'getEntity', id: 'yi-34b' }))?.entity.name.en).toBe(
      'Yi-34B (my wording)',
    );
    expect(await handlers.getEntity({ type: 'getEntity', id: 'mine' })).not.toBeNull();
    expect(await handlers.getEntity({ type: 'getEntity', id: 'alibaba' })).toBeNull();
    expect(await handlers.getEntity({ type: 'getEntity', id: '01-ai' })).not.toBeNull();
  });

  it('version 2 adds the packs table to a version 1 database and keeps everything in it', async () => {
    const factory = new IDBFactory();
    const v1 = openV1('assay-migrate-2', factory);
    const old = testDataset('1');
    const yi = old.entities.find((e) => e.id === 'yi-34b')!;
    await v1.table('entities').bulkPut(
      old.entities.map((e) => ({
        id: e.id,
        type: e.type,
        data: e.id === 'yi-34b' ? { ...yi, summary: { en: 'Mine.' } } : e,
        origin: e.id === 'yi-34b' ? 'user' : 'bundled',
        revision: 1,
        updatedAt: 1,
      })),
    );
    await v1.table('tombstones').put({ id: 'alibaba', deletedAt: 1 });
    await v1.table('meta').put({ key: 'dataset', version: '1', asOf: '2026-11-29' });
    await v1.table('entities').delete('alibaba');
    v1.close();

    const db = createDb('assay-migrate-2', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.packs.count()).toBe(0);
    expect(db.entities.schema.indexes.map((i) => i.name).sort()).toEqual(['origin', 'packId', 'type']);
    expect(await db.entities.count()).toBe(3);
    expect(await db.tombstones.get('alibaba')).toMatchObject({ deletedAt: 1 });

    // A pack accepted on the migrated database sits below the user's edit and above the rest.
    const key = readFileSync(
      resolve(import.meta.dirname, '../fixtures/packs/TEST-ONLY-pack-key.pkcs8'),
      'utf8',
    );
    const pub = readFileSync(
      resolve(import.meta.dirname, '../fixtures/packs/TEST-ONLY-pack-key.pub'),
      'utf8',
    );
    const llama = { ...old.entities.find((e) => e.id === 'llama')!, summary: { en: 'From a pack.' } };
    const packed = { ...yi, summary: { en: 'The pack’s.' } };
    const text = serializePack(
      await signPack(
        { schemaVersion: 1, version: 'p1', asOf: '2026-12-01', entities: [llama, packed] },
        { id: 'p', title: 'P', publisher: 'Tests', version: 'p1', asOf: '2026-12-01', licence: 'CC0-1.0' },
        key.trim(),
      ),
    );
    const { handlers } = createService(db, testDataset('1'), { registry: testRegistry() });
    const outcome = await handlers.subscribePack({ type: 'subscribePack', text, publicKey: pub.trim() });
    if (!outcome.ok) throw new Error(outcome.message);
    await handlers.acceptPack({
      type: 'acceptPack',
      id: 'p',
      key: outcome.pack.pending!.key,
      entities: 'all',
    });
    expect((await handlers.getEntity({ type: 'getEntity', id: 'yi-34b' }))?.entity.summary?.en).toBe('Mine.');
    expect((await handlers.getEntity({ type: 'getEntity', id: 'llama' }))?.entity.summary?.en).toBe(
      'From a pack.',
    );
    expect(await handlers.getEntity({ type: 'getEntity', id: 'alibaba' })).toBeNull();
  });
});
