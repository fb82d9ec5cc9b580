/**
 * Fuzzy linking for what exact matching misses: model-name-shaped tokens ("Qwen1.5-72B-Chat",
 * "Llama-2-13b-hf") link to the most specific known name they start with, and otherwise to the
 * nearest name by fuse.js's edit-distance score ("Mixtrall-8x7B").
 */
import Fuse from 'fuse.js';
import { foldWidth, isLetterCode, normalize, normalizeKey } from '../text/fold';
import type { AliasRecord } from './matcher';

/** A token linked to an entity, with a confidence in (0, 1]. */
export interface FuzzyLink {
  record: AliasRecord;
  score: number;
}

/**
 * fuse.js score (0 = identical, 1 = unrelated) above which a fuse link is refused. Chosen by
 * measurement on the labelled fixtures (scripts/tune-fuzzy.ts prints the precision/recall table).
 */
export const FUSE_THRESHOLD = 0.2;

// A name-shaped run: a letter, then letters/digits joined by - _ . and optionally a spaced version
// ("ERNIE-Bot 4.0"). A spaced version is short ("1.5", "4.0", "70B"), so "GPT-4 2023" stays apart;
// named editions after it ("Gemini 1.5 Pro") belong to the token. Only runs with a digit count.
const TOKEN =
  /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?: v?\d{1,2}(?:\.\d+)*[A-Za-z]?(?: (?:Pro|Ultra|Flash|Nano|Turbo|Chat|Instruct|Base|Mini|Max|Plus|Lite|Large|Medium|Small|Sonnet|Opus|Haiku|Preview|Vision|Coder))*)?(?![\p{L}\p{N}])/gu;

/** Model-shaped tokens in `text` (UTF-16 offsets). */
export function modelTokens(text: string): { start: number; end: number }[] {
  const tokens: { start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (/\d/.test(m[0])) tokens.push({ start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export class FuzzyLinker {
  private readonly byKey = new Map<string, AliasRecord>();
  private fuse: Fuse<string> | undefined;

  constructor(
    records: readonly AliasRecord[],
    private readonly threshold = FUSE_THRESHOLD,
  ) {
    for (const record of records) {
      const key = normalizeKey(record.text);
      if (key.length >= 2 && !this.byKey.has(key)) this.byKey.set(key, record);
    }
  }

  /** The entity a model-shaped token names, or undefined. */
  link(token: string): FuzzyLink | undefined {
    const norm = normalize(token);
    const key = normalizeKey(token);
    // Longest known name the token starts with, ending where the token has a part boundary:
    // a separator or a letter→digit step ("Llama2"). Never mid-word ("GPT4All").
    // The whole token is the exact tier's to decide: if it refused it, so do we.
    if (this.byKey.has(key)) return undefined;
    for (let length = key.length - 1; length >= 2; length--) {
      const record = this.byKey.get(key.slice(0, length));
      if (!record) continue;
      const separated = norm.origin[length]! - norm.origin[length - 1]! > 1;
      const letterToDigit = isLetterCode(key.charCodeAt(length - 1)) && /\d/.test(key[length]!);
      if (!separated && !letterToDigit) continue;
      if (record.caseSensitive) {
        const surface = foldWidth(token.slice(0, norm.origin[length - 1]! + 1)).replace(/[\s\-_]/g, '');
        if (surface !== foldWidth(record.text).replace(/[\s\-_]/g, '')) continue;
      }
      return { record, score: length / key.length };
    }
    if (key.length < 4 || key.length > 32) return undefined;
    this.fuse ??= new Fuse(
      [...this.byKey.keys()].filter((k) => k.length >= 4),
      {
        includeScore: true,
        threshold: this.threshold,
        ignoreLocation: true,
      },
    );
    // Letters may be misspelt, numbers may not: "GPT-45" is not GPT-4, "Llama 3" not Llama 2.
    const numbers = key.match(/\d+/g) ?? [];
    for (const hit of this.fuse.search(key, { limit: 5 })) {
      if (hit.score === undefined || hit.score > this.threshold) break;
      const aliasNumbers = hit.item.match(/\d+/g) ?? [];
      const sameNumbers = aliasNumbers.length > 0 && aliasNumbers.every((n, i) => numbers[i] === n);
      if (hit.item[0] !== key[0] || !sameNumbers) continue;
      return { record: this.byKey.get(hit.item)!, score: 1 - hit.score };
    }
    return undefined;
  }
}
