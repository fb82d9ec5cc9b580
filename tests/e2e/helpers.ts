import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { markPointWith, pageMarkSpans, waitForScanWith, type Evaluate, type MarkSpan } from './page-side';

export type { MarkSpan } from './page-side';

/** Page-side functions passed to Playwright's evaluate (one argument, as page-side.ts expects). */
const evaluateIn =
  (page: Page): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>;

/** Texts of every mark on the page, in page order (see {@link markedSpans}). */
export async function markedTexts(page: Page, inside?: string): Promise<string[]> {
  return (await markedSpans(page, inside)).map((mark) => mark.text);
}

/** Every mark on the page, in page order; with `inside`, only marks inside an element matching
 * that selector (see pageMarkSpans). */
export async function markedSpans(page: Page, inside?: string): Promise<MarkSpan[]> {
  return page.evaluate(pageMarkSpans, inside);
}

/** Waits until Assay has registered at least `min` marks and the count has settled (long pages
 * are scanned in slices, painted as they go); returns the texts of all marks. */
export async function waitForMarks(page: Page, min = 1): Promise<string[]> {
  await waitForScan(page, min);
  return markedTexts(page);
}

/** Waits until Assay has registered at least `min` marks and the count has settled. */
export async function waitForScan(page: Page, min = 1): Promise<void> {
  await waitForScanWith(evaluateIn(page), min);
}

/** The centre of the first mark whose text is `text`, in viewport coordinates (scrolled into view). */
export async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  return markPointWith(evaluateIn(page), text);
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
