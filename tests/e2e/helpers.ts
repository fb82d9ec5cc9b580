import type { Page } from 'playwright-core';

/** Texts of the ranges Assay registered as marks on the page (read from the page's highlight registry). */
export async function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('assay-mention');
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  });
}

/** Waits until Assay has registered at least `min` marks and the count has settled (long pages
 * are scanned in slices, painted as they go). */
export async function waitForMarks(page: Page, min = 1): Promise<string[]> {
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
  return markedTexts(page);
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

/** Whether any registered mark lies inside an element matching `selector`. */
export async function marksInside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const roots = [...document.querySelectorAll(sel)];
    return [...(CSS.highlights.get('assay-mention') ?? [])]
      .filter((r) => roots.some((root) => root.contains((r as Range).startContainer)))
      .map((r) => r.toString());
  }, selector);
}
