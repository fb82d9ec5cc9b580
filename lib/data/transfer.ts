/**
 * The export file format and its validation. An export holds entries with their origin (bundled or
 * the user's) and the ids the user deleted, so importing it gives back the same state.
 */
import * as v from 'valibot';
import { EntitySchema, IdSchema, type Entity } from '../schema';
import { canonicalJson } from './canonical';

/** Largest import accepted, in characters of JSON (about the same in bytes for ASCII). */
export const MAX_IMPORT_CHARS = 20_000_000;

export const ExportFileSchema = v.strictObject({
  format: v.literal('assay-export'),
  formatVersion: v.literal(1),
  exportedAt: v.string(),
  datasetVersion: v.string(),
  scope: v.picklist(['all', 'changes']),
  entries: v.array(v.strictObject({ origin: v.picklist(['bundled', 'user']), entity: EntitySchema })),
  deleted: v.array(IdSchema),
});

export type ExportFile = v.InferOutput<typeof ExportFileSchema>;
export type ExportEntry = ExportFile['entries'][number];

/** Parses an import file; errors name the entry (index and id) and the field. */
export function parseImport(text: string): { ok: true; file: ExportFile } | { ok: false; errors: string[] } {
  if (text.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  if (text.length > MAX_IMPORT_CHARS) {
    return {
      ok: false,
      errors: [`The file is too large (${mb(text.length)} MB; the limit is ${mb(MAX_IMPORT_CHARS)} MB).`],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`The file is not valid JSON (it may be cut short): ${(error as Error).message}`],
    };
  }
  const result = v.safeParse(ExportFileSchema, json);
  if (!result.success) {
    const raw = json as { entries?: { entity?: { id?: unknown } }[] };
    return {
      ok: false,
      errors: result.issues.slice(0, 20).map((issue) => describe(issue, raw)),
    };
  }
  const ids = new Map<string, number>();
  const errors: string[] = [];
  result.output.entries.forEach(({ entity }, i) => {
    const first = ids.get(entity.id);
    if (first !== undefined)
      errors.push(`entry ${i + 1} ("${entity.id}"): id: the same id as entry ${first + 1}`);
    else ids.set(entity.id, i);
  });
  return errors.length ? { ok: false, errors } : { ok: true, file: result.output };
}

function describe(issue: v.BaseIssue<unknown>, raw: { entries?: { entity?: { id?: unknown } }[] }): string {
  const path = issue.path?.map((p) => p.key) ?? [];
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const index = path[1];
    const id = raw.entries?.[index]?.entity?.id;
    const field = path.slice(path[2] === 'entity' ? 3 : 2).join('.') || 'entry';
    return `entry ${index + 1}${typeof id === 'string' ? ` ("${id}")` : ''}: ${field}: ${issue.message}`;
  }
  return `${path.join('.') || 'file'}: ${issue.message}`;
}

function mb(chars: number): string {
  return (chars / 1_000_000).toFixed(1);
}

/** Builds an export file. */
export function buildExport(
  entries: ExportEntry[],
  deleted: string[],
  scope: ExportFile['scope'],
  datasetVersion: string,
  now = new Date(),
): ExportFile {
  return {
    format: 'assay-export',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    datasetVersion,
    scope,
    entries: [...entries].sort((a, b) => a.entity.id.localeCompare(b.entity.id)),
    deleted: [...deleted].sort(),
  };
}

/** True when two entities hold the same data (key order does not matter). */
export function sameEntity(a: Entity, b: Entity): boolean {
  // The native form first: a stored copy keeps its key order, so most comparisons end there.
  return a === b || JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}
