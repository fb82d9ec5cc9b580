/**
 * Reload and uninstall in real Firefox, with a card open and its mark active. Firefox drops the old
 * content script without running its clean-up (ctx.onInvalidated never fires) and removes the
 * stylesheet the manifest injected. After a reload it injects the new script into open tabs, which
 * removes what the old one left (entrypoints/content/leftovers.ts). After an uninstall no code of
 * ours runs at all: what is left must be invisible without the stylesheet (the card host is shown
 * only through a variable page.css sets, and ::highlight() rules live in page.css too).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { ACTIVE, MENTION, pageHighlightTexts, pageMarkBox } from '../e2e/page-side';
import { cardText, describeInFirefox, evaluateIn, hoverMark, waitForScan } from './helpers';

/** The extension API as an extension page sees it (through globalThis: Vitest's WXT plugin would
 * rewrite a bare `browser` into an import the page lacks). */
interface ExtensionGlobal {
  browser: { runtime: { reload: () => void } };
}

/** What a reader could see of Assay's card, asked at the point where the card was. */
function pageCardState(point: { x: number; y: number }) {
  const hosts = document.querySelectorAll('assay-card');
  const frame = hosts[0]?.shadowRoot?.querySelector<HTMLElement>('.assay-frame');
  return {
    hosts: hosts.length,
    displayed: !!frame && getComputedStyle(frame).display !== 'none',
    // Whether a click at the card's place would reach the card.
    hit: document.elementFromPoint(point.x, point.y)?.tagName === 'ASSAY-CARD',
  };
}

/** Remembers the page's current mention highlight (a new content script registers a new one). */
function pageRememberMentionHighlight(): void {
  (window as unknown as { __old?: Highlight }).__old = CSS.highlights.get('assay-mention');
}

/** True once a mention highlight other than the remembered one holds marks: a new script runs. */
function pageNewScriptMarks(): boolean {
  const current = CSS.highlights.get('assay-mention');
  return !!current && current !== (window as unknown as { __old?: Highlight }).__old && current.size > 0;
}

describeInFirefox('Firefox: reload and uninstall leave nothing behind', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** Opens the English demo page with Yi-34B's card open (hence its mark active); returns where
   * the card and the mark are. */
  async function openWithCard(): Promise<{
    page: Page;
    card: { x: number; y: number };
    mark: { x: number; y: number; width: number; height: number };
  }> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('en-yi-llama.html'));
    await waitForScan(page);
    await hoverMark(page, 'Yi-34B');
    await expect.poll(() => cardText(page)).toContain('Yi-34B');
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual(['Yi-34B']);
    const card = await page.evaluate(() => {
      const box = document.querySelector('assay-card')!.shadowRoot!.querySelector('.assay-card')!;
      const rect = box.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(await page.evaluate(pageCardState, card)).toEqual({ hosts: 1, displayed: true, hit: true });
    const mark = (await evaluateIn(page)(pageMarkBox, 'Yi-34B'))!;
    await page.evaluate(pageRememberMentionHighlight);
    return { page, card, mark };
  }

  it('after a reload, the new script removes the old card and active mark, then marks as usual', async () => {
    const { page, card } = await openWithCard();
    const asker = await firefox.openExtensionPage('options.html');
    // Reloading closes the extension's own tabs: let the evaluation return first.
    await asker.evaluate(() => {
      setTimeout(() => (globalThis as unknown as ExtensionGlobal).browser.runtime.reload(), 50);
    });
    // The reload closes the options tab under the driver, which may then refuse to switch tabs for
    // a moment ("BrowsingContext does no longer exist"): retried until the page is in front.
    await expect
      .poll(() =>
        page.bringToFront().then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    // The new instance has run once it has registered its own mention highlight.
    await expect.poll(() => page.evaluate(pageNewScriptMarks), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(pageCardState, card)).toEqual({ hosts: 0, displayed: false, hit: false });
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual([]);
    expect(await evaluateIn(page)(pageHighlightTexts, MENTION)).toContain('Yi-34B');
    // The new instance opens cards of its own.
    await hoverMark(page, 'Yi-34B');
    await expect.poll(() => cardText(page)).toContain('Yi-34B');
    expect(await page.evaluate(() => document.querySelectorAll('assay-card').length)).toBe(1);
    await page.close();
  });

  it('after an uninstall nothing of the card or the marks shows; a reinstall clears what was left', async () => {
    const { page, card, mark } = await openWithCard();
    // The mark's own box: the active highlight paints a background there.
    const clip = {
      x: Math.ceil(mark.x),
      y: Math.ceil(mark.y),
      width: Math.floor(mark.width) - 1,
      height: Math.floor(mark.height) - 1,
    };
    const marked = await page.screenshot({ clip, encoding: 'base64' });

    await firefox.uninstall();
    await expect
      .poll(() => page.evaluate(pageCardState, card))
      .toEqual({ hosts: 1, displayed: false, hit: false });
    // The old highlights may still be registered, but they paint nothing: the region looks the same
    // as with every highlight taken out of the registry (and put back, for the reinstall below).
    const left = await page.screenshot({ clip, encoding: 'base64' });
    await page.evaluate(() => {
      const saved: [string, Highlight][] = [];
      CSS.highlights.forEach((highlight, name) => void saved.push([name, highlight]));
      (window as unknown as { __saved: typeof saved }).__saved = saved;
      CSS.highlights.clear();
    });
    const bare = await page.screenshot({ clip, encoding: 'base64' });
    await page.evaluate(() => {
      for (const [name, highlight] of (window as unknown as { __saved: [string, Highlight][] }).__saved)
        CSS.highlights.set(name, highlight);
    });
    expect(marked).not.toBe(bare);
    expect(left).toBe(bare);

    await firefox.install();
    await expect.poll(() => page.evaluate(pageNewScriptMarks), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(pageCardState, card)).toEqual({ hosts: 0, displayed: false, hit: false });
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual([]);
    await page.close();
  });
});
