/**
 * The Firefox build in real Firefox, on web pages: marks on the English and Chinese demo pages,
 * cards by hover and from the keyboard, the page's DOM left as the page built it, a strict CSP, and
 * no request to any host but the local fixture server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { ACTIVE, pageHighlightTexts } from '../e2e/page-side';
import {
  cardText,
  describeInFirefox,
  evaluateIn,
  hoverMark,
  markedTexts,
  pressAltShift,
  waitForScan,
} from './helpers';

const ARTICLE = `<p>OpenAI said GPT-4 leads, while 01.AI's Yi-34B and Alibaba's Qwen chase it.</p>
<p>NVIDIA sells the H800 and A800 in China; ByteDance and Baidu are buyers.</p>`;

/** Generated pages; every other path is a file from tests/fixtures/pages. */
const PAGES: Record<string, { body: string; headers?: Record<string, string> }> = {
  '/plain.html': {
    body: `<!doctype html><html lang="en"><head><title>Plain</title></head><body><main>${ARTICLE}
      <p><input id="input" value=""></p></main>
      <script>window.__before = document.documentElement.outerHTML;</script></body></html>`,
  },
  '/csp.html': {
    headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
    body: `<!doctype html><html lang="en"><head><title>CSP</title></head><body><main>${ARTICLE}</main></body></html>`,
  },
};

describeInFirefox('Firefox: web pages', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer(undefined, (path) => PAGES[path]);
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(path));
    await waitForScan(page);
    return page;
  }

  it('marks the names in the English article and nothing in the search box, comments or code', async () => {
    const page = await open('en-yi-llama.html');
    const article = await markedTexts(page, '[data-testid="article"]');
    for (const name of ['Yi-34B', '01.AI', 'LLaMA', 'Llama 2', 'OpenAI', 'GPT-4', 'NVIDIA', 'H800']) {
      expect(article, name).toContain(name);
    }
    for (const selector of ['search', 'comment-textarea', 'comment-draft', 'code', 'hidden']) {
      expect(await markedTexts(page, `[data-testid="${selector}"]`), selector).toEqual([]);
    }
    await page.close();
  });

  it('marks the Chinese names, full-width and Traditional forms included', async () => {
    const page = await open('zh-hundred-models.html');
    const article = await markedTexts(page, '[data-testid="article"]');
    for (const name of ['零一万物', '字节跳动', '文心一言', '通义千问', '英伟达', 'ＧＰＴ－４', '月之暗面']) {
      expect(article, name).toContain(name);
    }
    expect(
      article.some((t) => t.startsWith('輝達')),
      article.join('|'),
    ).toBe(true);
    await page.close();
  });

  it('leaves the page’s DOM exactly as the page built it, with a card open too', async () => {
    const page = await open('plain.html');
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['OpenAI', 'GPT-4', 'Yi-34B', 'NVIDIA']));
    const dom = () =>
      page.evaluate(() => ({
        before: (window as unknown as { __before: string }).__before,
        after: document.documentElement.outerHTML,
      }));
    const { before, after } = await dom();
    expect(after).toBe(before);
    // The card's host is the one element Assay adds, and only while a card has been opened.
    await hoverMark(page, 'GPT-4');
    await expect.poll(() => cardText(page)).toContain('GPT-4');
    const withCard = await page.evaluate(() => {
      const host = document.querySelector('assay-card')!;
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelector('assay-card')!.remove();
      return { hostParent: host.parentElement!.tagName, rest: copy.outerHTML };
    });
    expect(withCard).toEqual({ hostParent: 'HTML', rest: before });
    await page.close();
  });

  it('opens a card on hover with sourced facts, and closes it on Escape', async () => {
    const page = await open('en-yi-llama.html');
    await hoverMark(page, 'Yi-34B');
    await expect.poll(() => cardText(page)).toMatch(/Yi-34B/);
    const text = (await cardText(page))!;
    expect(text).toMatch(/Provenance/i);
    expect(text).toMatch(/Benchmark robustness/i);
    expect(text).toMatch(/Parameters\s+34B/);
    expect(text).toMatch(/Dataset as of \d{4}-\d{2}-\d{2}/);
    const card = await page.evaluate(() => {
      const root = document.querySelector('assay-card')!.shadowRoot!;
      const dialog = root.querySelector('.assay-card')!;
      const box = dialog.getBoundingClientRect();
      return {
        role: dialog.getAttribute('role'),
        sources: [...root.querySelectorAll<HTMLAnchorElement>('a.source')].map((a) => a.href),
        inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      };
    });
    expect(card.role).toBe('dialog');
    expect(card.sources.length).toBeGreaterThan(0);
    for (const href of card.sources) expect(href).toMatch(/^https?:\/\//);
    expect(card.inside).toBe(true);
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual(['Yi-34B']);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual([]);
    await page.close();
  });

  it('opens a card from the keyboard, moves focus into it, and gives focus back on Escape', async () => {
    const page = await open('en-yi-llama.html');
    const marks = await markedTexts(page);
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.tagName === 'ASSAY-CARD'
          ? (active.shadowRoot?.activeElement?.className ?? '')
          : (active?.tagName ?? '');
      });
    await pressAltShift(page, 'KeyJ');
    await expect.poll(() => cardText(page)).not.toBeNull();
    await expect.poll(focused).toBe('assay-card');
    expect(await evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual([marks[0]]);
    await pressAltShift(page, 'KeyJ');
    await expect.poll(() => evaluateIn(page)(pageHighlightTexts, ACTIVE)).toEqual([marks[1]]);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await focused()).toBe('BODY');
    await page.close();
  });

  it('marks and opens cards under a strict content security policy', async () => {
    const page = await open('csp.html');
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['OpenAI', 'GPT-4', 'H800']));
    await hoverMark(page, 'GPT-4');
    await expect.poll(() => cardText(page)).toContain('GPT-4');
    await page.close();
  });

  it('sent no request anywhere but the local fixture server', async () => {
    expect(firefox.offHostRequests).toEqual([]);
    expect(server.requests.every((p) => p.endsWith('.html') || p === '/favicon.ico')).toBe(true);
    // The trap is wired: a request a page makes to another host reaches it.
    const page = await firefox.browser.newPage();
    await page.goto(server.url('plain.html'));
    await page.evaluate(() => fetch('https://elsewhere.invalid/probe').catch(() => undefined));
    expect(firefox.offHostRequests).toEqual(['https://elsewhere.invalid:443']);
    await page.close();
  });
});
