/**
 * Keeps only the marks near the viewport registered in the highlight. Chromium rebuilds the markers
 * of every registered range in each frame in which the page changes its DOM or style: with 8,000
 * ranges such a frame took 50 ms instead of 17 (17,000: 109 ms), so on a long feed every animation,
 * ticker or lazy image would jank. Blocks with marks are watched by an IntersectionObserver and
 * their ranges join the highlight when they come within a screen of the visible area.
 *
 * An IntersectionObserver costs each such frame too, per watched element, so only a stretch of
 * WATCHED blocks (in page order) around the reader's position is watched; `follow` moves the stretch
 * when the reader has scrolled near or past its ends.
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

/** How many blocks with marks are watched at most (a few hundred screens of a dense feed). */
export const WATCHED = 600;

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
  /** The same elements in page order. */
  private readonly order: Element[] = [];
  /** The elements watched now: the stretch, and elements outside it that are still near. */
  private readonly watched = new Set<Element>();
  /** The stretch of `order` watched on a crowded page (undefined: all of it). */
  private stretch: Set<Element> | undefined;
  /** The elements near the viewport: their ranges are in the highlight. */
  private readonly near = new Set<Element>();
  private readonly observer: NearObserver;
  /** Where the watched stretch is centred: a node of the page (undefined: its start). */
  private anchor: Node | undefined;
  /** Set when the watched stretch must be worked out again. */
  private stale = false;
  /** Where the last new block went in `order` (-1: none yet). */
  private lastPlaced = -1;
  private registered = 0;

  constructor(
    private readonly highlight: RangeSet,
    observe: NearObserverFactory = viewportObserver,
    private readonly capacity = WATCHED,
  ) {
    this.observer = observe((entries) => {
      for (const entry of entries) this.setNear(entry.target, entry.isIntersecting);
    });
  }

  /**
   * Takes the new marks of changed blocks (no marks: the block is forgotten): forgotten ones first (a block that left the page can no
   * longer be placed in page order), then the others; then moves the watched stretch if needed.
   */
  apply(changes: Iterable<readonly [Element, readonly AbstractRange[]]>): void {
    const list = [...changes];
    for (const [element, ranges] of list) if (ranges.length === 0) this.change(element, ranges);
    for (const [element, ranges] of list) if (ranges.length > 0) this.change(element, ranges);
    if (this.stale) this.rewatch();
  }

  /**
   * Centres the watched stretch on `node` (what the reader looks at: the text in the middle of the
   * viewport, marked or not) once the reader has moved a quarter of the stretch away. A container
   * sorts before all its content, so give a leaf: a text node or a block.
   */
  follow(node: Node): void {
    const crowded = this.order.length > this.capacity;
    if (crowded) {
      const at = this.indexOf(node);
      const current = this.anchor ? this.indexOf(this.anchor) : 0;
      if (Math.abs(at - current) < this.capacity / 4) return;
    }
    this.anchor = node;
    if (crowded) this.rewatch();
  }

  /** True when there are more blocks with marks than are watched (so follow matters). */
  get crowded(): boolean {
    return this.order.length > this.capacity;
  }

  private change(element: Element, ranges: readonly AbstractRange[]): void {
    const before = this.ranges.get(element);
    if (this.near.has(element)) {
      for (const range of before ?? []) this.highlight.delete(range);
      for (const range of ranges) this.highlight.add(range);
      this.registered += ranges.length - (before?.length ?? 0);
    }
    if (ranges.length > 0) {
      this.ranges.set(element, ranges);
      if (before) return;
      const at = this.placeOf(element);
      this.order.splice(at, 0, element);
      this.lastPlaced = at;
      // Within capacity everything is watched; beyond it, the stretch is worked out once per batch.
      if (this.order.length <= this.capacity) this.watch(element);
      else this.stale = true;
    } else if (before) {
      this.ranges.delete(element);
      // A block that left the page has no place in page order any more: find it the slow way.
      const guess = this.indexOf(element);
      const at = this.order[guess] === element ? guess : this.order.indexOf(element);
      if (at >= 0) this.order.splice(at, 1);
      this.near.delete(element);
      if (this.watched.delete(element)) this.observer.unobserve(element);
      this.stale = true; // another block may take its place in the watched stretch
    }
  }

  private watch(element: Element): void {
    this.watched.add(element);
    this.observer.observe(element);
  }

  /** How many ranges are in the highlight now. */
  get size(): number {
    return this.registered;
  }

  /** Forgets every mark and empties the highlight. */
  clear(): void {
    for (const element of this.watched) this.observer.unobserve(element);
    this.ranges.clear();
    this.order.length = 0;
    this.watched.clear();
    this.near.clear();
    this.highlight.clear();
    this.anchor = undefined;
    this.stretch = undefined;
    this.stale = false;
    this.lastPlaced = -1;
    this.registered = 0;
  }

  /** Stops watching (the highlight keeps what it has). */
  disconnect(): void {
    this.observer.disconnect();
  }

  /** Watches the stretch of `order` around the anchor, and nothing else. */
  private rewatch(): void {
    this.stale = false;
    const centre = this.anchor ? this.indexOf(this.anchor) : 0;
    const from = Math.max(0, Math.min(centre - this.capacity / 2, this.order.length - this.capacity));
    const wanted = this.order.slice(from, from + this.capacity);
    this.stretch = new Set(wanted);
    // A block still near the viewport stays watched until it leaves (a sticky sidebar, far from
    // the reader's position in page order, keeps its marks while it is on screen).
    for (const element of this.watched) {
      if (this.stretch.has(element) || this.near.has(element)) continue;
      this.watched.delete(element);
      this.observer.unobserve(element);
    }
    for (const element of wanted) if (!this.watched.has(element)) this.watch(element);
  }

  /**
   * Where a new block goes in `order`: a scan meets blocks in page order, so first try right after
   * the last one placed (two comparisons instead of a binary search's dozen).
   */
  private placeOf(element: Element): number {
    const after = this.lastPlaced + 1;
    const order = this.order;
    if (
      after > 0 &&
      after <= order.length &&
      precedes(order[after - 1]!, element) &&
      (after === order.length || precedes(element, order[after]!))
    )
      return after;
    return this.indexOf(element);
  }

  /** Where `node` is or would go in `order` (binary search by page order). */
  private indexOf(node: Node): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.order[mid]!;
      if (other === node) return mid;
      if (precedes(other, node)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
      if (this.stretch && !this.stretch.has(element) && this.watched.delete(element))
        this.observer.unobserve(element);
    }
  }
}

/** True when `a` comes before `b` in the page, shadow trees placed where their hosts are. */
function precedes(a: Node, b: Node): boolean {
  const [x, y] = a.getRootNode() === b.getRootNode() ? [a, b] : [hostOf(a), hostOf(b)];
  return x !== y && (x.compareDocumentPosition(y) & 4) /* FOLLOWING */ !== 0;
}

function hostOf(node: Node): Node {
  const root = node.getRootNode();
  return root.nodeType === 11 && 'host' in root ? hostOf((root as ShadowRoot).host) : node;
}
