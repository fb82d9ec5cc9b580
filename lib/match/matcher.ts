/**
 * Finds mentions of known names in a block of text, in two tiers. Exact: an Aho–Corasick automaton
 * over normalised aliases (case, width, Traditional/Simplified, separators), filtered by word
 * boundaries, letter case and, for ambiguous aliases, AI context. Fuzzy: model-shaped tokens that
 * exact matching missed or only partly covered. The result is leftmost-longest and never overlaps.
 */
import { foldWidth, isLetterCode, isWordCode, normalize, normalizeKey, type Normalized } from '../text/fold';
import { Automaton } from './automaton';
import { hasAiCue, hasModelSuffix } from './context';
import { FuzzyLinker, modelTokens } from './fuzzy';

/** One alias as the matcher index carries it. */
export interface AliasRecord {
  text: string;
  entityId: string;
  caseSensitive?: boolean;
  ambiguous?: boolean;
}

/** A mention of an entity in a text, as UTF-16 offsets into that text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  /** The alias that matched, as the dataset spells it. */
  alias: string;
  match: 'exact' | 'fuzzy';
  /** Confidence in (0, 1]: 1 for an exact match. */
  score: number;
}

/** What a block's scan found, and whether ambiguous names in it await page-level context. */
export interface FindResult {
  mentions: Mention[];
  /** Entities of ambiguous names that were left out for want of context in this block. */
  deferred: string[];
}

/** Confidence given to a name matched with a separator the alias does not have ("Open AI"). */
const SPLIT_SCORE = 0.95;

interface KeyInfo {
  records: AliasRecord[];
  /** Offsets in the key before which some spelling of the alias has a separator. */
  separators: Set<number>;
}

interface Candidate extends Mention {
  ambiguous: boolean;
}

export class AliasMatcher {
  private readonly automaton: Automaton;
  private readonly keys: KeyInfo[] = [];
  private readonly fuzzy: FuzzyLinker;
  private readonly related: ReadonlyMap<string, readonly string[]>;

  /**
   * Compiles the aliases. `related` lists, per entity, the entities whose unambiguous mention on the
   * same page is context enough for its ambiguous names (developer, family, models of a company).
   */
  constructor(aliases: readonly AliasRecord[], related: Record<string, readonly string[]> = {}) {
    const keyIndex = new Map<string, number>();
    for (const record of aliases) {
      const key = normalizeKey(record.text);
      if (!key) continue;
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = this.keys.length;
        keyIndex.set(key, index);
        this.keys.push({ records: [], separators: new Set() });
      }
      const info = this.keys[index]!;
      info.records.push(record);
      const norm = normalize(record.text);
      for (let k = 1; k < norm.length; k++)
        if (norm.origin[k]! - norm.origin[k - 1]! > 1) info.separators.add(k);
    }
    // Case-sensitive spellings first, so an exact-case form wins over a folded one.
    for (const info of this.keys)
      info.records.sort((a, b) => Number(!!b.caseSensitive) - Number(!!a.caseSensitive));
    this.automaton = new Automaton([...keyIndex.keys()]);
    this.fuzzy = new FuzzyLinker(aliases);
    this.related = new Map(Object.entries(related));
  }

  /** Mentions in `text`; `pageEntities` (entities named unambiguously elsewhere) can vouch for ambiguous names. */
  find(text: string, pageEntities?: ReadonlySet<string>): FindResult {
    const norm = normalize(text);
    const exact: Candidate[] = [];
    for (const hit of this.automaton.scan(norm)) {
      const candidate = this.exactCandidate(text, norm, hit.start, hit.end, this.keys[hit.key]!);
      if (candidate) exact.push(candidate);
    }
    const selected = selectLeftmostLongest(exact);
    const withFuzzy = this.addFuzzy(text, selected);

    // An ambiguous name ("Gemini", "A100") counts only with AI context: a cue word or an
    // unambiguous name in the block, a version suffix, or a related entity named on the page.
    const mentions: Mention[] = [];
    const deferred: string[] = [];
    const blockContext = withFuzzy.some((m) => !m.ambiguous) || hasAiCue(text);
    for (const m of withFuzzy) {
      const { ambiguous, ...mention } = m;
      if (
        !ambiguous ||
        blockContext ||
        m.match === 'fuzzy' ||
        hasModelSuffix(text, m.end) ||
        this.vouched(m.entityId, pageEntities)
      ) {
        mentions.push(mention);
      } else {
        deferred.push(m.entityId);
      }
    }
    return { mentions, deferred };
  }

  private vouched(entityId: string, pageEntities: ReadonlySet<string> | undefined): boolean {
    if (!pageEntities || pageEntities.size === 0) return false;
    if (pageEntities.has(entityId)) return true;
    return (this.related.get(entityId) ?? []).some((id) => pageEntities.has(id));
  }

  private exactCandidate(
    text: string,
    norm: Normalized,
    ns: number,
    ne: number,
    info: KeyInfo,
  ): Candidate | null {
    const start = norm.origin[ns]!;
    let end = norm.origin[ne - 1]! + 1;
    end = endAtWordBoundary(text, start, end);
    if (end < 0) return null;
    // A separator in the text where no spelling of the alias has one is allowed only between two
    // letters ("Open AI", "Deep Seek"); "A 100" is not "A100".
    let split = false;
    for (let k = ns + 1; k < ne; k++) {
      if (norm.origin[k]! - norm.origin[k - 1]! > 1 && !info.separators.has(k - ns)) {
        if (
          !isLetterCode(text.charCodeAt(norm.origin[k - 1]!)) ||
          !isLetterCode(text.charCodeAt(norm.origin[k]!))
        )
          return null;
        split = true;
      }
    }
    const surface = stripSeparators(foldWidth(text.slice(start, norm.origin[ne - 1]! + 1)));
    for (const record of info.records) {
      if (record.caseSensitive && surface !== stripSeparators(foldWidth(record.text.trim()))) continue;
      return {
        start,
        end,
        entityId: record.entityId,
        alias: record.text,
        match: split ? 'fuzzy' : 'exact',
        score: split ? SPLIT_SCORE : 1,
        ambiguous: !!record.ambiguous,
      };
    }
    return null;
  }

  /** Adds fuzzy links for model-shaped tokens that exact mentions miss or cover only in part. */
  private addFuzzy(text: string, exact: Candidate[]): Candidate[] {
    const tokens = modelTokens(text);
    if (tokens.length === 0) return exact;
    const out: Candidate[] = [];
    let i = 0;
    for (const token of tokens) {
      while (i < exact.length && exact[i]!.end <= token.start) out.push(exact[i++]!);
      const inside: Candidate[] = [];
      let j = i;
      while (j < exact.length && exact[j]!.start < token.end) inside.push(exact[j++]!);
      const covered = inside.length === 1 && inside[0]!.start === token.start && inside[0]!.end >= token.end;
      const startsAtToken =
        inside.length === 0 || (inside[0]!.start === token.start && inside.every((m) => m.end <= token.end));
      if (covered || !startsAtToken) continue; // leave exact results as they are
      const link = this.fuzzy.link(text.slice(token.start, token.end));
      if (!link) continue;
      out.push({
        start: token.start,
        end: token.end,
        entityId: link.record.entityId,
        alias: link.record.text,
        match: 'fuzzy',
        score: Math.round(link.score * 1000) / 1000,
        ambiguous: !!link.record.ambiguous,
      });
      i = j; // the fuzzy mention replaces the exact ones inside the token
    }
    while (i < exact.length) out.push(exact[i++]!);
    return out;
  }
}

function stripSeparators(text: string): string {
  return text.replace(/[\s\-_\u00b7\u30fb\u2010-\u2013]/g, '');
}

/**
 * Where a hit ends once boundaries are checked, or -1 when it sits inside a word. A Latin edge may
 * not touch a Latin letter or digit; CJK edges need none. A name ending in a digit may take a plural
 * "s" ("A100s"), which is then part of the mention.
 */
function endAtWordBoundary(text: string, start: number, end: number): number {
  if (isWordCode(text.charCodeAt(start)) && start > 0 && isWordCode(text.charCodeAt(start - 1))) return -1;
  const last = text.charCodeAt(end - 1);
  if (!isWordCode(last) || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const isDigit = last >= 0x30 && last <= 0x39;
  const plural = text.charCodeAt(end) === 0x73; // "s"
  if (isDigit && plural && (end + 1 >= text.length || !isWordCode(text.charCodeAt(end + 1)))) return end + 1;
  return -1;
}

function selectLeftmostLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    out.push(c);
    covered = c.end;
  }
  return out;
}
