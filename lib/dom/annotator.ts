/**
 * Finds mentions in a document's text and keeps them as Ranges, without touching the DOM: the
 * caller paints them (CSS Custom Highlight API) and asks which mention sits under a point. After
 * the first scan, only the blocks that DOM mutations touch are scanned again.
 */
import type { AliasMatcher, Mention } from '../match/matcher';
import {
  blockAncestor,
  collectBlocks,
  isBlockElement,
  isInsideSkipped,
  rangeFor,
  type CollectOptions,
  type TextBlock,
} from './blocks';

/** A mention placed in the page. */
export interface PageMention extends Mention {
  block: TextBlock;
  range: Range;
  /** The page's text of the mention, as written there. */
  text: string;
}

interface ScannedBlock {
  block: TextBlock;
  mentions: PageMention[];
  /** Ambiguous names left out for want of context; page-level context may admit them later. */
  deferred: string[];
}

/** The part of a MutationRecord the annotator needs (so tests can pass plain objects). */
export interface ChangeRecord {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
}

export class Annotator {
  private readonly scanned = new Map<Element, ScannedBlock[]>();
  private readonly byNode = new Map<Text, ScannedBlock>();
  private ordered: PageMention[] | undefined;
  /** Entities named so far, per context region (context for ambiguous names elsewhere in it). */
  private readonly regionEntities = new Map<Element, Set<string>>();

  constructor(
    private readonly matcher: AliasMatcher,
    private readonly options: CollectOptions = {},
  ) {}

  /** Scans everything under `root`, replacing earlier results; returns the mentions in page order. */
  scan(root: Element): readonly PageMention[] {
    this.scanned.clear();
    this.byNode.clear();
    this.regionEntities.clear();
    this.scanBlocks(collectBlocks(root, this.options));
    return this.all();
  }

  /**
   * Rescans only what `records` touched: the blocks around changed text and added nodes; blocks
   * whose nodes left the document are dropped. Returns true when the set of mentions changed.
   */
  update(records: readonly ChangeRecord[]): boolean {
    const roots = new Set<Element>();
    let pruned = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const block = blockAncestor(record.target);
        if (block) roots.add(block);
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
        if (node.nodeType === 1 && isBlockElement(node as Element)) pruned = true;
        else {
          const block = blockAncestor(record.target);
          if (block) roots.add(block);
        }
      }
    }
    if (pruned) pruned = this.pruneDisconnected();
    // Nested roots: rescanning an ancestor covers its descendants.
    const list = [...roots].filter((r) => r.isConnected && ![...roots].some((o) => o !== r && o.contains(r)));
    if (list.length === 0) return pruned;
    for (const root of list) this.forget(root);
    const fresh = list
      .filter((r) => !isInsideSkipped(r, this.options))
      .flatMap((r) => collectBlocks(r, this.options));
    this.scanBlocks(fresh);
    return true;
  }

  /** The mentions, in page order. */
  all(): readonly PageMention[] {
    if (!this.ordered) {
      const list: PageMention[] = [];
      for (const blocks of this.scanned.values()) for (const b of blocks) list.push(...b.mentions);
      list.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
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
    return mentions.find((m) => m.start <= at && at <= m.end);
  }

  private scanBlocks(blocks: TextBlock[]): void {
    this.ordered = undefined;
    const fresh = blocks.map((block) => this.match(block));
    for (const scanned of fresh) this.record(scanned);
    this.admitDeferred(fresh);
  }

  /**
   * Ambiguous names held back in one block are admitted once a related entity is named elsewhere
   * in the same region of the page (the article, a sidebar box, the comments): a horoscope box
   * beside an article about Google does not make its "Gemini" the model. Earlier blocks are
   * looked at again only when their region gained a new entity.
   */
  private admitDeferred(fresh: ScannedBlock[]): void {
    const gained = new Set<Element>();
    for (const b of fresh) {
      if (b.mentions.length === 0) continue;
      const region = contextRegion(b.block.element);
      let entities = this.regionEntities.get(region);
      if (!entities) this.regionEntities.set(region, (entities = new Set()));
      for (const m of b.mentions) {
        if (!entities.has(m.entityId)) {
          entities.add(m.entityId);
          gained.add(region);
        }
      }
    }
    const waiting = new Set(fresh.filter((b) => b.deferred.length > 0));
    if (gained.size > 0) {
      for (const b of [...this.scanned.values()].flat()) {
        if (b.deferred.length > 0 && gained.has(contextRegion(b.block.element))) waiting.add(b);
      }
    }
    for (const b of waiting) {
      const entities = this.regionEntities.get(contextRegion(b.block.element));
      if (!entities) continue;
      const again = this.match(b.block, entities);
      if (again.mentions.length === b.mentions.length) continue;
      this.forgetBlock(b);
      this.record(again);
    }
  }

  private match(block: TextBlock, page?: ReadonlySet<string>): ScannedBlock {
    const { mentions, deferred } = this.matcher.find(block.text, page);
    return {
      block,
      deferred,
      mentions: mentions.map((m) => ({
        ...m,
        block,
        range: rangeFor(block, m.start, m.end),
        text: block.text.slice(m.start, m.end),
      })),
    };
  }

  private record(scanned: ScannedBlock): void {
    this.ordered = undefined;
    const element = scanned.block.element;
    const list = this.scanned.get(element);
    if (list) list.push(scanned);
    else this.scanned.set(element, [scanned]);
    for (const node of scanned.block.nodes) this.byNode.set(node, scanned);
  }

  private forgetBlock(scanned: ScannedBlock): void {
    this.ordered = undefined;
    const list = this.scanned.get(scanned.block.element);
    if (list) {
      const rest = list.filter((b) => b !== scanned);
      if (rest.length) this.scanned.set(scanned.block.element, rest);
      else this.scanned.delete(scanned.block.element);
    }
    for (const node of scanned.block.nodes) if (this.byNode.get(node) === scanned) this.byNode.delete(node);
  }

  /** Drops every block at or under `root`. */
  private forget(root: Element): void {
    for (const [element, blocks] of [...this.scanned]) {
      if (root === element || root.contains(element)) for (const b of blocks) this.forgetBlock(b);
    }
  }

  private pruneDisconnected(): boolean {
    let changed = false;
    for (const [element, blocks] of [...this.scanned]) {
      if (element.isConnected) continue;
      for (const b of blocks) this.forgetBlock(b);
      changed = true;
    }
    return changed;
  }
}

const REGION_TAGS = new Set(['ARTICLE', 'ASIDE', 'NAV', 'MAIN', 'HEADER', 'FOOTER', 'SECTION', 'BODY']);

/**
 * The region whose names give context to an ambiguous name: the nearest sectioning element, except
 * that sections inside an article share the article's context.
 */
export function contextRegion(element: Element): Element {
  let region: Element | null = null;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'ARTICLE') return el;
    if (!region && REGION_TAGS.has(tag)) region = el;
  }
  return region ?? element.ownerDocument.documentElement;
}

/** True when the point (x, y) falls inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
