/**
 * The options page's editing model: an entity as plain form fields (empty string = absent), and
 * validation that maps every schema issue to the field it belongs to, so the form can show it
 * inline. Fields the form does not edit (summary, structured rounds...) are carried through as-is.
 */
import * as v from 'valibot';
import {
  EntitySchema,
  type Alias,
  type Entity,
  type EntityType,
  type Note,
  type NoteKind,
  type NoteStatus,
  type RelationKind,
  type Source,
} from '../schema';

export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  published: string;
  lang: string;
  via: string;
}

export interface NoteDraft {
  id: string;
  kind: NoteKind;
  status: NoteStatus;
  date: string;
  textEn: string;
  textZh: string;
  sources: SourceDraft[];
  /** Note fields the form does not edit (response, round, benchmark), kept unchanged. */
  rest: Partial<Note>;
}

export interface EntityDraft {
  id: string;
  type: EntityType;
  nameEn: string;
  nameZh: string;
  nameZhHant: string;
  zhUsesLatin: boolean;
  aliases: { text: string; lang: '' | 'en' | 'zh' | 'zh-Hant'; ambiguous: boolean; caseSensitive: boolean }[];
  developer: string;
  parent: string;
  family: string;
  investors: string;
  base: { id: string; relation: RelationKind; status: '' | NoteStatus }[];
  notes: NoteDraft[];
  /** Entity fields the form does not edit (summary, pretraining, decoys...), kept unchanged. */
  rest: Partial<Entity>;
}

const blank = (s: string | undefined) => s ?? '';
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** An empty source row. */
export function emptySource(): SourceDraft {
  return { url: '', title: '', publisher: '', published: '', lang: '', via: '' };
}

/** A new note with one empty source (every note needs one). */
export function emptyNote(id: string): NoteDraft {
  return {
    id,
    kind: 'provenance',
    status: 'reported',
    date: '',
    textEn: '',
    textZh: '',
    sources: [emptySource()],
    rest: {},
  };
}

/** A new entity. */
export function emptyDraft(): EntityDraft {
  return {
    id: '',
    type: 'model',
    nameEn: '',
    nameZh: '',
    nameZhHant: '',
    zhUsesLatin: false,
    aliases: [],
    developer: '',
    parent: '',
    family: '',
    investors: '',
    base: [],
    notes: [],
    rest: {},
  };
}

/** The form fields for an entity. */
export function toDraft(entity: Entity): EntityDraft {
  const { id, type, name, aliases, links, notes, ...rest } = entity;
  return {
    id,
    type,
    nameEn: name.en,
    nameZh: blank(name.zh),
    nameZhHant: blank(name.zhHant),
    zhUsesLatin: !!name.zhUsesLatin,
    aliases: aliases.map((a) => ({
      text: a.text,
      lang: a.lang ?? '',
      ambiguous: !!a.ambiguous,
      caseSensitive: !!a.caseSensitive,
    })),
    developer: blank(links?.developer),
    parent: blank(links?.parent),
    family: blank(links?.family),
    investors: (links?.investors ?? []).join(', '),
    base: (links?.base ?? []).map((b) => ({ id: b.id, relation: b.relation, status: b.status ?? '' })),
    notes: notes.map(({ id: noteId, kind, status, date, text, sources, ...noteRest }) => ({
      id: noteId,
      kind,
      status,
      date,
      textEn: text.en,
      textZh: blank(text.zh),
      sources: sources.map((s) => ({
        url: blank(s.url),
        title: s.title,
        publisher: s.publisher,
        published: blank(s.published),
        lang: blank(s.lang),
        via: blank(s.via),
      })),
      rest: noteRest,
    })),
    rest,
  };
}

/** The entity the form describes (not yet validated). */
export function fromDraft(draft: EntityDraft): Entity {
  const baseLinks = draft.base.map((b) => {
    const keep = draft.rest.links?.base?.find((x) => x.id === b.id && x.relation === b.relation);
    return {
      id: b.id.trim(),
      relation: b.relation,
      ...(b.status ? { status: b.status } : {}),
      ...(keep?.notes ? { notes: keep.notes } : {}),
    };
  });
  const investors = draft.investors
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const links = {
    ...(opt(draft.developer) ? { developer: opt(draft.developer) } : {}),
    ...(opt(draft.parent) ? { parent: opt(draft.parent) } : {}),
    ...(opt(draft.family) ? { family: opt(draft.family) } : {}),
    ...(baseLinks.length ? { base: baseLinks } : {}),
    ...(investors.length ? { investors } : {}),
  };
  const { links: _oldLinks, ...rest } = draft.rest;
  const entity = {
    ...rest,
    id: draft.id.trim(),
    type: draft.type,
    name: {
      en: draft.nameEn.trim(),
      ...(opt(draft.nameZh) ? { zh: opt(draft.nameZh) } : {}),
      ...(opt(draft.nameZhHant) ? { zhHant: opt(draft.nameZhHant) } : {}),
      ...(draft.zhUsesLatin ? { zhUsesLatin: true as const } : {}),
    },
    aliases: draft.aliases.map((a): Alias => ({
      text: a.text.trim(),
      ...(a.lang ? { lang: a.lang } : {}),
      ...(a.ambiguous ? { ambiguous: true } : {}),
      ...(a.caseSensitive ? { caseSensitive: true } : {}),
    })),
    ...(Object.keys(links).length ? { links } : {}),
    notes: draft.notes.map((n): Note => ({
      ...n.rest,
      id: n.id,
      kind: n.kind,
      status: n.status,
      date: n.date.trim(),
      text: { en: n.textEn.trim(), ...(opt(n.textZh) ? { zh: opt(n.textZh) } : {}) },
      sources: n.sources.map((s): Source => ({
        ...(opt(s.url) || !opt(s.via) ? { url: s.url.trim() } : {}),
        title: s.title.trim(),
        publisher: s.publisher.trim(),
        ...(opt(s.published) ? { published: opt(s.published) } : {}),
        ...(opt(s.lang) ? { lang: opt(s.lang) } : {}),
        ...(opt(s.via) ? { via: opt(s.via) } : {}),
      })),
    })),
  };
  return entity as Entity;
}

/** Field path → message: where each problem belongs in the form. */
export type FieldErrors = Record<string, string>;

/** Validates the form; on success returns the entity, else every problem keyed by field path. */
export function validateDraft(
  draft: EntityDraft,
): { ok: true; entity: Entity } | { ok: false; errors: FieldErrors } {
  const entity = fromDraft(draft);
  const result = v.safeParse(EntitySchema, entity);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.issues) {
      const path = v.getDotPath(issue) ?? 'entity';
      errors[path] ??= issue.message;
    }
  }
  if (!draft.nameZh.trim() && !draft.zhUsesLatin) {
    errors['name.zh'] ??= 'give the Chinese name, or tick that Chinese media use the Latin name';
  }
  return Object.keys(errors).length === 0 && result.success
    ? { ok: true, entity: result.output }
    : { ok: false, errors };
}

/** Moves server-side problems ("entities[x].links.developer: unknown entity") to their fields. */
export function serverErrors(message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const line of message.split('\n')) {
    const m = /^entities\[[^\]]+\]\.([^:]+): (.*)$/.exec(line);
    if (m) errors[m[1]!.replace(/\.(\d+)(?=\.|$)/g, '.$1')] ??= m[2]!;
  }
  return errors;
}
