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
import { testDataset } from '../helpers/dataset';

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
});
