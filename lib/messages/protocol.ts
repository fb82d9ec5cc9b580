/**
 * The one message union between the background (which owns the database) and the content script,
 * popup and options pages. Every request is validated on receipt; replies are an envelope that
 * carries either the data or a readable error.
 */
import * as v from 'valibot';
import { ENTITY_TYPES, EntitySchema, IdSchema, describeIssues } from '../schema';
import type { BaseLink, Entity, EntityType, Note } from '../schema';
import type { MatcherIndex } from '../match/matcher-index';

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('getIndex') }),
  v.strictObject({ type: v.literal('getEntity'), id: IdSchema }),
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
  }),
  v.strictObject({ type: v.literal('putEntity'), entity: EntitySchema }),
  v.strictObject({ type: v.literal('deleteEntity'), id: IdSchema }),
  v.strictObject({ type: v.literal('getMeta') }),
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
  investors: EntityRef[];
  /** True when the user changed this entry (it then survives dataset upgrades). */
  edited: boolean;
  asOf: string;
}

export interface DatasetMeta {
  version: string;
  asOf: string;
  entityCount: number;
}

export interface SearchHit extends EntityRef {
  score: number;
}

export interface EntityListPage {
  total: number;
  items: (EntityRef & { noteCount: number; edited: boolean })[];
}

/** Reply data per request type. */
export interface ResponseMap {
  getIndex: MatcherIndex;
  getEntity: EntityView | null;
  search: SearchHit[];
  listEntities: EntityListPage;
  putEntity: { id: string };
  deleteEntity: { id: string; deleted: boolean };
  getMeta: DatasetMeta;
}

/** The reply envelope. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Validates an incoming message; returns the typed request or a readable error. */
export function parseRequest(
  message: unknown,
): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  return { ok: false, error: `Malformed message: ${describeIssues(result.issues).join('; ')}` };
}
