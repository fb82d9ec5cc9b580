/**
 * What the e2e tests ask a page about Assay's marks, for any browser driver: functions that run in
 * the page's main world (Playwright's and puppeteer's `page.evaluate` serialise them, so each is
 * self-contained), and waits built on them. The page world sees the content script's highlights:
 * the highlight registry belongs to the document. Ranges are read through live copies (Assay
 * registers StaticRanges, which have no toString) and iterated with forEach (spreading a Highlight
 * throws in Firefox's isolated worlds, and forEach works everywhere).
 */

/** Runs `fn(arg)` in a page's main world and resolves its serialisable result. */
export type Evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/** A mark as the page holds it: its text, and where it starts and ends within its closest `<p>`
 * (`paragraph` is that element's index among the page's `<p>` elements, -1 when there is none). */
export interface MarkSpan {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

/** The mention highlight (lib/settings.ts, default mark style). */
export const MENTION = 'assay-mention';
/** The highlight of the mark whose card is open (entrypoints/content/leftovers.ts). */
export const ACTIVE = 'assay-mention-active';

/**
 * Page function: every mark on the page, in page order. Assay registers only the marks within a
 * screen of the viewport (lib/dom/mark-window.ts), so this scrolls through the page, collects what
 * the highlight holds at each stop, and scrolls back. With `selector`, only marks inside an element
 * matching it.
 */
export async function pageMarkSpans(selector: string | undefined): Promise<MarkSpan[]> {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const seen = new Set<AbstractRange>();
  const collect = () => CSS.highlights.get('assay-mention')?.forEach((range) => void seen.add(range));
  // At each stop, waits until the highlight has not changed for a few frames: the observer
  // reports blocks coming near after a frame's layout, in a task of its own.
  const settle = async () => {
    let last = -1;
    for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
      await frames();
      collect();
      stable = seen.size === last ? stable + 1 : 0;
      last = seen.size;
    }
  };
  const start = window.scrollY;
  const height = document.documentElement.scrollHeight;
  for (let y = 0; ; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await settle();
    if (y + window.innerHeight >= height) break;
  }
  window.scrollTo(0, start);
  await frames();
  const live = (r: AbstractRange) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };
  const hostOf = (node: Node): Node => {
    const root = node.getRootNode();
    return root instanceof ShadowRoot ? hostOf(root.host) : node;
  };
  const roots = selector ? [...document.querySelectorAll(selector)] : [document];
  const paragraphs = [...document.querySelectorAll('p')];
  return [...seen]
    .filter((r) => roots.some((root) => root.contains(r.startContainer)))
    .sort((a, b) => {
      if (a.startContainer.getRootNode() === b.startContainer.getRootNode())
        return live(a).compareBoundaryPoints(Range.START_TO_START, live(b));
      const [x, y] = [hostOf(a.startContainer), hostOf(b.startContainer)];
      return x === y ? 0 : x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map((r) => {
      const range = live(r);
      const paragraph = range.startContainer.parentElement?.closest('p');
      const prefix = document.createRange();
      if (paragraph) {
        prefix.setStart(paragraph, 0);
        prefix.setEnd(range.startContainer, range.startOffset);
      }
      const start = paragraph ? prefix.toString().length : range.startOffset;
      const text = range.toString();
      return {
        text,
        paragraph: paragraph ? paragraphs.indexOf(paragraph) : -1,
        start,
        end: start + text.length,
      };
    });
}

/** Page function: how many ranges the highlight `name` holds (0 when it is not registered). */
export function pageHighlightSize(name: string): number {
  return CSS.highlights.get(name)?.size ?? 0;
}

/** Page function: the texts of the ranges the highlight `name` holds, in the order it holds them. */
export function pageHighlightTexts(name: string): string[] {
  const texts: string[] = [];
  CSS.highlights.get(name)?.forEach((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    texts.push(range.toString());
  });
  return texts;
}

/** Page function: the viewport box of the first mark whose text is `text`, scrolled to the middle
 * of the viewport first; null when no registered mark has that text. */
export function pageMarkBox(text: string): { x: number; y: number; width: number; height: number } | null {
  let found: Range | undefined;
  CSS.highlights.get('assay-mention')?.forEach((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    if (!found && range.toString() === text) found = range;
  });
  if (!found) return null;
  found.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = found.getClientRects()[0]!;
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until Assay has registered at least `min` marks and the count has settled (long pages
 * are scanned in slices, painted as they go); throws after 15 s without `min` marks. */
export async function waitForScanWith(evaluate: Evaluate, min = 1): Promise<void> {
  for (const deadline = Date.now() + 15_000; ; await sleep(100)) {
    if ((await evaluate(pageHighlightSize, MENTION)) >= min) break;
    if (Date.now() > deadline) throw new Error(`fewer than ${min} marks after 15 s`);
  }
  for (let last = -1; ; await sleep(150)) {
    const size = await evaluate(pageHighlightSize, MENTION);
    if (size === last) break;
    last = size;
  }
}

/** The centre of the first mark whose text is `text`, in viewport coordinates (scrolled into view). */
export async function markPointWith(evaluate: Evaluate, text: string): Promise<{ x: number; y: number }> {
  const box = await evaluate(pageMarkBox, text);
  if (!box) throw new Error(`no mark with text ${text}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
