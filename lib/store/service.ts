/**
 * The background's request handlers over the database. Caches (alias index, search index) are only
 * an optimisation: they are rebuilt from the database whenever they are missing, so a stopped and
 * restarted service worker loses nothing.
 */
import Fuse from 'fuse.js';
import type { Dataset, Entity } from '../schema';
import { buildMatcherIndex, type MatcherIndex } from '../match/matcher-index';
import type { Handlers } from '../messages/router';
import type { EntityRef, EntityView } from '../messages/protocol';
import type { AssayDb, StoredEntity } from './db';
import { seedFromBundle } from './seed';

function refOf(entity: Entity): EntityRef {
  return { id: entity.id, name: { en: entity.name.en, zh: entity.name.zh }, type: entity.type };
}

/** Creates the handlers; `ready()` seeds on first use so any request works after a cold start. */
export function createService(
  db: AssayDb,
  bundled: Dataset,
): { handlers: Handlers; ready: () => Promise<void> } {
  let seeding: Promise<void> | undefined;
  const ready = () =>
    (seeding ??= seedFromBundle(db, bundled).then(
      () => undefined,
      (error: unknown) => {
        seeding = undefined; // let the next request retry
        throw error;
      },
    ));

  let fuse: Fuse<Entity> | undefined;
  let index: MatcherIndex | undefined;
  const invalidate = () => {
    fuse = undefined;
    index = undefined;
  };

  const allEntities = async () => (await db.entities.toArray()).map((e) => e.data);
  const asOf = async () => (await db.meta.get('dataset'))?.asOf ?? bundled.asOf;

  const handlers: Handlers = {
    async getIndex() {
      await ready();
      index ??= buildMatcherIndex(await allEntities(), await asOf());
      return index;
    },

    async getEntity({ id }) {
      await ready();
      const stored = await db.entities.get(id);
      if (!stored) return null;
      const entity = stored.data;
      const links = entity.links ?? {};
      const ids = [
        links.developer,
        links.parent,
        links.family,
        ...(links.base ?? []).map((b) => b.id),
        ...(links.investors ?? []),
      ];
      const linked = new Map<string, EntityRef>();
      let family: EntityView['family'];
      for (const row of await db.entities.bulkGet(ids.filter((x): x is string => !!x))) {
        if (!row) continue;
        linked.set(row.id, refOf(row.data));
        if (row.id === links.family) family = { ...refOf(row.data), notes: row.data.notes };
      }
      const view: EntityView = {
        entity,
        developer: links.developer ? linked.get(links.developer) : undefined,
        parent: links.parent ? linked.get(links.parent) : undefined,
        family,
        base: (links.base ?? []).flatMap((b) => {
          const ref = linked.get(b.id);
          return ref ? [{ ...b, ...ref }] : [];
        }),
        investors: (links.investors ?? []).flatMap((i) => linked.get(i) ?? []),
        edited: stored.origin === 'user',
        asOf: await asOf(),
      };
      return view;
    },

    async search({ query, limit = 20 }) {
      await ready();
      const q = query.trim();
      if (!q) return [];
      fuse ??= new Fuse(await allEntities(), {
        keys: [
          { name: 'name.en', weight: 2 },
          { name: 'name.zh', weight: 2 },
          { name: 'name.zhHant', weight: 1.5 },
          { name: 'aliases.text', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.4,
      });
      return fuse.search(q, { limit }).map((hit) => ({ ...refOf(hit.item), score: hit.score ?? 1 }));
    },

    async listEntities({ offset = 0, limit = 100, entityType }) {
      await ready();
      const collection = entityType
        ? db.entities.where('type').equals(entityType)
        : db.entities.toCollection();
      const total = await collection.count();
      const rows: StoredEntity[] = await collection.offset(offset).limit(limit).toArray();
      return {
        total,
        items: rows.map((row) => ({
          ...refOf(row.data),
          noteCount: row.data.notes.length,
          edited: row.origin === 'user',
        })),
      };
    },

    async putEntity({ entity }) {
      await ready();
      await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(entity.id);
        await db.tombstones.delete(entity.id);
        await db.entities.put({
          id: entity.id,
          type: entity.type,
          data: entity,
          origin: 'user',
          revision: (current?.revision ?? 0) + 1,
          updatedAt: Date.now(),
        });
      });
      invalidate();
      return { id: entity.id };
    },

    async deleteEntity({ id }) {
      await ready();
      const deleted = await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(id);
        if (!current) return false;
        await db.entities.delete(id);
        if (bundled.entities.some((e) => e.id === id)) await db.tombstones.put({ id, deletedAt: Date.now() });
        return true;
      });
      invalidate();
      return { id, deleted };
    },

    async getMeta() {
      await ready();
      const meta = await db.meta.get('dataset');
      return {
        version: meta?.version ?? bundled.version,
        asOf: meta?.asOf ?? bundled.asOf,
        entityCount: await db.entities.count(),
      };
    },
  };
  return { handlers, ready };
}
