/**
 * Normalisation for matching. Every code unit folds to exactly one code unit (full width to ASCII,
 * letter case, Traditional to Simplified Chinese), and separators people vary in names ("Yi-34B",
 * "Yi 34B", "Yi34B") are dropped; an index map leads back to offsets in the page's text.
 */
const CJK_BASE = 0x3400;
/** Simplified form of each code unit in U+3400–U+9FFF (0 = unchanged), once installT2S has run. */
const T2S = new Uint16Array(0xa000 - CJK_BASE);
let t2sInstalled = false;

/**
 * Installs the Traditional → Simplified pairs (lib/text/t2s-table.ts). Not imported here: the
 * content script gets the table with the matcher index (createMatcher) rather than in its bundle;
 * the background and tools install it by importing lib/text/t2s.ts.
 */
export function installT2S(pairs: string): void {
  if (t2sInstalled) return;
  for (let i = 0; i + 1 < pairs.length; i += 2) T2S[pairs.charCodeAt(i) - CJK_BASE] = pairs.charCodeAt(i + 1);
  t2sInstalled = true;
}

/**
 * Folds of other code units, filled in as they are met (0 = not yet): news text is full of curly
 * quotes, dashes and accented letters, and toLowerCase on a fresh one-character string per
 * occurrence was a large share of the scan's garbage.
 */
const OTHER_FOLDS = new Uint16Array(0x10000);

/** Folds one code unit: full-width ASCII to ASCII, letter case, Traditional to Simplified. */
export function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= CJK_BASE && code < 0xa000) return T2S[code - CJK_BASE] || code;
  // Full-width forms (U+FF01–U+FF5E) are NFKC-equivalent to ASCII 0x21–0x7E.
  if (code >= 0xff01 && code <= 0xff5e) return foldCode(code - 0xfee0);
  if (code === 0x3000) return 0x20; // ideographic space
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves fold to themselves
  const known = OTHER_FOLDS[code]!;
  if (known !== 0) return known;
  const lower = String.fromCharCode(code).toLowerCase();
  const folded = lower.length === 1 ? lower.charCodeAt(0) : code;
  OTHER_FOLDS[code] = folded;
  return folded;
}

/** Folds a string code unit by code unit (same length as the input). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

const WIDE = /[\uff01-\uff5e\u3000]/;

/** Folds width only (keeps case), for checking case-sensitive aliases against page text. */
export function foldWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(
      code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code,
    );
  }
  return out;
}

/**
 * Separators that names vary in: spaces, hyphens and dashes, underscores, middle dots. Checked after
 * folding, so full-width forms count too.
 */
export function isSeparatorCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0xb7 ||
    code === 0x30fb ||
    (code >= 0x2010 && code <= 0x2013)
  );
}

/**
 * True for code units that make up a Latin word: ASCII letters and digits, the underscore (a name
 * inside "Spark_of_Resistance" or "model_id" is part of an identifier, not a mention) and
 * Latin-1/Extended letters.
 */
export function isWordCode(code: number): boolean {
  return (
    code === 0x5f ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/**
 * True when a name may start at `at`: not inside a Latin word, except right after a count written
 * onto it ("8xH100").
 */
export function mayStartAt(text: string, at: number): boolean {
  if (at === 0 || !isWordCode(text.charCodeAt(at)) || !isWordCode(text.charCodeAt(at - 1))) return true;
  return (
    text.charCodeAt(at - 1) === 0x78 && /(?:^|[^\w.])\d{1,4}x$/.test(text.slice(Math.max(0, at - 6), at))
  );
}

/** Chinese, Japanese and Korean characters (the unified ideographs and kana). */
export function isCjkCode(code: number): boolean {
  return code >= 0x2e80 && code <= 0x9fff;
}

/** True for Latin letters (not digits), in either width. */
export function isLetterCode(code: number): boolean {
  return (
    isWordCode(code) &&
    code !== 0x5f &&
    !(code >= 0x30 && code <= 0x39) &&
    !(code >= 0xff10 && code <= 0xff19)
  );
}

/** Text folded for matching, separators dropped; `origin[i]` is the source offset of code unit i. */
export interface Normalized {
  codes: Uint16Array;
  origin: Int32Array;
  length: number;
}

/** Normalises text for matching (see the module comment). */
export function normalize(text: string): Normalized {
  const codes = new Uint16Array(text.length);
  const origin = new Int32Array(text.length + 1);
  return { codes, origin, length: normalizeInto(text, codes, origin) };
}

let scratchCodes = new Uint16Array(4096);
let scratchOrigin = new Int32Array(4097);

/**
 * normalize into buffers shared by every call: valid only until the next call. The scan reads every
 * block of a page once; two fresh typed arrays per block (off-heap backing stores) made the
 * collector a large share of a long page's scan.
 */
export function normalizeScratch(text: string): Normalized {
  if (scratchCodes.length < text.length) {
    const size = 1 << Math.ceil(Math.log2(text.length));
    scratchCodes = new Uint16Array(size);
    scratchOrigin = new Int32Array(size + 1);
  }
  return {
    codes: scratchCodes,
    origin: scratchOrigin,
    length: normalizeInto(text, scratchCodes, scratchOrigin),
  };
}

function normalizeInto(text: string, codes: Uint16Array, origin: Int32Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (isSeparatorCode(code)) continue;
    codes[n] = code;
    origin[n++] = i;
  }
  origin[n] = text.length;
  return n;
}

/** The normalised form of a name, as a string (a trie key). */
export function normalizeKey(name: string): string {
  return keyOf(normalize(name));
}

/** A normalised text as a string (a trie key). */
export function keyOf({ codes, length }: Normalized): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(codes[i]!);
  return out;
}
