/**
 * Shelf lives: how long a line stays current before the card should say "may be out of date (as of
 * …)". Dated events ("in January 2024 Zhipu claimed …") stay true, so only lines that describe a
 * state that moves get short lives: valuations and rounds, export rules, leaderboard positions.
 */
import { isPartialDate, type Facts, type Note, type NoteKind } from '../schema';

/** What a note is about, where its kind alone would give the wrong shelf life. */
export type StalenessTopic = NoteKind | 'export-rule' | 'leaderboard';

/** Months a line stays current, per topic. */
export const SHELF_LIFE_MONTHS: Readonly<Record<StalenessTopic, number>> = {
  // Who built what on what rarely changes; a new finding or answer may still come.
  provenance: 60,
  // A valuation or round is overtaken by the next one, often within a year.
  funding: 12,
  // Claimed scores and robustness findings are dated results; newer studies may supersede them.
  benchmark: 24,
  // Cluster sizes, costs and hardware estimates.
  compute: 24,
  // US export rules for chips have changed several times a year since 2022.
  'export-rule': 6,
  // A leaderboard position lasts until the next strong release.
  leaderboard: 6,
};

// Compute notes on export rules and benchmark notes on rankings; the schema has no field for them,
// so their own words decide (English and Chinese).
const EXPORT_RULE = /export|entity list|licen[cs]e requirement|出口|实体清单|许可证/i;
const LEADERBOARD = /leaderboard|\barena\b|\branked\b|\branking\b|\bNo\. ?\d|排行|榜单|排名/i;

/** The topic that sets a note's shelf life. */
export function stalenessTopic(note: Note): StalenessTopic {
  const words = `${note.text.en}\n${note.text.zh ?? ''}`;
  if (note.kind === 'compute' && EXPORT_RULE.test(words)) return 'export-rule';
  if (note.kind === 'benchmark' && LEADERBOARD.test(words)) return 'leaderboard';
  return note.kind;
}

export interface Staleness {
  stale: boolean;
  /** The date the line speaks for (the note's date, the facts' latest source date). */
  asOf: string | undefined;
  shelfLifeMonths: number;
  /** Last day the line counts as current (YYYY-MM-DD), when asOf is known. */
  until: string | undefined;
}

/**
 * Whether a note is past its shelf life at `now` (a Date or a YYYY[-MM[-DD]] date such as a
 * dataset's asOf). A partial date counts from the end of its period, so "2024" is not stale sooner
 * than "2024-12-31" would be.
 */
export function isStale(note: Note, now: Date | string): Staleness {
  return judge(note.date, SHELF_LIFE_MONTHS[stalenessTopic(note)], now);
}

/**
 * Whether a chip's export status (facts.exportControl) may be out of date, counted from the latest
 * dated source of the facts; undefined when there is no export status. Without any dated source
 * the status counts as stale: export rules move too fast to trust an undated one.
 */
export function isExportStatusStale(facts: Facts | undefined, now: Date | string): Staleness | undefined {
  if (!facts?.exportControl) return undefined;
  const months = SHELF_LIFE_MONTHS['export-rule'];
  const dates = facts.sources.map((s) => s.published).filter((d): d is string => d !== undefined);
  if (!dates.length) return { stale: true, asOf: undefined, shelfLifeMonths: months, until: undefined };
  const latest = dates.reduce((a, b) => (periodEnd(a) >= periodEnd(b) ? a : b));
  return judge(latest, months, now);
}

function judge(asOf: string, months: number, now: Date | string): Staleness {
  const until = addMonths(periodEnd(asOf), months);
  return { stale: day(now) > until, asOf, shelfLifeMonths: months, until };
}

/** The last day of a partial date's period, YYYY-MM-DD. */
function periodEnd(date: string): string {
  if (!isPartialDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return date;
  const month = m ?? 12;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${pad(month)}-${pad(last)}`;
}

/** A day plus some months, clamped to the month's end (2024-08-31 + 6 → 2025-02-28). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** A Date (its UTC day) or a partial date (its period's start: the earliest "now" it can mean). */
function day(now: Date | string): string {
  if (typeof now !== 'string') return now.toISOString().slice(0, 10);
  if (!isPartialDate(now)) throw new RangeError(`not a date: ${now}`);
  const [y, m, d] = now.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
