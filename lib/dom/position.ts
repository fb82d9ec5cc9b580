/**
 * Where to put a card next to an anchor rectangle, kept inside the viewport. A card above its
 * anchor is pinned by its bottom edge, so it sits against the anchor whatever its real height.
 */
export interface Placement {
  left: number;
  width: number;
  maxHeight: number;
  /** Distance from the viewport's top edge (card below the anchor)... */
  top?: number;
  /** ...or from its bottom edge (card above the anchor). */
  bottom?: number;
}

const MARGIN = 8;
const GAP = 6;
const COMFORTABLE = 260;

/** Places a card below the anchor, or above it when there is more room there. */
export function placeCard(
  anchor: { left: number; top: number; bottom: number },
  viewport: { width: number; height: number },
  preferredWidth = 380,
): Placement {
  const width = Math.max(0, Math.min(preferredWidth, viewport.width - 2 * MARGIN));
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewport.width - MARGIN - width));
  const top = Math.min(Math.max(MARGIN, anchor.bottom + GAP), viewport.height - MARGIN);
  const below = viewport.height - MARGIN - top;
  const above = Math.min(viewport.height, anchor.top) - GAP - MARGIN;
  if (below >= COMFORTABLE || below >= above) {
    return { left, width, top, maxHeight: Math.max(0, below) };
  }
  const bottom = Math.max(MARGIN, viewport.height - (anchor.top - GAP));
  return { left, width, bottom, maxHeight: Math.max(0, viewport.height - MARGIN - bottom) };
}
