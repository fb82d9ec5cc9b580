/**
 * Keeps only the marks near the viewport registered in the highlight. Chromium rebuilds the markers
 * of every registered range in each frame in which the page changes its DOM or style: with 8,000
 * ranges such a frame took 50 ms instead of 17 (17,000: 109 ms), so on a long feed every animation,
 * ticker or lazy image would jank. Blocks with marks are watched by an IntersectionObserver and
 * their ranges join the highlight when they come within a viewport of the visible area.
 */

/** The part of a Highlight the window uses (a Set does in tests). */
export interface RangeSet {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
}

/** The part of an IntersectionObserver the window uses. */
export interface NearObserver {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/** Creates the observer: calls back with elements that came near the viewport or left it. */
export type NearObserverFactory = (
  callback: (entries: readonly { target: Element; isIntersecting: boolean }[]) => void,
) => NearObserver;

/** How far around the viewport marks stay registered: a screen above and below, half one sideways. */
export const NEAR_MARGIN = '100% 50%';

/** The factory for the browser: an IntersectionObserver with NEAR_MARGIN. */
export function viewportObserver(
  callback: Parameters<NearObserverFactory>[0],
  rootMargin = NEAR_MARGIN,
): NearObserver {
  return new IntersectionObserver((entries) => callback(entries), { rootMargin });
}

export class MarkWindow {
  /** Every block element with marks, and its marks' ranges. */
  private readonly ranges = new Map<Element, readonly AbstractRange[]>();
  /** The elements near the viewport: their ranges are in the highlight. */
  private readonly near = new Set<Element>();
  private readonly observer: NearObserver;
  private registered = 0;

  constructor(
    private readonly highlight: RangeSet,
    observe: NearObserverFactory = viewportObserver,
  ) {
    this.observer = observe((entries) => {
      for (const entry of entries) this.setNear(entry.target, entry.isIntersecting);
    });
  }

  /** The marks of `element` are now `ranges` (none: the element is no longer watched). */
  set(element: Element, ranges: readonly AbstractRange[]): void {
    const before = this.ranges.get(element);
    if (this.near.has(element)) {
      for (const range of before ?? []) this.highlight.delete(range);
      for (const range of ranges) this.highlight.add(range);
      this.registered += ranges.length - (before?.length ?? 0);
    }
    if (ranges.length > 0) {
      this.ranges.set(element, ranges);
      if (!before) this.observer.observe(element);
    } else if (before) {
      this.ranges.delete(element);
      this.near.delete(element);
      this.observer.unobserve(element);
    }
  }

  /** How many ranges are in the highlight now. */
  get size(): number {
    return this.registered;
  }

  /** Forgets every mark and empties the highlight. */
  clear(): void {
    for (const element of this.ranges.keys()) this.observer.unobserve(element);
    this.ranges.clear();
    this.near.clear();
    this.highlight.clear();
    this.registered = 0;
  }

  /** Stops watching (the highlight keeps what it has). */
  disconnect(): void {
    this.observer.disconnect();
  }

  private setNear(element: Element, near: boolean): void {
    const ranges = this.ranges.get(element);
    if (!ranges || near === this.near.has(element)) return;
    if (near) {
      this.near.add(element);
      for (const range of ranges) this.highlight.add(range);
      this.registered += ranges.length;
    } else {
      this.near.delete(element);
      for (const range of ranges) this.highlight.delete(range);
      this.registered -= ranges.length;
    }
  }
}
