/**
 * The background's request handlers over the database. Caches (entity list, matcher index, search
 * index) are only an optimisation: they are rebuilt from the database whenever they are missing, so
 * a stopped and restarted service worker loses nothing.
 */
import type { Dataset, Entity, Note } from '../schema';
import { HostRegistry, sourceKey, type SourceRating } from '../sources/registry';
import type { MatcherIndex } from '../match/matcher-index';
import { buildMatcherIndex } from '../match/build-index';
import { HandlerError, type Handlers } from '../messages/router';
import type { ChangeSummary, EntityRef, EntityView } from '../messages/protocol';
import { checkIntegrity } from '../data/integrity';
import { normalizeKey } from '../text/fold';
import { datasetMetaOf, type AssayDb, type StoredEntity } from './db';
import { seedFromBundle } from './seed';
import { applyLayers, packLayers } from './layers';
import { createPackHandlers } from './packs-service';
import type { FetchLike } from '../packs/fetch';
import { bundledRegistry } from '../sources/bundled';
import { SearchIndex } from '../data/search';
import { buildExport, parseImport, sameEntity, type ExportEntry } from '../data/transfer';

function refOf(entity: Entity): EntityRef {
  return { id: entity.id, name: { en: entity.name.en, zh: entity.name.zh }, type: entity.type };
}

export interface ServiceOptions {
  /** Called after every write, e.g. to tell open pages and tabs that the data changed. */
  onChange?: () => void;
  now?: () => number;
  /**
   * Rates the sources a card shows (without one, every source is "unrated"); packs are checked
   * against it too (without one, against the bundled host registry).
   */
  registry?: HostRegistry;
  /** Downloads pack files; without one, subscribing by address fails as unreachable. */
  fetch?: FetchLike;
  /** Called after pack subscriptions or their schedule changed (the background's alarm). */
  onPacksChanged?: () => void;
  /** Limits of a pack download (tests lower them): bytes, and ms in all. */
  packLimits?: { maxBytes?: number; timeoutMs?: number };
}

const noNetwork: FetchLike = () => Promise.reject(new Error('no network in this context'));

/** How an export names a row's origin: a pack's version is not the reader's own either. */
const exportOrigin = (origin: StoredEntity['origin']): ExportEntry['origin'] =>
  origin === 'user' ? 'user' : 'bundled';

/** The rating of every source of these notes, responses included, by `sourceKey`. */
function rateSources(notes: readonly Note[], registry: HostRegistry): Record<string, SourceRating> {
  const ratings: Record<string, SourceRating> = {};
  for (const note of notes)
    for (const source of [...note.sources, ...(note.response?.sources ?? [])])
      ratings[sourceKey(source)] ??= registry.rate(source);
  return ratings;
}

/** Creates the handlers; `ready()` seeds on first use so any request works after a cold start. */
export function createService(
  db: AssayDb,
  bundled: Dataset,
  options: ServiceOptions = {},
): {
  handlers: Handlers;
  ready: () => Promise<void>;
  packs: { checkAll: () => Promise<void>; scheduleWanted: () => Promise<boolean> };
} {
  const now = options.now ?? Date.now;
  const registry = options.registry ?? new HostRegistry([]);
  const bundledById = new Map(bundled.entities.map((e) => [e.id, e]));
  // When the database cannot open (quota, corruption, a private profile), Assay keeps working from
  // the bundled data, read-only, and says so (getMeta.degraded); a restarted worker tries again.
  let degraded: string | undefined;
  let seeding: Promise<void> | undefined;
  // How long this worker's seeding took when it wrote the bundled data (install, upgrade).
  let seedMs: number | undefined;
  const ready = () =>
    (seeding ??= timed(() => seedFromBundle(db, bundled)).then(
      ({ result, ms }) => {
        if (result.changed) seedMs = ms;
      },
      (error: unknown) => {
        degraded = error instanceof Error ? error.message : String(error);
      },
    ));
  const writable = () => {
    if (degraded) {
      throw new HandlerError(
        `The database is unavailable (${degraded}). Assay is showing the bundled data; edits cannot be saved.`,
        'unavailable',
      );
    }
  };
  const bundledRows = (): StoredEntity[] =>
    bundled.entities.map((e) => ({
      id: e.id,
      type: e.type,
      data: e,
      origin: 'bundled',
      revision: 1,
      updatedAt: 0,
    }));

  let rows: StoredEntity[] | undefined;
  let byId: Map<string, StoredEntity> | undefined;
  let search: SearchIndex | undefined;
  let index: MatcherIndex | undefined;
  let derivedFrom: Map<string, StoredEntity['data'][]> | undefined;
  let developedBy: Map<string, StoredEntity['data'][]> | undefined;
  const changed = () => {
    packsInUse = undefined;
    derivedFrom = undefined;
    developedBy = undefined;
    rows = undefined;
    byId = undefined;
    search = undefined;
    index = undefined;
    options.onChange?.();
  };
  const allRows = async () => (rows ??= degraded ? bundledRows() : await db.entities.toArray());
  const rowById = async (id: string) => (byId ??= new Map((await allRows()).map((r) => [r.id, r]))).get(id);
  const allEntities = async () => (await allRows()).map((r) => r.data);
  /** A company's or lab's portfolio: what it develops, and the disputes and caveats noted on it. */
  const portfolioOf = async (id: string): Promise<EntityView['portfolio']> => {
    developedBy ??= groupBy(await allRows(), (data) => [data.links?.developer]);
    const made = developedBy.get(id) ?? [];
    if (made.length === 0) return undefined;
    const notes = made.flatMap((e) => e.notes.map((n) => ({ ...n, of: e })));
    const disputes = notes.filter(
      (n) => n.kind === 'provenance' && (n.status === 'disputed' || n.status === 'alleged'),
    );
    const caveats = notes.filter(
      (n) => n.benchmark?.outcome === 'drops' || n.benchmark?.outcome === 'contaminated',
    );
    const latest = (list: typeof notes) => [...list].sort((a, b) => b.date.localeCompare(a.date))[0];
    const notable = latest(disputes) ?? latest(caveats);
    return {
      count: made.length,
      top: [...made]
        .sort((a, b) => b.notes.length - a.notes.length || a.name.en.localeCompare(b.name.en))
        .slice(0, 5)
        .map(refOf),
      disputes: disputes.length,
      caveats: caveats.length,
      ...(notable && {
        notable: { ...refOf(notable.of), kind: notable.kind === 'provenance' ? 'provenance' : 'benchmark' },
      }),
    };
  };
  /** Per entity, the entities whose base links name it (for the lineage picture). */
  const derivativesOf = async (id: string) => {
    derivedFrom ??= groupBy(await allRows(), (data) => (data.links?.base ?? []).map((b) => b.id));
    return (derivedFrom.get(id) ?? [])
      .map((e) => ({
        ...refOf(e),
        relation: e.links!.base!.find((b) => b.id === id)!.relation,
        notes: e.notes.length,
      }))
      .sort((a, b) => b.notes - a.notes || a.name.en.localeCompare(b.name.en))
      .slice(0, 8)
      .map(({ notes: _, ...d }) => d);
  };
  const datasetMeta = async () => (degraded ? undefined : await datasetMetaOf(db));
  // The accepted data of the packs in use, first in precedence first (lib/store/layers).
  let packsInUse: ReturnType<typeof packLayers> | undefined;
  const lowerPacks = async () => (packsInUse ??= degraded ? [] : packLayers(await db.packs.toArray()));
  /**
   * Per id, the version the layers below the reader's edits supply (a pack's, else the bundled
   * one): what a revert goes back to, and what an import or undo is compared with.
   */
  const lowerVersions = async () => {
    const lower = new Map<string, { entity: Entity; origin: 'bundled' | 'pack'; packId?: string }>();
    for (const pack of await lowerPacks())
      for (const entity of pack.entities)
        if (!lower.has(entity.id)) lower.set(entity.id, { entity, origin: 'pack', packId: pack.id });
    for (const entity of bundled.entities)
      if (!lower.has(entity.id)) lower.set(entity.id, { entity, origin: 'bundled' });
    return lower;
  };
  const asOf = async () => (await datasetMeta())?.asOf ?? bundled.asOf;

  /**
   * Refuses a write whose entities link to unknown ids or share a name with another entity.
   * Deleting an entity others link to is allowed: the card skips links it cannot resolve.
   */
  const checkWouldBeConsistent = async (replacing: Map<string, Entity | null>) => {
    const next = new Map((await allEntities()).map((e) => [e.id, e]));
    for (const [id, entity] of replacing) {
      if (entity) next.set(id, entity);
      else next.delete(id);
    }
    const problems = checkIntegrity({
      schemaVersion: 1,
      version: 'check',
      asOf: bundled.asOf,
      entities: [...next.values()],
    }).filter(
      (p) =>
        !linksToDeletedBundled(p) &&
        [...replacing].some(
          ([id, entity]) =>
            entity && (p.startsWith(`entities[${id}]`) || p.endsWith(`is also a name of ${id}`)),
        ),
    );
    if (problems.length) throw new HandlerError(problems.slice(0, 10).join('\n'), 'invalid');
  };

  // A link to a bundled entity the user deleted is kept: reverting or resetting brings it back.
  const linksToDeletedBundled = (problem: string) => {
    const target = /unknown entity "([^"]+)"/.exec(problem)?.[1];
    return target !== undefined && bundledById.has(target);
  };

  /** The row fields for an entity that is not the reader's own if a lower layer has it as it is. */
  const originFor = (
    entity: Entity,
    lower: Awaited<ReturnType<typeof lowerVersions>>,
  ): Pick<StoredEntity, 'origin' | 'packId'> => {
    const original = lower.get(entity.id);
    if (!original || !sameEntity(original.entity, entity)) return { origin: 'user' };
    return original.packId ? { origin: 'pack', packId: original.packId } : { origin: original.origin };
  };

  const summary = async (): Promise<ChangeSummary> => {
    const user = (await allRows()).filter((r) => r.origin === 'user');
    // An edit of a pack's entry is an edit too: a reset brings the pack's version back.
    const lower = await lowerVersions();
    return {
      edited: user.filter((r) => lower.has(r.id)).length,
      created: user.filter((r) => !lower.has(r.id)).length,
      deleted: degraded ? 0 : await db.tombstones.count(),
    };
  };

  const { checkAll, scheduleWanted, ...packHandlers } = createPackHandlers({
    db,
    bundled,
    now,
    fetch: options.fetch ?? noNetwork,
    registry: options.registry ?? bundledRegistry(),
    ready,
    writable,
    degraded: () => degraded !== undefined,
    changed,
    ...(options.onPacksChanged && { onPacksChanged: options.onPacksChanged }),
    ...options.packLimits,
  });

  const handlers: Handlers = {
    async getIndex() {
      await ready();
      index ??= buildMatcherIndex(await allEntities(), await asOf());
      return index;
    },

    async getEntity({ id }) {
      await ready();
      const stored = await rowById(id);
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
      for (const row of await Promise.all(ids.filter((x): x is string => !!x).map(rowById))) {
        if (!row) continue;
        linked.set(row.id, refOf(row.data));
        if (row.id === links.family) family = { ...refOf(row.data), notes: row.data.notes };
      }
      return {
        entity,
        developer: links.developer ? linked.get(links.developer) : undefined,
        parent: links.parent ? linked.get(links.parent) : undefined,
        family,
        base: (links.base ?? []).flatMap((b) => {
          const ref = linked.get(b.id);
          return ref ? [{ ...b, ...ref }] : [];
        }),
        investors: (links.investors ?? []).flatMap((i) => linked.get(i) ?? []),
        derivatives: await derivativesOf(id),
        ...(entity.type === 'company' || entity.type === 'lab' ? { portfolio: await portfolioOf(id) } : {}),
        edited: stored.origin === 'user',
        // "Revert" goes back to a lower layer's version: the bundled one or a subscribed pack's.
        bundled: bundledById.has(id) || (await lowerPacks()).some((p) => p.entities.some((e) => e.id === id)),
        revision: stored.revision,
        asOf: await asOf(),
        ratings: rateSources([...entity.notes, ...(family?.notes ?? [])], registry),
      };
    },

    async getRefs({ ids }) {
      await ready();
      return (await Promise.all(ids.map(rowById))).flatMap((row) => (row ? [refOf(row.data)] : []));
    },

    async search({ query, limit = 20 }) {
      await ready();
      search ??= new SearchIndex(await allEntities());
      return search.search(query, limit);
    },

    async listEntities({ offset = 0, limit = 100, entityType, noteKind, editedOnly, query }) {
      await ready();
      const q = query ? normalizeKey(query) : '';
      const matches = (r: StoredEntity) =>
        (!entityType || r.type === entityType) &&
        (!noteKind || r.data.notes.some((n) => n.kind === noteKind)) &&
        (!editedOnly || r.origin === 'user') &&
        (!q ||
          r.id.includes(q) ||
          [r.data.name.en, r.data.name.zh, r.data.name.zhHant, ...r.data.aliases.map((a) => a.text)].some(
            (n) => !!n && normalizeKey(n).includes(q),
          ));
      const filtered = (await allRows())
        .filter(matches)
        .sort((a, b) => a.data.name.en.localeCompare(b.data.name.en, 'en', { sensitivity: 'base' }));
      return {
        total: filtered.length,
        items: filtered.slice(offset, offset + limit).map((row) => ({
          ...refOf(row.data),
          noteCount: row.data.notes.length,
          edited: row.origin === 'user',
          ...(row.origin === 'pack' && row.packId && { pack: row.packId }),
        })),
      };
    },

    async putEntity({ entity, baseRevision }) {
      await ready();
      writable();
      await checkWouldBeConsistent(new Map([[entity.id, entity]]));
      const revision = await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(entity.id);
        if (baseRevision !== undefined && (current?.revision ?? 0) !== baseRevision) {
          throw new HandlerError(
            `"${entity.name.en}" was changed elsewhere while you edited it (another tab or an import). ` +
              'Reload it to see that version; your edit was not saved.',
            'conflict',
          );
        }
        const next = (current?.revision ?? 0) + 1;
        await db.tombstones.delete(entity.id);
        await db.entities.put({
          id: entity.id,
          type: entity.type,
          data: entity,
          origin: 'user',
          revision: next,
          updatedAt: now(),
        });
        return next;
      });
      changed();
      return { id: entity.id, revision };
    },

    async deleteEntity({ id, baseRevision }) {
      await ready();
      writable();
      const lower = await lowerVersions();
      const removed = await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(id);
        if (!current) return null;
        if (baseRevision !== undefined && current.revision !== baseRevision) {
          throw new HandlerError(
            `"${current.data.name.en}" was changed elsewhere; reload before deleting.`,
            'conflict',
          );
        }
        await db.entities.delete(id);
        // A tombstone keeps a lower layer (bundled data, a pack) from bringing the entity back.
        if (lower.has(id)) await db.tombstones.put({ id, deletedAt: now() });
        const entry: ExportEntry = { origin: exportOrigin(current.origin), entity: current.data };
        return entry;
      });
      changed();
      return { id, deleted: removed };
    },

    async restoreEntity({ entry }) {
      await ready();
      writable();
      await checkWouldBeConsistent(new Map([[entry.entity.id, entry.entity]]));
      const lower = await lowerVersions();
      await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(entry.entity.id);
        await db.tombstones.delete(entry.entity.id);
        await db.entities.put({
          id: entry.entity.id,
          type: entry.entity.type,
          data: entry.entity,
          ...(entry.origin === 'bundled' ? originFor(entry.entity, lower) : { origin: 'user' as const }),
          revision: (current?.revision ?? 0) + 1,
          updatedAt: now(),
        });
      });
      changed();
      return { id: entry.entity.id };
    },

    async revertEntity({ id }) {
      await ready();
      writable();
      // Back to what the layers below the reader's edits supply: a subscribed pack's version, else
      // the bundled one.
      const lower = (await lowerVersions()).get(id);
      if (!lower)
        throw new HandlerError(`"${id}" is not in the bundled dataset: nothing to revert to.`, 'not-found');
      const original = lower.entity;
      await db.transaction('rw', db.entities, db.tombstones, async () => {
        const current = await db.entities.get(id);
        await db.tombstones.delete(id);
        await db.entities.put({
          id,
          type: original.type,
          data: original,
          origin: lower.origin,
          ...(lower.packId && { packId: lower.packId }),
          revision: (current?.revision ?? 0) + 1,
          updatedAt: now(),
        });
      });
      changed();
      return { id };
    },

    async exportData({ scope }) {
      await ready();
      const entries = (await allRows())
        .filter((r) => scope === 'all' || r.origin === 'user')
        .map((r): ExportEntry => ({ origin: exportOrigin(r.origin), entity: r.data }));
      const deleted = degraded ? [] : ((await db.tombstones.toCollection().primaryKeys()) as string[]);
      const meta = await datasetMeta();
      return buildExport(entries, deleted, scope, meta?.version ?? bundled.version, new Date(now()));
    },

    async importData({ text, mode }) {
      await ready();
      writable();
      const parsed = parseImport(text);
      if (!parsed.ok) throw new HandlerError(parsed.errors.join('\n'), 'invalid');
      const { file } = parsed;
      // Check the whole result before writing anything: links must resolve, names stay unique.
      const next = new Map<string, Entity | null>();
      if (mode === 'replace') for (const row of await allRows()) next.set(row.id, null);
      for (const id of file.deleted) next.set(id, null);
      for (const { entity } of file.entries) next.set(entity.id, entity);
      await checkWouldBeConsistent(next);
      const lower = await lowerVersions();
      await db.transaction('rw', db.entities, db.tombstones, async () => {
        if (mode === 'replace') {
          await db.entities.clear();
          await db.tombstones.clear();
        }
        const revisions = new Map(
          (await db.entities.bulkGet(file.entries.map((e) => e.entity.id))).map((r) => [
            r?.id,
            r?.revision ?? 0,
          ]),
        );
        await db.entities.bulkDelete(file.deleted);
        await db.tombstones.bulkPut(
          file.deleted.filter((id) => bundledById.has(id)).map((id) => ({ id, deletedAt: now() })),
        );
        await db.tombstones.bulkDelete(file.entries.map((e) => e.entity.id));
        await db.entities.bulkPut(
          file.entries.map(({ origin, entity }) => ({
            id: entity.id,
            type: entity.type,
            data: entity,
            // Not the user's only if it really is a lower layer's version; anything else is theirs.
            ...(origin === 'bundled' ? originFor(entity, lower) : { origin: 'user' as const }),
            revision: (revisions.get(entity.id) ?? 0) + 1,
            updatedAt: now(),
          })),
        );
        if (mode === 'replace') {
          // Bundled and pack entries the file leaves out were deleted by whoever exported it.
          const present = new Set(file.entries.map((e) => e.entity.id));
          const missing = [...lower.keys()]
            .filter((id) => !present.has(id))
            .map((id) => ({ id, deletedAt: now() }));
          await db.tombstones.bulkPut(missing);
        }
      });
      changed();
      return { imported: file.entries.length, deleted: file.deleted.length };
    },

    async getChangeSummary() {
      await ready();
      return summary();
    },

    async resetData() {
      await ready();
      writable();
      const lost = await summary();
      await db.transaction('rw', db.entities, db.tombstones, db.meta, async () => {
        await db.entities.clear();
        await db.tombstones.clear();
        await db.meta.delete('dataset');
      });
      await seedFromBundle(db, bundled);
      // Subscriptions stay: their accepted data comes back above the bundled data.
      await applyLayers(db, bundled, now(), { tolerateDanglingLinks: true });
      changed();
      return lost;
    },

    async getMeta() {
      await ready();
      const meta = await datasetMeta();
      const packs = degraded
        ? []
        : (await db.packs.orderBy('order').toArray())
            .filter((p) => p.enabled && p.accepted)
            .map((p) => ({
              id: p.id,
              title: p.accepted!.meta.title,
              version: p.accepted!.meta.version,
              asOf: p.accepted!.meta.asOf,
            }));
      return {
        version: meta?.version ?? bundled.version,
        asOf: meta?.asOf ?? bundled.asOf,
        entityCount: (await allRows()).length,
        ...(packs.length ? { packs } : {}),
        ...(seedMs !== undefined ? { seedMs: Math.round(seedMs) } : {}),
        ...(degraded ? { degraded } : {}),
      };
    },
    ...packHandlers,
  };
  return { handlers, ready, packs: { checkAll, scheduleWanted } };
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

/** Entities grouped under each id `keysOf` gives for them (the reverse of a link). */
function groupBy(
  rows: readonly StoredEntity[],
  keysOf: (data: StoredEntity['data']) => (string | undefined)[],
): Map<string, StoredEntity['data'][]> {
  const groups = new Map<string, StoredEntity['data'][]>();
  for (const { data } of rows)
    for (const key of keysOf(data)) {
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(data);
      else groups.set(key, [data]);
    }
  return groups;
}
