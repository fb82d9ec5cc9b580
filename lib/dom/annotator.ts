/**
 * Finds mentions in a document's text and keeps them as Ranges, without touching the DOM: the
 * caller paints them (CSS Custom Highlight API) and asks which mention sits under a point.
 */
import type { AliasMatcher, Mention } from '../match/matcher';
import { collectBlocks, rangeFor, type CollectOptions, type TextBlock } from './blocks';

/** A mention placed in the page. */
export interface PageMention extends Mention {
  block: TextBlock;
  range: Range;
  /** The page's text of the mention, as written there. */
  text: string;
}

export class Annotator {
  private mentions: PageMention[] = [];
  private readonly byNode = new Map<Text, { block: TextBlock; mentions: PageMention[] }>();

  constructor(
    private readonly matcher: AliasMatcher,
    private readonly options: CollectOptions = {},
  ) {}

  /** Scans everything under `root`, replacing earlier results; returns the mentions in page order. */
  scan(root: Element): PageMention[] {
    this.mentions = [];
    this.byNode.clear();
    for (const block of collectBlocks(root, this.options)) {
      const found = this.matcher.find(block.text);
      if (found.length === 0) continue;
      const placed = found.map((m) => ({
        ...m,
        block,
        range: rangeFor(block, m.start, m.end),
        text: block.text.slice(m.start, m.end),
      }));
      this.mentions.push(...placed);
      for (const node of block.nodes) this.byNode.set(node, { block, mentions: placed });
    }
    return this.mentions;
  }

  /** The mentions of the last scan, in page order. */
  all(): readonly PageMention[] {
    return this.mentions;
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
}

/** True when the point (x, y) falls inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
