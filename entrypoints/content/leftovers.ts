/**
 * What an earlier instance of this content script may have left in the page. Firefox destroys an
 * old script's sandbox when the extension is reloaded, disabled or updated without running its
 * clean-up, then injects the new script into open tabs: the old card host and highlights stay (a
 * card that can no longer be closed, a stale active mark). The new script removes them first.
 */
import { MARK_STYLES, highlightName } from '../../lib/settings';
import { HOST_TAG } from './card-host';

/** The highlight of the mark whose card is open. */
export const ACTIVE_HIGHLIGHT = 'assay-mention-active';
/** The claim cues' highlight (lib/claims/detect.ts): the span a sentence's claim covers. */
export const CLAIM_HIGHLIGHT = 'assay-claim';
/** Every highlight name this script registers. */
export const HIGHLIGHT_NAMES = [...MARK_STYLES.map(highlightName), ACTIVE_HIGHLIGHT, CLAIM_HIGHLIGHT];

/** Removes an earlier instance's card hosts and highlights from `doc`. */
export function clearLeftovers(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_TAG)) host.remove();
  for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
}
