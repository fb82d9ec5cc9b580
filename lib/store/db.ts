/**
 * The Dexie database. It lives in the extension's origin (background, extension pages): opened from
 * a content script it would belong to the web page. Versions only ever go up; each new version adds
 * a Dexie `.version(n)` block with its upgrade function.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Dataset, Entity } from '../schema';
import type { PackMeta } from '../packs/format';

/** An entity as stored, with where it came from and whether the user changed it. */
export interface StoredEntity {
  id: string;
  type: Entity['type'];
  data: Entity;
  /**
   * "bundled": from data/ untouched; "pack": the version of a subscribed pack (`packId`) that wins
   * over the bundled one; "user": created or edited by the user.
   */
  origin: 'bundled' | 'pack' | 'user';
  /** For origin "pack": the subscription the entity comes from. */
  packId?: string;
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

/** Whether subscribed packs are checked on a schedule (daily), stored beside the dataset meta. */
export interface ScheduleRecord {
  key: 'packSchedule';
  enabled: boolean;
}

/** A verified version of a pack: its metadata, data and signature (which names the version). */
export interface PackVersion {
  meta: PackMeta;
  dataset: Dataset;
  /** The signature's value: two versions are the same only if their signatures are. */
  signature: string;
  fetchedAt: number;
}

/** Why the last check of a subscription failed; the data stayed as it was. */
export interface PackError {
  reason: string;
  message: string;
  at: number;
}

/** A subscription to a signed data pack, with the accepted version and one awaiting review. */
export interface StoredPack {
  /** The pack's own id (meta.id), the same in every version. */
  id: string;
  /** Where updates come from; undefined for a pack added from a file (updated from files too). */
  url?: string;
  /** The publisher's public key pinned when subscribing (base64 of 32 bytes). */
  publicKey: string;
  fingerprint: string;
  /** Precedence among packs: lower comes first and wins. */
  order: number;
  enabled: boolean;
  /** The version whose data (all or the entities the reader accepted) is in use. */
  accepted?: PackVersion & { partial: boolean };
  /** A verified version the reader has not reviewed yet. */
  pending?: PackVersion;
  /** The signature of the last version reviewed (accepted or rejected): not offered again. */
  reviewed?: string;
  addedAt: number;
  lastCheck?: number;
  nextCheck?: number;
  lastError?: PackError;
}

export type AssayDb = Dexie & {
  entities: EntityTable<StoredEntity, 'id'>;
  tombstones: EntityTable<Tombstone, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  packs: EntityTable<StoredPack, 'id'>;
};

export const DB_NAME = 'assay';

/** The bundled dataset's version and asOf as last seeded, if any. */
export async function datasetMetaOf(db: AssayDb): Promise<MetaRecord | undefined> {
  const record = await db.meta.get('dataset');
  return record?.key === 'dataset' ? record : undefined;
}

/** The meta table seen as holding the schedule record (the same table, another key). */
export function scheduleTable(db: AssayDb): Table<ScheduleRecord, string> {
  return db.table<ScheduleRecord, string>('meta');
}

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
  // Version 2: subscribed data packs, and entities indexed by the pack they come from.
  db.version(2).stores({ entities: '&id, type, origin, packId', packs: '&id, order' });
  return db;
}
