/**
 * Length-preserving folding for matching: every UTF-16 code unit maps to exactly one code unit, so
 * an offset in folded text is the same offset in the page's text (no offset map needed).
 */

/** Folds one code unit: full-width ASCII to ASCII, then letter case; anything else is unchanged. */
export function foldCode(code: number): number {
  // Full-width forms (U+FF01–U+FF5E) are NFKC-equivalent to ASCII 0x21–0x7E.
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20; // ideographic space
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves fold to themselves
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Folds a string code unit by code unit (same length as the input). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** Folds width only (keeps case), for checking case-sensitive aliases against page text. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(
      code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x3000 ? 0x20 : code,
    );
  }
  return out;
}

/** True for code units that make up a Latin word: ASCII letters and digits and Latin-1/Extended letters. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}
