/**
 * The Dexie database. It lives in the extension's origin (background, extension pages): opened from
 * a content script it would belong to the web page. Versions only ever go up; each new version adds
 * a Dexie `.version(n)` block with its upgrade function.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Entity } from '../schema';

/** An entity as stored, with where it came from and whether the user changed it. */
export interface StoredEntity {
  id: string;
  type: Entity['type'];
  data: Entity;
  /** "bundled": from data/ untouched; "user": created or edited by the user. */
  origin: 'bundled' | 'user';
  /** Bumped on every write, so concurrent editors can detect a conflict. */
  revision: number;
  updatedAt: number;
}

/** A bundled entity the user deleted: upgrades must not bring it back. */
export interface Tombstone {
  id: string;
  deletedAt: number;
}

export interface MetaRecord {
  key: 'dataset';
  version: string;
  asOf: string;
}

export type AssayDb = Dexie & {
  entities: EntityTable<StoredEntity, 'id'>;
  tombstones: EntityTable<Tombstone, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const DB_NAME = 'assay';

/** Opens (lazily) the database; `indexedDB` may be injected for tests. */
export function createDb(
  name = DB_NAME,
  options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
) {
  const db = new Dexie(name, options) as AssayDb;
  db.version(1).stores({
    entities: '&id, type, origin',
    tombstones: '&id',
    meta: '&key',
  });
  return db;
}
