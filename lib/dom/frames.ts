/**
 * Which frames Assay reads. A page can hold dozens of frames (ads, trackers, blank placeholders):
 * each one that starts a scan asks the background for the whole name index and builds a matcher,
 * for text nobody reads. Pure decisions over plain facts, so they are tested without a browser.
 */

/** What the content script knows about its frame. */
export interface FrameFacts {
  /** True in the top-level page. */
  top: boolean;
  width: number;
  height: number;
  /** The frame's host name (empty for about:blank and srcdoc frames). */
  host: string;
  /** window.name: ad slots are named by their ad library. */
  name: string;
  /** Characters of non-blank text in the frame's body. */
  textLength: number;
}

/** Frames smaller than this show no readable article text (pixels, buttons, badges). */
export const MIN_FRAME = { width: 200, height: 80 };
/** A frame with less text than this is blank for now (it may fill in later). */
export const MIN_FRAME_TEXT = 20;

/** window.name of ad slots (Google Publisher Tag, AdSense) and the common "ad-…" naming. */
const AD_NAME =
  /^(?:google_ads_iframe|aswift_|google_esf|__pb_locator__|ad[_-]|ads[_-])|[_-]ads?(?:[_-]\d+)?$/i;

/**
 * Why a frame is not read, or undefined to read it: "ad" and "tiny" are final; "blank" may change
 * (check again a little later, as a comment widget fills in). The content script passes no ad
 * hosts: the manifest keeps it out of their frames altogether (see lib/dom/ad-hosts.ts).
 */
export function frameSkipReason(
  f: FrameFacts,
  adHosts: readonly string[] = [],
): 'ad' | 'tiny' | 'blank' | undefined {
  if (f.top) return undefined;
  const host = f.host.toLowerCase();
  if (adHosts.some((h) => host === h || host.endsWith(`.${h}`)) || AD_NAME.test(f.name)) return 'ad';
  if (f.width < MIN_FRAME.width || f.height < MIN_FRAME.height) return 'tiny';
  if (f.textLength < MIN_FRAME_TEXT) return 'blank';
  return undefined;
}

/** Non-blank characters of a text, counted up to `limit` (no need to read a long body to the end). */
export function visibleLength(text: string, limit = MIN_FRAME_TEXT): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0) n++;
  }
  return n;
}
