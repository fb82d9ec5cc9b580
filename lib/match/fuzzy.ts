/**
 * Fuzzy linking for what exact matching misses: model-name-shaped tokens ("Qwen1.5-72B-Chat",
 * "Llama-2-13b-hf") link to the most specific known name they start with; a misspelt name part
 * ("Mixtrall-8x7B") is first corrected to the nearest known name by edit distance. Numbers are
 * never corrected: "GPT-45" is not GPT-4.
 */
import { isLetterCode, keyOf, normalize, normalizeKey, type Normalized } from '../text/fold';
import { fitsKeptCase, keptForm } from './kept-case';
import type { AliasRecord } from './types';

/** The known names, as the fuzzy tier looks them up. */
export interface NameTable {
  /** The alias a normalised key names (decoys excluded), if any. */
  get(key: string): AliasRecord | undefined;
  /** Letter-only keys of four or more letters, which a misspelt name part may be corrected to. */
  correctable: readonly string[];
}

/** A token linked to an entity, with a confidence in (0, 1]. */
export interface FuzzyLink {
  record: AliasRecord;
  score: number;
}

/**
 * Share of edits in a misspelt part (0 = identical) above which a correction is refused. Measured with
 * scripts/tune-fuzzy.ts on tests/fixtures/fuzzy-tokens.json (25 names, 39 look-alikes):
 * 0.15 → P 1.00 R 0.84; 0.20 → P 1.00 R 0.96; 0.25 → P 1.00 R 1.00; 0.35 → P 0.96 R 1.00
 * ("Boeing" becomes "Bing"). The news fixtures do not move between 0 and 0.5.
 */
export const FUSE_THRESHOLD = 0.25;

/** Edition words that follow a spaced version inside a model name ("Gemini 1.5 Pro", "Grok 3 mini"). */
const EDITIONS =
  'Pro|Ultra|Flash|Nano|Turbo|Chat|Instruct|Base|Mini|Max|Plus|Lite|Large|Medium|Small|Sonnet|Opus|Haiku|Preview|Vision|Coder'
    .split('|')
    .map((w) => `[${w[0]}${w[0]!.toLowerCase()}]${w.slice(1)}`)
    .join('|');

/**
 * A name-shaped run: a letter, then letters/digits joined by - _ . and optionally a spaced version
 * ("ERNIE-Bot 4.0", "Mixtral 8x7B") and size ("Llama 3.1 70B"). A spaced version is short ("1.5",
 * "4.0", "70B"), so "GPT-4 2023" stays apart; edition words after it ("Gemini 1.5 Pro", "Qwen
 * 2.5-Max") or before it ("Claude Opus 5") belong to the token. Only runs with a digit count. Its
 * edges are Latin ones: Chinese text runs straight into names ("大模型Baichuan-M2和").
 */
const VERSION = String.raw`(?:\d{1,2}x\d{1,3}[Bb]|\d{3}[A-Z]|v?\d{1,2}(?:\.\d+)*(?:\.x)?[A-Za-z]?)`;
/** A checkpoint's size after a spaced version ("Llama 3.1 70B", "Qwen 2.5 72B"). */
const SIZE = String.raw`(?: \d{1,4}(?:\.\d+)?[BbMm])?`;
export const MODEL_TOKEN = new RegExp(
  String.raw`(?<![A-Za-z0-9\u00c0-\u024f])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:(?: (?:${EDITIONS}))+ ${VERSION}${SIZE}|(?: ${VERSION}${SIZE})?(?:[- ](?:${EDITIONS}))*)(?![A-Za-z0-9\u00c0-\u024f])`,
  'gu',
);
/** Edition words and then a spaced version, at a position ("Opus 5" in "Claude Opus 5"). */
const EDITIONS_THEN_VERSION = new RegExp(String.raw`(?:${EDITIONS})(?: (?:${EDITIONS}))* ${VERSION}`, 'y');
/** An edition word at a position: a token may hold the space before it ("GPT-4o mini"). */
const EDITION_AT = new RegExp(String.raw`(?:${EDITIONS})`, 'y');
/** Edition words that end a name before its version ("Claude Opus" → "Claude"). */
const TRAILING_EDITIONS = new RegExp(String.raw`(?: (?:${EDITIONS}))+$`);

/**
 * Model-shaped tokens in `text` (UTF-16 offsets): the MODEL_TOKEN matches that contain a digit, exactly
 * as matching MODEL_TOKEN all along the text would give them, without matching every word of the text.
 */
export function modelTokens(text: string): { start: number; end: number }[] {
  const tokens: { start: number; end: number }[] = [];
  // Every token found so far ends at or before `pos`, and no match of MODEL_TOKEN spans it.
  let pos = 0;
  for (let d = 0; d < text.length; d++) {
    if (!isDigitAt(text, d) || d < pos) continue;
    // Back up from the digit to a place no match spans: a character a token never holds, or a
    // space followed by neither a version nor an edition word (a token holds a space only there).
    let s = d;
    for (;;) {
      while (s > pos && isTokenCharAt(text, s - 1)) s--;
      if (s - 1 < pos || text.charCodeAt(s - 1) !== 0x20) break;
      EDITIONS_THEN_VERSION.lastIndex = s;
      EDITION_AT.lastIndex = s;
      if (!isVersionAt(text, s) && !EDITIONS_THEN_VERSION.test(text) && !EDITION_AT.test(text)) break;
      s--;
    }
    MODEL_TOKEN.lastIndex = s;
    for (let m = MODEL_TOKEN.exec(text); m; m = MODEL_TOKEN.exec(text)) {
      const end = m.index + m[0].length;
      // The next token starts after the digit: no token holds it (nor those up to that token).
      if (m.index > d) {
        pos = m.index;
        break;
      }
      if (hasDigit(text, m.index, end)) tokens.push({ start: m.index, end });
      pos = end;
      if (end > d) break;
    }
    if (pos <= d) break; // no token starts after the digit: none is left
    d = pos - 1;
  }
  return tokens;
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigitAt(text, i)) return true;
  return false;
}

/** The characters of a name-shaped run: ASCII letters and digits, - _ . */
function isTokenCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f
  );
}

function isVersionAt(text: string, i: number): boolean {
  return isDigitAt(text, i) || (text.charCodeAt(i) === 0x76 && isDigitAt(text, i + 1));
}

/** Tokens remembered per linker: pages repeat the same model names many times. */
const CACHE_LIMIT = 4096;

export class FuzzyLinker {
  /** Letter-only names by first letter and length: a correction is looked for among a handful. */
  private buckets: Map<string, string[]> | undefined;
  private readonly cache = new Map<string, FuzzyLink | null>();

  /** `names`: the alias a normalised name key links to, and the keys a misspelling may be corrected to. */
  constructor(
    private readonly names: NameTable,
    private readonly threshold = FUSE_THRESHOLD,
    /** Words that never begin a name (see lib/match/function-words.ts), lower case. */
    private readonly functionWords: ReadonlySet<string> = new Set(),
  ) {}

  /** Correctable names by first letter and length, made on the first correction a page needs. */
  private bucketsOf(): Map<string, string[]> {
    if (!this.buckets) {
      this.buckets = new Map();
      for (const key of this.names.correctable) {
        const bucket = `${key[0]}${key.length}`;
        const list = this.buckets.get(bucket);
        if (list) list.push(key);
        else this.buckets.set(bucket, [key]);
      }
    }
    return this.buckets;
  }

  /** The entity a model-shaped token names, or undefined. */
  link(token: string): FuzzyLink | undefined {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    const linked = this.linkUncached(token);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, linked ?? null);
    return linked;
  }

  private linkUncached(token: string): FuzzyLink | undefined {
    if (startsWithFunctionWord(token, this.functionWords)) return undefined;
    // A bare number after a space ("Open 24", "ERNIE-Bot 4.0") is a version only of a name known
    // as written: it never justifies a link on its own, nor a correction.
    const space = token.lastIndexOf(' ');
    const bareVersion = space >= 0 && /^\d+(?:\.\d+)*$/.test(token.slice(space + 1));
    // A name that has its version already is not versioned again: "Qwen-7B 7" is a table's next cell.
    if (bareVersion && /\d/.test(token.slice(0, space))) return undefined;
    // A spaced number above 9 is a score or a count, not a version ("SWE-bench 70.3", "Internet
    // 19.36 small"); a size ("72B") is not a bare number.
    const spaced = / v?(\d+)(?:\.\d+)*(?= |$)/.exec(token);
    if (spaced && Number(spaced[1]) > 9) return undefined;
    const norm = normalize(token);
    const key = keyOf(norm);
    // The whole token is the exact tier's to decide: if it refused it, so do we.
    if (this.names.get(key)) return undefined;
    const prefixed = this.longestPrefix(token, norm, key, key, 2, 0, false);
    if (bareVersion) {
      // "Claude Opus 5": the known name may be followed by edition words before its version.
      const named = token.slice(0, space).replace(TRAILING_EDITIONS, '');
      return prefixed && prefixed.keyLength >= normalizeKey(named).length
        ? { record: prefixed.record, score: prefixed.score }
        : undefined;
    }
    if (prefixed) return { record: prefixed.record, score: prefixed.score };
    // A misspelt name part ("Mixtrall-8x7B", "DeepSeak-V3"): correct it, then link as above.
    let head = 1;
    while (head < key.length && !isBoundary(norm, key, head)) head++;
    // A misspelling is corrected only in a part of five letters or more (a short one, "Kiwi" or
    // "Sori", is as likely another word or a user name as a typo) and never with a spaced version:
    // a correction rests on the name-shaped run alone.
    if (head >= 5 && head < key.length && space < 0) {
      for (const hit of this.correctionsFor(key.slice(0, head))) {
        const corrected = hit.name + key.slice(head);
        const linked = this.longestPrefix(
          token,
          norm,
          key,
          corrected,
          hit.name.length,
          head - hit.name.length,
          true,
        );
        if (linked) return { record: linked.record, score: round((1 - hit.score) * linked.score) };
      }
    }
    return undefined;
  }

  /**
   * The names a misspelt part could be, nearest first (at most three): same first letter, about the
   * same length (a correction, not another name), and within the threshold's share of edits of the
   * whole part. Each edit costs at most one shared letter, so names sharing fewer are never
   * measured. `score` is the share of edits (0 = identical).
   */
  private correctionsFor(part: string): { name: string; score: number }[] {
    const first = part[0]!;
    const hits: { name: string; score: number }[] = [];
    for (let n = part.length - 2; n <= part.length + 2; n++) {
      const longest = Math.max(part.length, n);
      const edits = Math.floor(this.threshold * longest + 1e-9);
      for (const name of this.bucketsOf().get(`${first}${n}`) ?? []) {
        if (sharedLetters(part, name) < part.length - edits) continue;
        const distance = editDistance(part, name);
        if (distance <= edits) hits.push({ name, score: distance / longest });
      }
    }
    return hits.sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : 1)).slice(0, 3);
  }

  /**
   * The longest known name (at least `min` long) that `candidate` starts with, ending where the
   * token has a part boundary: a separator or a letter→digit step ("Llama2"), never mid-word
   * ("GPT4All"). `shift` maps offsets in `candidate` back to the token's key (after a correction).
   */
  private longestPrefix(
    token: string,
    norm: Normalized,
    key: string,
    candidate: string,
    min: number,
    shift: number,
    corrected: boolean,
  ): (FuzzyLink & { keyLength: number }) | undefined {
    // Uncorrected, the whole token is the exact tier's; corrected, it may be a known name.
    for (let length = candidate.length - (corrected ? 0 : 1); length >= min; length--) {
      const record = this.names.get(candidate.slice(0, length));
      if (!record) continue;
      const at = length + shift;
      if (at <= 0 || (at < key.length && !isBoundary(norm, key, at))) continue;
      // A name that must keep its letter case ("ELECTRA") is never a misspelling's correction.
      if (record.caseSensitive && corrected) continue;
      if (
        record.caseSensitive &&
        !fitsKeptCase(keptForm(token.slice(0, norm.origin[length - 1]! + 1)), keptForm(record.text), token)
      )
        continue;
      return { record, score: round(length / candidate.length), keyLength: at };
    }
    return undefined;
  }
}

/** True for tokens that are prose around a number, not a name: "than 20", "Then 20", "page 41". */
function startsWithFunctionWord(token: string, words: ReadonlySet<string>): boolean {
  const first = /^[A-Za-z]+(?=[\s\-_.]|$)/.exec(token);
  return !!first && words.has(first[0].toLowerCase());
}

/** Optimal-string-alignment edit distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** How many letters of `a` also occur in `b`, counted with multiplicity (both lower-case a–z). */
function sharedLetters(a: string, b: string): number {
  const counts = new Int8Array(26);
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) - 97]!++;
  let shared = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i) - 97;
    if (c >= 0 && c < 26 && counts[c]! > 0) {
      counts[c]!--;
      shared++;
    }
  }
  return shared;
}

/** True when the token's key has a part boundary before offset `at`. */
function isBoundary(norm: Normalized, key: string, at: number): boolean {
  const separated = norm.origin[at]! - norm.origin[at - 1]! > 1;
  const letterToDigit = isLetterCode(key.charCodeAt(at - 1)) && /\d/.test(key[at]!);
  return separated || letterToDigit;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
