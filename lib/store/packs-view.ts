/**
 * How the options page sees a subscription and a version awaiting review: plain views built from
 * the stored rows, without the datasets themselves.
 */
import type { Dataset } from '../schema';
import type { EntityReviewView, PackErrorReason, PackVersionView, PackView } from '../messages/protocol';
import { diffDatasets, type EntityChange } from '../packs/review';
import type { PackVersion, StoredPack } from './db';

/** The pack's data in use, or an empty dataset before the first acceptance. */
export function acceptedData(row: StoredPack): Dataset {
  if (row.accepted) return row.accepted.dataset;
  const asOf = row.pending?.meta.asOf ?? '2000';
  return { schemaVersion: 1, version: 'none', asOf, entities: [] };
}

/** A subscription as the options page lists it, with how many entries show its version. */
export function toView(row: StoredPack, entitiesShown: number): PackView {
  return {
    id: row.id,
    ...(row.url !== undefined && { url: row.url }),
    fingerprint: row.fingerprint,
    order: row.order,
    enabled: row.enabled,
    ...(row.accepted && { accepted: { ...versionView(row.accepted), partial: row.accepted.partial } }),
    ...(row.pending && {
      pending: {
        ...versionView(row.pending),
        key: row.pending.signature,
        counts: diffDatasets(acceptedData(row), row.pending.dataset).counts,
      },
    }),
    ...(row.lastCheck !== undefined && { lastCheck: row.lastCheck }),
    ...(row.nextCheck !== undefined && { nextCheck: row.nextCheck }),
    ...(row.lastError && {
      lastError: { ...row.lastError, reason: row.lastError.reason as PackErrorReason },
    }),
    entitiesShown,
  };
}

/** One entity's changes in a review; a note shows as it reads after the change (before, if removed). */
export function entityReviewView(entity: EntityChange): EntityReviewView {
  return {
    id: entity.id,
    change: entity.change,
    name: entity.name,
    type: entity.type,
    fields: entity.fields,
    notes: entity.notes.map((n) => {
      const note = (n.after ?? n.before)!;
      return {
        id: n.id,
        change: n.change,
        kind: n.kind,
        date: note.date,
        text: { en: note.text.en, ...(note.text.zh && { zh: note.text.zh }) },
        sources: n.sources,
      };
    }),
  };
}

function versionView(version: PackVersion): PackVersionView {
  const { meta, dataset } = version;
  return {
    title: meta.title,
    publisher: meta.publisher,
    version: meta.version,
    asOf: meta.asOf,
    licence: meta.licence,
    ...(meta.homepage && { homepage: meta.homepage }),
    entityCount: dataset.entities.length,
    noteCount: dataset.entities.reduce((n, e) => n + e.notes.length, 0),
    fetchedAt: version.fetchedAt,
  };
}
