/**
 * Splits a page's readable text into blocks (a paragraph, a list item, a cell...) with an offset map
 * back to the text nodes, so a mention never spans two blocks and offsets turn back into Ranges.
 * Takes the document as a parameter (no globals) so happy-dom can drive it in unit tests.
 */

/** The text of one block and where each of its text nodes starts in it. */
export interface TextBlock {
  /** The block-level element the text belongs to. */
  element: Element;
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
}

/** Elements whose content is never scanned: code, form fields, editors, non-text media, our UI. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Tags that start a new block of text; everything else is treated as inline. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'html',
]);

export interface CollectOptions {
  /** Elements (with their subtrees) to leave out, e.g. Assay's own card host. */
  exclude?: (element: Element) => boolean;
  /**
   * Leaves out what layout does not render (display: none): for isInsideSkipped and the annotator
   * (through withoutHidden); iterateBlocks itself reads structure only. Off without layout.
   */
  checkVisibility?: boolean;
  /** When given, open shadow roots are read too, and each one found is reported here. */
  shadowRoots?: (root: ShadowRoot) => void;
}

/**
 * True for elements whose subtree Assay must not read, as structure tells: skipped tags, editors,
 * excluded elements, the `hidden` attribute (what a DOM without layout, like the scan CLI's, can tell).
 */
function isSkippedElement(element: Element, options: CollectOptions): boolean {
  if (SKIPPED_TAGS.has(element.localName) || isEditingHost(element)) return true;
  if ((element as HTMLElement).isContentEditable) return true;
  if (options.exclude?.(element)) return true;
  return element.hasAttribute('hidden');
}

/** True for an element that makes its content editable (contenteditable other than "false"). */
function isEditingHost(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** False when layout says the element is not rendered (display: none here or above, and the like). */
function isRendered(element: Element): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}

/** True for elements that start a block of text (a mention never crosses one). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/** The nearest block element containing `node` (itself included when it is an element). */
export function blockAncestor(node: Node): Element | null {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.localName)) return el;
  }
  return null;
}

/**
 * The block elements in view: those under a grid of points over the viewport (`width` × `height`),
 * except the page's body and root (reading those first would be reading everything first). None
 * when the page is at its top, where page order is reading order: hit-testing forces the browser
 * to lay out a changed page at once, which on a long page is a long task of its own.
 */
export function blocksInView(doc: Document, width: number, height: number): Element[] {
  const view = doc.defaultView;
  if (!view || (view.scrollY === 0 && view.scrollX === 0)) return [];
  const found = new Set<Element>();
  for (const fx of [0.25, 0.5, 0.75]) {
    for (let fy = 0.05; fy < 1; fy += 0.1) {
      const hit = doc.elementFromPoint(width * fx, height * fy);
      const block = hit && blockAncestor(hit);
      if (block && block !== doc.body && block !== doc.documentElement) found.add(block);
    }
  }
  return [...found];
}

/**
 * True when `element` or an ancestor is a region Assay must not read (see isSkippedElement). With
 * `known`, the answers for the elements on the way up are kept there and reused: a burst of added
 * paragraphs shares its ancestors.
 */
export function isInsideSkipped(
  element: Element,
  options: CollectOptions = {},
  known?: Map<Element, boolean>,
): boolean {
  if (options.checkVisibility && !isRendered(element)) return true;
  const path: Element[] = [];
  let inside = false;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const answer = known?.get(el);
    if (answer !== undefined) {
      inside = answer;
      break;
    }
    path.push(el);
    if (isSkippedElement(el, options)) {
      inside = true;
      break;
    }
  }
  // Every element on the path is inside what was found (or outside everything, like the top).
  if (known) for (const el of path) known.set(el, inside);
  return inside;
}

/** Yields the readable text under `root` as blocks, in page order (so a scan can be sliced). */
export function* iterateBlocks(
  root: Element | ShadowRoot,
  options: CollectOptions = {},
): Generator<TextBlock> {
  let current: TextBlock | undefined;
  // Takes the running block if it has any visible text (whitespace-only blocks are dropped).
  const take = (): TextBlock | undefined => {
    const block = current && /\S/.test(current.text) ? current : undefined;
    current = undefined;
    return block;
  };
  // A hand-written walk (a TreeWalker with a JS filter costs several times more on long pages),
  // keeping the enclosing block elements on a stack instead of looking them up per text node.
  const blocks: Element[] = [
    root.nodeType === 1 ? (blockAncestor(root) ?? (root as Element)) : (root as ShadowRoot).host,
  ];
  // The per-element checks of isSkippedElement, with editing hosts and `hidden` elements looked up
  // once per root (one selector query instead of attribute reads per element). A document in
  // design mode is an editor throughout: nothing in it is read.
  const doc = root.ownerDocument ?? (root as unknown as Document);
  if (doc.designMode === 'on') return;
  const marked = new Set<Element>();
  for (const el of root.querySelectorAll('[contenteditable],[hidden]'))
    if (el.hasAttribute('hidden') || isEditingHost(el)) marked.add(el);
  // Layout is not asked here: a check per element was a third of a long page's text extraction.
  // withoutHidden asks it of the parents of a block's text nodes, for the few blocks that name
  // something (the parent of hidden text is never rendered, whichever ancestor hides it).
  const { exclude } = options;
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      const isBlock = BLOCK_TAGS.has(tag);
      if (!SKIPPED_TAGS.has(tag) && !marked.has(el) && !(exclude !== undefined && exclude(el))) {
        // Entering any block element ends the running block, so a block's text never includes
        // the text of a nested block (a <p> inside a <div> is its own block).
        if (isBlock) {
          const done = take();
          if (done) yield done;
        }
        // An open shadow root (a web component's text) is read as blocks of its own.
        const shadow = el.shadowRoot;
        if (shadow && options.shadowRoots) {
          const done = take();
          if (done) yield done;
          options.shadowRoots(shadow);
          yield* iterateBlocks(shadow, options);
        }
        if (el.firstChild) {
          if (isBlock) blocks.push(el);
          descend = true;
        }
      }
    } else if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length > 0) {
        const block = blocks[blocks.length - 1]!;
        if (!current || current.element !== block) {
          const done = take();
          if (done) yield done;
          current = { element: block, text: '', nodes: [], starts: [] };
        }
        current.nodes.push(text);
        current.starts.push(current.text.length);
        current.text += data;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Next in document order: a sibling, or climb (leaving blocks) until one has a sibling.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node === blocks[blocks.length - 1] && blocks.length > 1) blocks.pop();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  const last = take();
  if (last) yield last;
}

/**
 * The block without the text of elements layout does not render, or undefined when nothing visible
 * is left; the block itself when all of it is rendered (the usual case). iterateBlocks leaves layout
 * alone, so a block read with `checkVisibility` needs this before its mentions count: a text node is
 * hidden when its parent element is not rendered.
 */
export function withoutHidden(block: TextBlock): TextBlock | undefined {
  let visible: boolean[] | undefined;
  let parent: Element | null = null;
  let shown = true;
  for (let i = 0; i < block.nodes.length; i++) {
    // A text node right under a shadow root has no parent element: its host is the block element.
    const next = block.nodes[i]!.parentElement ?? block.element;
    if (next !== parent) {
      parent = next;
      shown = isRendered(next);
    }
    if (!shown) visible ??= block.nodes.map(() => true);
    if (visible) visible[i] = shown;
  }
  if (!visible) return block;
  const kept: TextBlock = { element: block.element, text: '', nodes: [], starts: [] };
  block.nodes.forEach((node, i) => {
    if (!visible[i]) return;
    kept.nodes.push(node);
    kept.starts.push(kept.text.length);
    kept.text += node.data;
  });
  return /\S/.test(kept.text) ? kept : undefined;
}

/** ASCII letters and digits: the characters a Latin name's word boundary is about. */
function isLatinWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * True when layout starts a new box between two text nodes of one block: an element on the way from
 * either node up to their common ancestor is displayed as anything but inline ("display: block" on a
 * span, a flex item, an inline-block).
 */
function boxBetween(a: Text, b: Text, top: Element): boolean {
  const view = top.ownerDocument.defaultView;
  if (!view) return false;
  const between: Element[] = [];
  for (let el = a.parentElement; el && el !== top && !el.contains(b); el = el.parentElement) between.push(el);
  for (let el = b.parentElement; el && el !== top && !el.contains(a); el = el.parentElement) between.push(el);
  return between.some((el) => {
    // "" is a DOM without layout (happy-dom's default for most tags): inline, as tags say.
    const display = view.getComputedStyle(el).display;
    return display !== '' && display !== 'inline' && display !== 'contents';
  });
}

/**
 * The block split where layout starts a new box between two of its text nodes that touch with no
 * space ("Learn how" in one `display: block` span, "Microsoft Store" in the next): tag names alone
 * read them as one word, "howMicrosoft". Layout is asked only at such letter-to-letter junctions, so
 * ordinary prose costs two character checks per text node. Returns undefined when nothing splits
 * (no array is made for the usual block).
 */
export function splitAtBoxes(block: TextBlock): TextBlock[] | undefined {
  const { nodes } = block;
  let cuts: number[] | undefined;
  for (let i = 1; i < nodes.length; i++) {
    const prev = nodes[i - 1]!.data;
    if (!isLatinWordCode(prev.charCodeAt(prev.length - 1)) || !isLatinWordCode(nodes[i]!.data.charCodeAt(0)))
      continue;
    if (boxBetween(nodes[i - 1]!, nodes[i]!, block.element)) (cuts ??= []).push(i);
  }
  if (!cuts) return undefined;
  const parts: TextBlock[] = [];
  for (const [k, from] of [0, ...cuts].entries()) {
    const to = cuts[k] ?? nodes.length;
    const part: TextBlock = { element: block.element, text: '', nodes: [], starts: [] };
    for (let i = from; i < to; i++) {
      part.nodes.push(nodes[i]!);
      part.starts.push(part.text.length);
      part.text += nodes[i]!.data;
    }
    if (/\S/.test(part.text)) parts.push(part);
  }
  return parts;
}

/** Collects the readable text under `root` as blocks; whitespace-only blocks are dropped. */
export function collectBlocks(root: Element | ShadowRoot, options: CollectOptions = {}): TextBlock[] {
  return [...iterateBlocks(root, options)];
}

/** Index of the node of `block` containing text offset `offset` (a start offset). */
export function nodeIndexAt(block: TextBlock, offset: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A mark's range: a StaticRange where the browser has one. Live Ranges are updated by the browser on
 * every DOM change anywhere in the page, a cost the page would pay for each mark (the bench measured
 * seconds on long feeds); static ones cost nothing, and a rescan replaces those whose text changed.
 */
export function markRange(block: TextBlock, start: number, end: number): AbstractRange {
  const StaticRangeCtor = (block.element.ownerDocument.defaultView as (Window & typeof globalThis) | null)
    ?.StaticRange;
  if (typeof StaticRangeCtor !== 'function') return rangeFor(block, start, end);
  const a = nodeIndexAt(block, start);
  const b = nodeIndexAt(block, Math.max(start, end - 1));
  return new StaticRangeCtor({
    startContainer: block.nodes[a]!,
    startOffset: start - block.starts[a]!,
    endContainer: block.nodes[b]!,
    endOffset: end - block.starts[b]!,
  });
}

/** A DOM Range covering [start, end) of the block's text. */
export function rangeFor(block: TextBlock, start: number, end: number): Range {
  const range = block.element.ownerDocument.createRange();
  const a = nodeIndexAt(block, start);
  // An end offset that sits exactly at a node boundary belongs to the earlier node.
  const b = nodeIndexAt(block, Math.max(start, end - 1));
  range.setStart(block.nodes[a]!, start - block.starts[a]!);
  range.setEnd(block.nodes[b]!, end - block.starts[b]!);
  return range;
}
