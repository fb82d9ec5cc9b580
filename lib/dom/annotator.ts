/**
 * Finds mentions in a document's text and keeps them as Ranges, without touching the DOM: the
 * caller paints them (CSS Custom Highlight API) and asks which mention sits under a point. After
 * the first scan, only the blocks that DOM mutations touch are scanned again.
 */
import type { AliasMatcher, FindResult, Mention } from '../match/matcher';
import {
  blockAncestor,
  collectBlocks,
  iterateBlocks,
  isBlockElement,
  isInsideSkipped,
  markRange,
  rangeFor,
  splitAtBoxes,
  type CollectOptions,
  type TextBlock,
  withoutHidden,
} from './blocks';
import { ChromeDetector, isLinkList, isRightsNotice } from './page-chrome';
import { findClaims, type ClaimKind } from '../claims/detect';

/** A mention placed in the page. */
export interface PageMention extends Mention {
  block: TextBlock;
  /**
   * False for mentions the reader does not want painted: in page chrome (navigation, footers, share
   * and ad widgets), or repeats in a paragraph when only the first is marked. "On this page" still
   * counts them.
   */
  shown: boolean;
  /** What the highlight paints (static: see markRange); use liveRange() to measure it. */
  range: AbstractRange;
  /** The page's text of the mention, as written there. */
  text: string;
  /** The claim its sentence makes (lib/claims/detect.ts), if any: the card leads with it. */
  claim?: PageClaim;
}

/** A claim cue on the page: its kind, what it is about, and the text it spans. */
export interface PageClaim {
  kind: ClaimKind;
  entityId: string;
  text: string;
  range: AbstractRange;
}

interface ScannedBlock {
  block: TextBlock;
  region: Element;
  /** In navigation, a footer, a share or ad widget: its mentions are not painted. */
  chrome: boolean;
  result: FindResult;
  mentions: PageMention[];
  claims: PageClaim[];
}

/** Counts per entity, so a region's context can shrink again when blocks leave the page. */
class Tally {
  private readonly counts = new Map<string, number>();
  readonly present = new Set<string>();
  add(ids: Iterable<string>, delta: 1 | -1): void {
    for (const id of ids) {
      const n = (this.counts.get(id) ?? 0) + delta;
      if (n > 0) {
        this.counts.set(id, n);
        this.present.add(id);
      } else {
        this.counts.delete(id);
        this.present.delete(id);
      }
    }
  }
}

interface Region {
  entities: Tally;
  otherSense: Tally;
  /** Blocks whose ambiguous names depend on the region's context (the only ones to re-decide). */
  undecided: Set<ScannedBlock>;
}

/** The part of a MutationRecord the annotator needs (so tests can pass plain objects). */
export interface ChangeRecord {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
  attributeName?: string | null;
}

/** Attributes whose change can reveal hidden text (what the runner asks the observer for). */
export const REVEALING_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];

/** How many blocks with hidden names are watched for being revealed by a class or style change. */
const MAX_HIDDEN_NAMES = 200;

/** Which mentions are painted: every one, or the first of each entity per paragraph. */
export type MarkDensity = 'all' | 'first';

export interface AnnotatorOptions extends CollectOptions {
  density?: MarkDensity;
  /** Class and id words of page widgets (CHROME_WORDS, carried by the matcher index); none: structure only. */
  chromeWords?: string;
}

export class Annotator {
  private readonly scanned = new Map<Element, ScannedBlock[]>();
  private readonly byNode = new Map<Text, ScannedBlock>();
  private readonly regions = new Map<Element, Region>();
  private ordered: PageMention[] | undefined;
  /** Blocks with claim cues, and whether they changed since takeClaimsChanged(). */
  private readonly claimBlocks = new Set<ScannedBlock>();
  private claimsChanged = false;
  /** Scanned block elements inside shadow trees (looked at separately when subtrees change). */
  private readonly shadowElements = new Set<Element>();
  /** Set when an update added, removed or moved a mention (so the caller repaints only then). */
  private dirty = false;
  /** Block elements whose mentions changed since the last takeChanged(). */
  private readonly changed = new Set<Element>();
  /**
   * Block elements with a name in text that layout hid (display: none, a closed <details>): a
   * class, style or attribute change may reveal it, and then they are read again.
   */
  private readonly hiddenNames = new Set<Element>();
  private readonly chrome: ChromeDetector;

  constructor(
    private readonly matcher: AliasMatcher,
    private readonly options: AnnotatorOptions = {},
  ) {
    this.chrome = new ChromeDetector(options.chromeWords);
  }

  /** Paints every mention or only the first of each entity per paragraph; returns true if that changed. */
  setDensity(density: MarkDensity): boolean {
    if ((this.options.density ?? 'all') === density) return false;
    this.options.density = density;
    this.ordered = undefined;
    for (const [element, blocks] of this.scanned) {
      for (const b of blocks) b.mentions = this.withShown(b, b.mentions);
      this.changed.add(element);
    }
    return true;
  }

  /**
   * True when a change of this attribute on `target` may reveal text the scan left out: the
   * `hidden` attribute removed, or any revealing attribute on or around a block with hidden names.
   */
  mayReveal(target: Node, attributeName: string | null | undefined): boolean {
    if (target.nodeType !== 1) return false;
    const el = target as Element;
    if (attributeName === 'hidden' && !el.hasAttribute('hidden')) return true;
    return this.hiddenNear(el).length > 0;
  }

  /** The watched blocks with hidden names at, inside or around `el` (disconnected ones are dropped). */
  private hiddenNear(el: Element): Element[] {
    const near: Element[] = [];
    for (const block of this.hiddenNames) {
      if (!block.isConnected) this.hiddenNames.delete(block);
      else if (block === el || el.contains(block) || block.contains(el)) near.push(block);
    }
    return near;
  }

  /** Scans everything under `root`, replacing earlier results; returns the mentions in page order. */
  scan(root: Element): readonly PageMention[] {
    const scan = this.startScan(root);
    while (!scan.step(Infinity, () => 0));
    return this.all();
  }

  /**
   * Starts a scan of `root` (replacing earlier results) that runs in slices: each `step` reads
   * blocks until `budgetMs` has passed on `now()`, then returns, true once everything is read. The
   * content script paints between slices, so a long page never blocks its main thread for long.
   * The blocks under `first` (those in view: see blocksInView) are read before all others.
   */
  startScan(
    root: Element,
    first: readonly Element[] = [],
  ): { step: (budgetMs: number, now: () => number) => boolean } {
    this.scanned.clear();
    this.byNode.clear();
    this.regions.clear();
    this.claimsChanged ||= this.claimBlocks.size > 0;
    this.claimBlocks.clear();
    this.chrome.forget();
    this.hiddenNames.clear();
    this.shadowElements.clear();
    this.changed.clear();
    this.ordered = undefined;
    const blocks = firstThenRest(root, first, this.options);
    const regionCache = new Map<Element, Element>();
    let done = false;
    return {
      step: (budgetMs, now) => {
        if (done) return true;
        const end = now() + budgetMs;
        const touched = new Set<Region>();
        const fresh: ScannedBlock[] = [];
        for (let n = 1; ; n++) {
          const next = blocks.next();
          if (next.done) {
            done = true;
            break;
          }
          this.scanBlock(next.value, touched, regionCache, fresh);
          if (n % 8 === 0 && now() >= end) break;
        }
        this.settle(touched, fresh);
        return done;
      },
    };
  }

  /**
   * Rescans only what `records` touched: the blocks around changed text and added nodes; blocks
   * whose nodes left the document are dropped. Returns true when the mentions (or their Ranges)
   * changed, so the caller repaints only then: text without names costs no repaint.
   */
  update(records: readonly ChangeRecord[]): boolean {
    this.dirty = false;
    this.chrome.forget();
    const roots = new Set<Element>();
    const removedBlocks: Element[] = [];
    for (const record of records) {
      if (record.type === 'characterData') {
        const block = blockAncestor(record.target);
        if (block) roots.add(block);
        continue;
      }
      if (record.type === 'attributes') {
        const el = record.target as Element;
        if (!this.mayReveal(el, record.attributeName)) continue;
        if (record.attributeName === 'hidden') {
          const block = isBlockElement(el) ? el : blockAncestor(el);
          if (block) roots.add(block);
        }
        for (const block of this.hiddenNear(el)) roots.add(block);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        const root =
          node.nodeType === 1 && isBlockElement(node as Element)
            ? (node as Element)
            : blockAncestor(record.target);
        if (root) roots.add(root);
      }
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType === 1 && isBlockElement(node as Element)) removedBlocks.push(node as Element);
        else {
          const block = blockAncestor(record.target);
          if (block) roots.add(block);
        }
      }
    }
    const touched = new Set<Region>();
    const pruned = removedBlocks.length > 0 && this.pruneDisconnected(removedBlocks, touched);
    // Nested roots: rescanning an ancestor covers its descendants.
    const candidates = [...roots];
    const list = candidates.filter((r) => r.isConnected && !candidates.some((o) => o !== r && o.contains(r)));
    if (list.length === 0) {
      if (pruned) this.settle(touched, []);
      return this.dirty;
    }
    for (const root of list) this.forget(root, touched);
    // Blocks read again are watched again only if they still hide a name.
    for (const hidden of this.hiddenNames)
      if (list.some((root) => root === hidden || root.contains(hidden))) this.hiddenNames.delete(hidden);
    const known = new Map<Element, boolean>();
    const fresh = list
      .filter((r) => !isInsideSkipped(r, this.options, known))
      .flatMap((r) => collectBlocks(r, this.options));
    this.scanBlocks(fresh, touched);
    return this.dirty;
  }

  /** Every mention's Range, in no particular order (painting needs no sort). */
  ranges(): AbstractRange[] {
    const out: AbstractRange[] = [];
    for (const blocks of this.scanned.values())
      for (const b of blocks) for (const m of b.mentions) if (m.shown) out.push(m.range);
    return out;
  }

  /**
   * The block elements whose mentions changed since the last call (or since the scan started), so
   * a painter can update just those: see rangesOf.
   */
  takeChanged(): Element[] {
    const elements = [...this.changed];
    this.changed.clear();
    return elements;
  }

  /** The Ranges of the mentions in a block element's text (empty when it has none now). */
  rangesOf(element: Element): AbstractRange[] {
    const out: AbstractRange[] = [];
    for (const b of this.scanned.get(element) ?? [])
      for (const m of b.mentions) if (m.shown) out.push(m.range);
    return out;
  }

  /** The painted mentions, in page order (what the keyboard moves through and the scan CLI reports). */
  shown(): PageMention[] {
    return this.all().filter((m) => m.shown);
  }

  /** The mentions, in page order. */
  all(): readonly PageMention[] {
    if (!this.ordered) {
      const list: PageMention[] = [];
      for (const blocks of this.scanned.values()) for (const b of blocks) list.push(...b.mentions);
      list.sort(comparePageOrder);
      this.ordered = list;
    }
    return this.ordered;
  }

  /** The mention containing the caret position (node, offset), if any. */
  mentionAtCaret(node: Node, offset: number): PageMention | undefined {
    const entry = this.byNode.get(node as Text);
    if (!entry) return undefined;
    const { block, mentions } = entry;
    const at = block.starts[block.nodes.indexOf(node as Text)]! + offset;
    // A caret sits between characters: one just after a mention's last character still counts.
    return mentions.find((m) => m.shown && m.start <= at && at <= m.end);
  }

  private scanBlocks(blocks: TextBlock[], touched = new Set<Region>()): void {
    const regionCache = new Map<Element, Element>();
    const fresh: ScannedBlock[] = [];
    for (const block of blocks) this.scanBlock(block, touched, regionCache, fresh);
    this.settle(touched, fresh);
  }

  /**
   * Scans a block into `into`, split first where layout starts a new box inside it; parts that
   * name nothing are not kept (nothing to paint, forget or re-decide).
   */
  private scanBlock(
    block: TextBlock,
    touched: Set<Region>,
    regionCache: Map<Element, Element>,
    into: ScannedBlock[],
  ): void {
    const parts = this.options.checkVisibility ? splitAtBoxes(block) : undefined;
    if (!parts) this.scanPart(block, touched, regionCache, into);
    else for (const part of parts) this.scanPart(part, touched, regionCache, into);
  }

  private scanPart(
    block: TextBlock,
    touched: Set<Region>,
    regionCache: Map<Element, Element>,
    into: ScannedBlock[],
  ): void {
    let result = this.matcher.find(block.text);
    if (isEmpty(result)) return;
    // Hidden inline text is left out only now (see withoutHidden): most blocks name nothing.
    if (this.options.checkVisibility) {
      const shown = withoutHidden(block);
      // (Bounded: a page hiding hundreds of named blocks, a mega-menu, should not make every
      // class change on the page a search through them.)
      if (shown !== block && this.hiddenNames.size < MAX_HIDDEN_NAMES) this.hiddenNames.add(block.element);
      if (!shown) return;
      if (shown !== block) {
        block = shown;
        result = this.matcher.find(block.text);
        if (isEmpty(result)) return;
      }
    }
    // Sibling blocks share their parent's region (unless a block is a region itself).
    const own = REGION_TAGS.has(block.element.localName);
    const parent = block.element.parentElement;
    let region = own || !parent ? undefined : regionCache.get(parent);
    if (!region) {
      region = contextRegion(block.element);
      if (!own && parent) regionCache.set(parent, region);
    }
    const chrome = this.chrome.isChrome(block.element) || isLinkList(block) || isRightsNotice(block);
    const scanned: ScannedBlock = { block, region, chrome, result, mentions: [], claims: [] };
    this.record(scanned, touched);
    into.push(scanned);
  }

  /**
   * Decides the ambiguous names of every block in the touched regions with what each region now
   * knows: a horoscope box beside an article about Google does not make its "Gemini" the model.
   */
  private settle(touched: Set<Region>, fresh: readonly ScannedBlock[]): void {
    this.ordered = undefined;
    const contextOf = (scanned: ScannedBlock) => {
      const region = this.regionOf(scanned.region);
      return { entities: region.entities.present, otherSense: region.otherSense.present };
    };
    for (const scanned of fresh)
      this.place(scanned, this.matcher.resolve(scanned.result, contextOf(scanned)));
    // Earlier blocks change only where an ambiguous name now has (or lost) its context.
    const freshSet = new Set(fresh);
    for (const region of touched) {
      for (const scanned of region.undecided) {
        if (!freshSet.has(scanned))
          this.place(scanned, this.matcher.resolve(scanned.result, contextOf(scanned)));
      }
    }
  }

  private place(scanned: ScannedBlock, mentions: Mention[]): void {
    if (sameMentions(mentions, scanned.mentions)) return;
    this.dirty = true;
    this.changed.add(scanned.block.element);
    const { block } = scanned;
    // Claims only where readers read (not in menus or footers), about the block's own mentions.
    const claims = scanned.chrome ? [] : findClaims(block.text, mentions);
    if (claims.length > 0 || scanned.claims.length > 0) this.claimsChanged = true;
    if (claims.length > 0) this.claimBlocks.add(scanned);
    else this.claimBlocks.delete(scanned);
    scanned.claims = claims.map((c) => ({
      kind: c.kind,
      entityId: c.entityId,
      text: block.text.slice(c.start, c.end),
      range: markRange(block, c.start, c.end),
    }));
    scanned.mentions = this.withShown(
      scanned,
      mentions.map((m) => {
        const at = claims.findIndex((c) => c.sentence[0] <= m.start && m.end <= c.sentence[1]);
        return {
          ...m,
          block,
          shown: true,
          range: markRange(block, m.start, m.end),
          text: block.text.slice(m.start, m.end),
          ...(at >= 0 ? { claim: scanned.claims[at] } : {}),
        };
      }),
    );
  }

  /** The claim cues on the page (what the claim highlight paints). */
  claims(): PageClaim[] {
    return [...this.claimBlocks].flatMap((b) => b.claims);
  }

  /** True once after the claim cues changed (a block gained or lost some): time to repaint them. */
  takeClaimsChanged(): boolean {
    const changed = this.claimsChanged;
    this.claimsChanged = false;
    return changed;
  }

  /** The mentions with `shown` set by the block's chrome flag and the density setting. */
  private withShown(scanned: ScannedBlock, mentions: PageMention[]): PageMention[] {
    const first = this.options.density === 'first';
    // The usual case: every mention of a content block shown, as placed.
    if (!first && !scanned.chrome && mentions.every((m) => m.shown)) return mentions;
    // The first of each entity per paragraph: earlier parts of the same element count too.
    const seen = new Set<string>();
    if (first)
      for (const b of this.scanned.get(scanned.block.element) ?? []) {
        if (b === scanned) break;
        for (const m of b.mentions) if (m.shown) seen.add(m.entityId);
      }
    return mentions.map((m) => {
      const shown = !scanned.chrome && (!first || !seen.has(m.entityId));
      if (shown) seen.add(m.entityId);
      return m.shown === shown ? m : { ...m, shown };
    });
  }

  private regionOf(element: Element): Region {
    let region = this.regions.get(element);
    if (!region) {
      region = { entities: new Tally(), otherSense: new Tally(), undecided: new Set() };
      this.regions.set(element, region);
    }
    return region;
  }

  private record(scanned: ScannedBlock, touched: Set<Region>): void {
    const element = scanned.block.element;
    const list = this.scanned.get(element);
    if (list) list.push(scanned);
    else this.scanned.set(element, [scanned]);
    for (const node of scanned.block.nodes) this.byNode.set(node, scanned);
    if (isShadowRoot(element.getRootNode())) this.shadowElements.add(element);
    const region = this.regionOf(scanned.region);
    if (scanned.result.ambiguous.length > 0) region.undecided.add(scanned);
    region.entities.add(this.matcher.namedFor(scanned.result), 1);
    region.otherSense.add(scanned.result.otherSense, 1);
    touched.add(region);
  }

  private forgetBlock(scanned: ScannedBlock, touched: Set<Region>): void {
    this.ordered = undefined;
    if (this.claimBlocks.delete(scanned)) this.claimsChanged = true;
    if (scanned.mentions.length > 0) {
      this.dirty = true;
      this.changed.add(scanned.block.element);
    }
    const list = this.scanned.get(scanned.block.element);
    if (list) {
      const rest = list.filter((b) => b !== scanned);
      if (rest.length) this.scanned.set(scanned.block.element, rest);
      else {
        this.scanned.delete(scanned.block.element);
        this.shadowElements.delete(scanned.block.element);
      }
    }
    for (const node of scanned.block.nodes) if (this.byNode.get(node) === scanned) this.byNode.delete(node);
    const region = this.regionOf(scanned.region);
    region.undecided.delete(scanned);
    region.entities.add(this.matcher.namedFor(scanned.result), -1);
    region.otherSense.add(scanned.result.otherSense, -1);
    touched.add(region);
  }

  /** Drops every block at or under `root`. */
  private forget(root: Element, touched: Set<Region>): void {
    // Proportional to the changed subtree, not to the page: look up its elements, and the few
    // scanned elements that live in shadow trees (getElementsByTagName does not enter them).
    const inSubtree = [root, ...Array.from(root.getElementsByTagName('*'))];
    const inShadow = [...this.shadowElements].filter((el) => root.contains(hostOf(el)));
    for (const element of [...inSubtree, ...inShadow]) {
      for (const b of this.scanned.get(element) ?? []) this.forgetBlock(b, touched);
    }
  }

  private pruneDisconnected(removed: Element[], touched: Set<Region>): boolean {
    let changed = false;
    const candidates = [
      ...removed.flatMap((el) => [el, ...Array.from(el.getElementsByTagName('*'))]),
      ...this.shadowElements,
    ];
    for (const element of candidates) {
      const blocks = this.scanned.get(element);
      if (!blocks || element.isConnected) continue;
      for (const b of [...blocks]) this.forgetBlock(b, touched);
      changed = true;
    }
    return changed;
  }
}

/**
 * The blocks under the `first` elements, then every other block under `root`, in page order. A
 * block read first is known by its element: a first element's subtree yields every block of the
 * elements in it, so the full walk skips exactly those.
 */
function* firstThenRest(
  root: Element,
  first: readonly Element[],
  options: CollectOptions,
): Generator<TextBlock> {
  // The usual case (a page opened at its top): no second generator around the walk.
  if (first.length === 0) {
    yield* iterateBlocks(root, options);
    return;
  }
  const unique = [...new Set(first)];
  const outer = unique.filter(
    (el) => el !== root && root.contains(el) && !unique.some((other) => other !== el && other.contains(el)),
  );
  const early = new Set<Element>();
  for (const element of outer) {
    if (isInsideSkipped(element, options)) continue;
    for (const block of iterateBlocks(element, options)) {
      early.add(block.element);
      yield block;
    }
  }
  for (const block of iterateBlocks(root, options)) if (!early.has(block.element)) yield block;
}

/** A shadow root, told apart without the ShadowRoot global (absent in the scan CLI's Node). */
function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The outermost host of a node in (nested) shadow trees, or the node itself. */
function hostOf(node: Node): Node {
  const root = node.getRootNode();
  return isShadowRoot(root) ? hostOf(root.host) : node;
}

/**
 * Page order of two mentions, also across shadow trees (where nodes of two trees do not compare),
 * by their start text nodes: no Range is made (a long page's list sorts thousands of mentions).
 */
function comparePageOrder(a: PageMention, b: PageMention): number {
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset - b.range.startOffset;
  const [nx, ny] = x.getRootNode() === y.getRootNode() ? [x, y] : [hostOf(x), hostOf(y)];
  if (nx === ny) return 0;
  return nx.compareDocumentPosition(ny) & 4 /* FOLLOWING */ ? -1 : 1;
}

function isEmpty(result: FindResult): boolean {
  return result.mentions.length === 0 && result.ambiguous.length === 0 && result.otherSense.length === 0;
}

function sameMentions(next: readonly Mention[], current: readonly PageMention[]): boolean {
  return (
    next.length === current.length &&
    next.every(
      (m, i) =>
        m.start === current[i]!.start && m.end === current[i]!.end && m.entityId === current[i]!.entityId,
    )
  );
}

const REGION_TAGS = new Set(['article', 'aside', 'nav', 'main', 'header', 'footer', 'section', 'body']);

/**
 * The region whose names give context to an ambiguous name: the nearest sectioning element, except
 * that sections inside an article share the article's context.
 */
export function contextRegion(element: Element): Element {
  let region: Element | null = null;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const tag = el.localName;
    if (tag === 'article') return el;
    if (!region && REGION_TAGS.has(tag)) region = el;
  }
  return region ?? element.ownerDocument.documentElement;
}

/** A live Range over the mention, for measuring (client rects) and comparing. */
export function liveRange(mention: PageMention): Range {
  return rangeFor(mention.block, mention.start, mention.end);
}

/** True when the point (x, y) falls inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
