/**
 * The one message union between the background (which owns the database) and the content script,
 * popup and options pages. Every request is validated on receipt; replies are an envelope that
 * carries either the data or a readable error (with a code where a caller must react to it).
 */
import * as v from 'valibot';
import { ENTITY_TYPES, EntitySchema, IdSchema, NOTE_KINDS, describeIssues } from '../schema';
import type { BaseLink, Entity, EntityType, Note, NoteKind, Source } from '../schema';
import type { MatcherIndex } from '../match/matcher-index';
import type { SourceRating } from '../sources/registry';
import type { SearchHit } from '../data/search';
import { MAX_IMPORT_CHARS, type ExportEntry, type ExportFile } from '../data/transfer';
import { MAX_PACK_BYTES } from '../packs/format';
import type { Change } from '../packs/review';
import type { LayerRef } from '../packs/precedence';

const Revision = v.pipe(v.number(), v.integer(), v.minValue(0));
const PackId = IdSchema;
/** A pack file's text: the handler measures it in bytes and names the limit. */
const PackText = v.pipe(v.string(), v.maxLength(MAX_PACK_BYTES * 2));
/** Which reviewed version a decision is about (its signature): a newer one needs its own review. */
const PackVersionKey = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('getIndex') }),
  v.strictObject({ type: v.literal('getEntity'), id: IdSchema }),
  v.strictObject({ type: v.literal('getRefs'), ids: v.pipe(v.array(IdSchema), v.maxLength(1000)) }),
  v.strictObject({
    type: v.literal('search'),
    query: v.pipe(v.string(), v.maxLength(200)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  }),
  v.strictObject({
    type: v.literal('listEntities'),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    entityType: v.optional(v.picklist(ENTITY_TYPES)),
    noteKind: v.optional(v.picklist(NOTE_KINDS)),
    editedOnly: v.optional(v.boolean()),
    query: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  v.strictObject({
    type: v.literal('putEntity'),
    entity: EntitySchema,
    /** The revision the editor started from: a newer one in the database is a conflict. */
    baseRevision: v.optional(Revision),
  }),
  v.strictObject({ type: v.literal('deleteEntity'), id: IdSchema, baseRevision: v.optional(Revision) }),
  v.strictObject({
    type: v.literal('restoreEntity'),
    entry: v.strictObject({ origin: v.picklist(['bundled', 'user']), entity: EntitySchema }),
  }),
  v.strictObject({ type: v.literal('revertEntity'), id: IdSchema }),
  v.strictObject({ type: v.literal('exportData'), scope: v.picklist(['all', 'changes']) }),
  v.strictObject({
    type: v.literal('importData'),
    // Twice the import limit, so a file just over it gets the handler's clear message.
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS * 2)),
    mode: v.picklist(['merge', 'replace']),
  }),
  v.strictObject({ type: v.literal('getChangeSummary') }),
  v.strictObject({ type: v.literal('resetData') }),
  v.strictObject({ type: v.literal('getMeta') }),
  v.strictObject({ type: v.literal('listPacks') }),
  v.strictObject({
    type: v.literal('subscribePack'),
    /** Where the pack and its updates come from (https; http only on this machine)... */
    url: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    /** ...or the pack file's text, for a pack added from a file. */
    text: v.optional(PackText),
    /** The publisher's public key, base64, pinned for every later version. */
    publicKey: v.pipe(v.string(), v.maxLength(400)),
  }),
  v.strictObject({
    type: v.literal('checkPack'),
    id: PackId,
    /** A new version from a file instead of the subscription's address. */
    text: v.optional(PackText),
  }),
  v.strictObject({ type: v.literal('getPackReview'), id: PackId }),
  v.strictObject({
    type: v.literal('acceptPack'),
    id: PackId,
    key: PackVersionKey,
    entities: v.union([v.literal('all'), v.pipe(v.array(IdSchema), v.maxLength(100_000))]),
  }),
  v.strictObject({ type: v.literal('rejectPack'), id: PackId, key: PackVersionKey }),
  v.strictObject({ type: v.literal('removePack'), id: PackId }),
  v.strictObject({
    type: v.literal('setPackOptions'),
    id: PackId,
    enabled: v.optional(v.boolean()),
    /** The pack's new place in the reader's order (0: first, wins over the others). */
    position: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  }),
  v.strictObject({ type: v.literal('setPackSchedule'), enabled: v.boolean() }),
]);

/** Any request a client may send. */
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** A linked entity as the card shows it: id and names only. */
export interface EntityRef {
  id: string;
  name: { en: string; zh?: string };
  type: EntityType;
}

/** What the card needs about one entity, links resolved to names. */
export interface EntityView {
  entity: Entity;
  developer?: EntityRef;
  parent?: EntityRef;
  /** The model family, with its notes (which apply to every member). */
  family?: EntityRef & { notes: Note[] };
  base: (EntityRef & Omit<BaseLink, 'id'>)[];
  /**
   * For a company or lab: the models, families and products it develops (most documented first, at
   * most 5, and how many in all), and how many of their notes record a provenance dispute or a
   * benchmark caveat (scores that drop or were contaminated).
   */
  portfolio?: {
    count: number;
    top: EntityRef[];
    disputes: number;
    caveats: number;
    /** The model whose dispute (or else benchmark caveat) is the latest: the one to look at first. */
    notable?: EntityRef & { kind: 'provenance' | 'benchmark' };
  };
  /** Entities built on this one (their base links to it), most documented first, at most 8. */
  derivatives?: (EntityRef & { relation: BaseLink['relation'] })[];
  investors: EntityRef[];
  /** True when the user changed or created this entry (it then survives dataset upgrades). */
  edited: boolean;
  /**
   * True when the bundled dataset or a subscribed pack in use has this id (so a revert is
   * possible: to the pack's version when a pack has it, else to the bundled one).
   */
  bundled: boolean;
  /** The stored revision, for conflict detection when editing. */
  revision: number;
  asOf: string;
  /** How each source of the entity's and its family's notes rates, by `sourceKey`. */
  ratings: Record<string, SourceRating>;
}

export interface DatasetMeta {
  /** The bundled dataset's version and asOf. */
  version: string;
  asOf: string;
  entityCount: number;
  /** The packs in use (enabled, with accepted data), in the reader's order; absent when none. */
  packs?: { id: string; title: string; version: string; asOf: string }[];
  /** How long this worker took to write the bundled data into the database, when it did (ms). */
  seedMs?: number;
  /** Set when the database could not open: the reason, and Assay runs read-only on bundled data. */
  degraded?: string;
}

export interface EntityListPage {
  total: number;
  /** `pack`: the subscribed pack the entry comes from, when its version is a pack's. */
  items: (EntityRef & { noteCount: number; edited: boolean; pack?: string })[];
}

/** Why a pack or one of its versions was refused; the data stayed as it was. */
export type PackErrorReason =
  | 'address'
  | 'unreachable'
  | 'http'
  | 'oversized'
  | 'malformed'
  | 'schema'
  | 'signature'
  | 'key'
  | 'sources'
  | 'id'
  | 'older'
  | 'duplicate'
  | 'integrity';

/** One version of a pack as the options page lists it. */
export interface PackVersionView {
  title: string;
  publisher: string;
  version: string;
  asOf: string;
  licence: string;
  homepage?: string;
  entityCount: number;
  noteCount: number;
  fetchedAt: number;
}

/** A subscription as the options page lists it. */
export interface PackView {
  id: string;
  /** Undefined for a pack added from a file. */
  url?: string;
  fingerprint: string;
  order: number;
  enabled: boolean;
  /** The version in use; `partial` when the reader accepted only some of its changes. */
  accepted?: PackVersionView & { partial: boolean };
  /** A verified version awaiting review; `key` names it in acceptPack and rejectPack. */
  pending?: PackVersionView & { key: string; counts: Record<Change, number> };
  lastCheck?: number;
  nextCheck?: number;
  lastError?: { reason: PackErrorReason; message: string; at: number };
  /** Entries whose shown version is this pack's. */
  entitiesShown: number;
}

/** An entity that two or more layers supply differently, at least one of them a pack. */
export interface PackConflictView {
  id: string;
  name: string;
  winner: LayerRef;
  /** True when the winner is the reader's deletion. */
  deleted: boolean;
  layers: { layer: LayerRef; sameAsWinner: boolean }[];
}

export interface PacksOverview {
  packs: PackView[];
  conflicts: PackConflictView[];
  /** Whether subscriptions are checked daily. */
  scheduled: boolean;
  bundled: { version: string; asOf: string };
}

/** What a subscribe or a check gave: the subscription, or why nothing changed. */
export type PackOutcome =
  | { ok: true; pack: PackView; upToDate?: boolean }
  | { ok: false; reason: PackErrorReason; message: string; pack?: PackView };

/** One note of a review, with the sources it rests on. */
export interface NoteReviewView {
  id: string;
  change: Change;
  kind: NoteKind;
  date: string;
  text: { en: string; zh?: string };
  sources: Source[];
}

/** One entity of a review. */
export interface EntityReviewView {
  id: string;
  change: Change;
  name: string;
  type: EntityType;
  /** Fields other than notes that differ. */
  fields: string[];
  notes: NoteReviewView[];
}

/** What accepting a pack's pending version would change in that pack's data. */
export interface PackReviewView {
  id: string;
  key: string;
  title: string;
  fromVersion?: string;
  toVersion: string;
  counts: Record<Change, number>;
  entities: EntityReviewView[];
}

/** What a reset would discard. */
export interface ChangeSummary {
  edited: number;
  created: number;
  deleted: number;
}

/** Reply data per request type. */
export interface ResponseMap {
  getIndex: MatcherIndex;
  getEntity: EntityView | null;
  getRefs: EntityRef[];
  search: SearchHit[];
  listEntities: EntityListPage;
  putEntity: { id: string; revision: number };
  deleteEntity: { id: string; deleted: ExportEntry | null };
  restoreEntity: { id: string };
  revertEntity: { id: string };
  exportData: ExportFile;
  importData: { imported: number; deleted: number };
  getChangeSummary: ChangeSummary;
  resetData: ChangeSummary;
  getMeta: DatasetMeta;
  listPacks: PacksOverview;
  subscribePack: PackOutcome;
  checkPack: PackOutcome;
  getPackReview: PackReviewView;
  acceptPack: PackOutcome;
  rejectPack: PackView;
  removePack: { id: string };
  setPackOptions: PackOutcome;
  setPackSchedule: { scheduled: boolean };
}

/** Error codes a caller may need to act on. */
export type ErrorCode = 'malformed' | 'conflict' | 'invalid' | 'not-found' | 'unavailable' | 'failed';

/** The reply envelope. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; code: ErrorCode };

/** Validates an incoming message; returns the typed request or a readable error. */
export function parseRequest(
  message: unknown,
): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  return { ok: false, error: `Malformed message: ${describeIssues(result.issues).join('; ')}` };
}

export type { SearchHit };
