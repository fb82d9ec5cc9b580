/**
 * Names kept in their letter case ("Grok", "Gopher", "ELECTRA") are words in another case. Both the
 * exact and the fuzzy stage ask here whether a spelling still names one.
 */
import { foldWidth } from '../text/fold';

/** A spelling's letters as kept-case names compare them: width folded, separators dropped. */
export function keptForm(text: string): string {
  return foldWidth(text).replace(/[\s\-_\u00b7\u30fb\u2010-\u2013]/g, '');
}

/**
 * True when `surface` (a spelling's keptForm) names the kept-case name whose keptForm is `exact`:
 * as spelt; as an API writes model ids, lower case and joined with a number (`written`, the name
 * with what is joined to it: "gemini-2.5-pro", "grok-4.1-thinking"; "grok 4" may be a word); or
 * with the name as spelt and any case after its version ("Gemini 2.5 pro").
 */
export function fitsKeptCase(surface: string, exact: string, written: string): boolean {
  if (surface === exact) return true;
  if (surface.toLowerCase() !== exact.toLowerCase()) return false;
  if (exact.length >= 4 && /\d/.test(written) && !/[\sA-Z]/.test(written)) return true;
  const digit = exact.search(/\d/);
  return digit > 0 && surface.slice(0, digit) === exact.slice(0, digit);
}
