/**
 * What a session paints in the page's highlight registry: one highlight holding the marks near the
 * viewport (see MarkWindow), the active mark, and the claim cues. Each paint passes on only the
 * blocks whose marks changed.
 */
import type { Annotator } from '../../lib/dom/annotator';
import { MarkWindow } from '../../lib/dom/mark-window';
import { ACTIVE_HIGHLIGHT, CLAIM_HIGHLIGHT } from './leftovers';

export class Painter {
  private readonly painted = new Highlight();
  /** The marks the viewport watches; `follow` it as the reader scrolls. */
  readonly window = new MarkWindow(this.painted);

  /** Paints under `markName` (the reader's mark style). */
  constructor(private markName: string) {}

  /** True while the page's registry still holds our highlight (a page may delete it). */
  get registered(): boolean {
    return CSS.highlights.get(this.markName) === this.painted;
  }

  /** Passes the annotator's changed blocks and claim cues to the registry. */
  paint(annotator: Annotator): void {
    this.window.apply(
      annotator.takeChanged().map((element) => [element, annotator.rangesOf(element)] as const),
    );
    if (!this.registered) CSS.highlights.set(this.markName, this.painted);
    if (annotator.takeClaimsChanged()) {
      const claims = annotator.claims();
      if (claims.length > 0)
        CSS.highlights.set(CLAIM_HIGHLIGHT, new Highlight(...claims.map((c) => c.range)));
      else CSS.highlights.delete(CLAIM_HIGHLIGHT);
    }
  }

  /** Moves the marks to another style's name; true when that changed anything (repaint then). */
  restyle(markName: string): boolean {
    if (markName === this.markName) return false;
    CSS.highlights.delete(this.markName);
    this.markName = markName;
    return true;
  }

  /** Shows which mark a card is for (none: `undefined`). */
  setActive(range: AbstractRange | undefined): void {
    if (range) CSS.highlights.set(ACTIVE_HIGHLIGHT, new Highlight(range));
    else CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }

  /** Removes everything this session painted. */
  clear(): void {
    this.window.disconnect();
    CSS.highlights.delete(this.markName);
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    CSS.highlights.delete(CLAIM_HIGHLIGHT);
  }
}
