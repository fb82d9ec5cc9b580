/** Plain text as blocks: the scan CLI and the labelled fixtures read a blank line as a paragraph break. */

/** The paragraphs of a text (blank-line separated), with their offsets. */
export function paragraphs(text: string): { start: number; text: string }[] {
  return [...text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)].map((m) => ({ start: m.index, text: m[0] }));
}
