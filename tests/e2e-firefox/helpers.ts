/**
 * Helpers for the Firefox e2e tests (puppeteer-core over WebDriver BiDi): the page-side functions
 * are the Chromium tests' own (tests/e2e/page-side.ts); here is only what differs by driver.
 */
import { describe } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { FIREFOX_HINT, firefoxCandidates, firefoxPath } from '../../scripts/firefox';
import {
  markPointWith,
  pageHighlightSize,
  pageMarkSpans,
  waitForScanWith,
  type Evaluate,
} from '../e2e/page-side';

const missing = !firefoxPath();
// On CI a missing Firefox is a failure (launching says how to install it), never a silent skip.
const skip = missing && !process.env.CI;
if (skip) {
  console.warn(
    `\n[firefox e2e] SKIPPED: no Firefox binary (looked for ${firefoxCandidates().join(', ')}). ` +
      `${FIREFOX_HINT}\n`,
  );
}

/** `describe`, skipped (with the message above) where no Firefox is installed, except on CI. */
export const describeInFirefox = describe.skipIf(skip);

/** Page-side functions passed to puppeteer's evaluate (one argument, as page-side.ts expects). */
export const evaluateIn =
  (page: Page): Evaluate =>
  (fn, arg) =>
    page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>;

/** Texts of every mark on the page, in page order; with `inside`, only inside that selector. */
export async function markedTexts(page: Page, inside?: string): Promise<string[]> {
  return (await evaluateIn(page)(pageMarkSpans, inside)).map((mark) => mark.text);
}

/** Waits until Assay has registered at least `min` marks and the count has settled. */
export async function waitForScan(page: Page, min = 1): Promise<void> {
  await waitForScanWith(evaluateIn(page), min);
}

/** How many ranges the highlight `name` holds in the page (0 when it is not registered). */
export async function highlightSize(page: Page, name: string): Promise<number> {
  return evaluateIn(page)(pageHighlightSize, name);
}

/** The centre of the first mark whose text is `text`, in viewport coordinates (scrolled into view). */
export async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  return markPointWith(evaluateIn(page), text);
}

/** Moves the pointer onto the mark whose text is `text` (the card opens after a short pause). */
export async function hoverMark(page: Page, text: string): Promise<void> {
  const point = await markPoint(page, text);
  // From a corner first: a move to where the pointer already is fires no pointermove.
  await page.mouse.move(1, 1);
  await page.mouse.move(point.x, point.y);
}

/** The open card's text on the page (innerText, as a reader sees it), or null when none is open. */
export async function cardText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (document.querySelector('assay-card')?.shadowRoot?.querySelector('.assay-card') as HTMLElement | null)
        ?.innerText ?? null,
  );
}

/** Presses Alt+Shift+`code` (Assay's keys to walk the marks). */
export async function pressAltShift(page: Page, code: 'KeyJ' | 'KeyK'): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(code);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** Sets a form field's value as typing would end (an `input` and a `change` event), for Preact. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector, { timeout: 10_000 });
  await field!.evaluate((el, text) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    // The prototype's setter: Preact may have its own value property on the element.
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Clicks (with the mouse) the first element matching `selector` whose trimmed text is `text`. */
export async function clickText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  const pattern = typeof text === 'string' ? `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : text.source;
  const handle = await page.waitForFunction(
    (sel: string, source: string) =>
      [...document.querySelectorAll(sel)].find((el) => new RegExp(source).test(el.textContent?.trim() ?? '')),
    { timeout: 10_000 },
    selector,
    pattern,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} with text ${String(text)}`);
  await (element as ElementHandle<Element>).click();
}

/** The text of the first element matching `selector` (innerText), or null when there is none. */
export async function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate(
    (sel: string) => (document.querySelector(sel) as HTMLElement | null)?.innerText ?? null,
    selector,
  );
}
