import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A mark as the page holds it: its text, and where it starts and ends within its closest `<p>`
 * (`paragraph` is that element's index among the page's `<p>` elements, -1 when there is none). */
export interface MarkSpan {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

/** Texts of every mark on the page, in page order (see {@link markedSpans}). */
export async function markedTexts(page: Page, inside?: string): Promise<string[]> {
  return (await markedSpans(page, inside)).map((mark) => mark.text);
}

/**
 * Every mark on the page, in page order. Assay registers only the marks within a screen of the
 * viewport (lib/dom/mark-window.ts), so this scrolls through the page, collects what the page's
 * highlight registry holds at each stop, and scrolls back. With `inside`, only marks inside an
 * element matching that selector.
 */
export async function markedSpans(page: Page, inside?: string): Promise<MarkSpan[]> {
  return page.evaluate(async (selector) => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const seen = new Set<AbstractRange>();
    const collect = () => {
      for (const range of CSS.highlights.get('assay-mention') ?? []) seen.add(range);
    };
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
  }, inside);
}

/** Waits until Assay has registered at least `min` marks and the count has settled (long pages
 * are scanned in slices, painted as they go); returns the texts of all marks. */
export async function waitForMarks(page: Page, min = 1): Promise<string[]> {
  await waitForScan(page, min);
  return markedTexts(page);
}

/** Waits until Assay has registered at least `min` marks and the count has settled. */
export async function waitForScan(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => (CSS.highlights.get('assay-mention')?.size ?? 0) >= n, min, {
    timeout: 15_000,
  });
  let last = -1;
  for (;;) {
    const size = await page.evaluate(() => CSS.highlights.get('assay-mention')?.size ?? 0);
    if (size === last) break;
    last = size;
    await page.waitForTimeout(150);
  }
}

/** The centre of the first mark whose text is `text`, in viewport coordinates (scrolled into view). */
export async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const range = [...(CSS.highlights.get('assay-mention') ?? [])].find((r) => r.toString() === wanted) as
      Range | undefined;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  if (!point) throw new Error(`no mark with text ${text}`);
  return point;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations, optionally only those inside `within` (a host tag). */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            ctx?: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .filter((v) => !within || v.targets.some((t) => t.includes(within)))
    .map((v) => `${v.id}: ${v.targets.join(' ')}`);
}
