/** Where the pointer is in the text, and whether a key press belongs to something the reader types in. */

/** The text position under a viewport point, looking into the given open shadow roots too. */
export function caretAt(
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** True for inputs, text areas, selects and editable content: their keys are the reader's. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
