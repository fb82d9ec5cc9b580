/**
 * The built extension in real Chromium: marks on fixture news pages, cards by hover and keyboard
 * with facts from IndexedDB, popup and options with data, and no network requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { PAGES_DIR, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { createScanner } from '../../scripts/scan-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, markPoint, markedTexts, waitForMarks } from './helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
const outsideRequests: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  browser.context.on('request', (req) => {
    const url = new URL(req.url());
    const allowed =
      url.origin === server.origin ||
      (url.protocol === 'chrome-extension:' && url.host === browser.extensionId) ||
      url.protocol === 'data:';
    if (!allowed) outsideRequests.push(req.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(file));
  await waitForMarks(page);
  return page;
}

const card = (page: Page) => page.locator('assay-card .assay-card');

/** The extension API as an extension page sees it (only what these tests call). */
declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('marks on a news page', () => {
  it('marks the names in the article and nothing in inputs, editors, code or hidden text', async () => {
    const page = await open('en-yi-llama.html');
    const article = await markedTexts(page, '[data-testid="article"]');
    for (const name of [
      'Yi-34B',
      'Yi-6B',
      '01.AI',
      'LLaMA',
      'Llama 2',
      'OpenAI',
      'ByteDance',
      'GPT-4',
      'NVIDIA',
      'A100',
      'H800',
      'Microsoft',
    ]) {
      expect(article, name).toContain(name);
    }
    for (const selector of [
      'search',
      'comment-textarea',
      'comment-draft',
      'code',
      'hidden',
      'horoscope',
      'claude-comment',
    ]) {
      expect(await markedTexts(page, `[data-testid="${selector}"]`), selector).toEqual([]);
    }
    const all = await markedTexts(page);
    expect(all.some((t) => /yield|metadata/i.test(t))).toBe(false);
    // The page's DOM is untouched: no wrapper elements, the host appears only once a card opens.
    expect(await page.locator('mark, assay-card').count()).toBe(0);
    await page.close();
  });

  it('marks Chinese names, including full-width forms', async () => {
    const page = await open('zh-hundred-models.html');
    const article = await markedTexts(page, '[data-testid="article"]');
    for (const name of ['零一万物', '字节跳动', '文心一言', '通义千问', '英伟达', 'ＧＰＴ－４', '月之暗面']) {
      expect(article, name).toContain(name);
    }
    // Traditional characters fold with the table that comes with the matcher index, not the bundle.
    expect(
      article.some((t) => t.startsWith('輝達')),
      article.join('|'),
    ).toBe(true);
    expect(await markedTexts(page, '[data-testid="search"], [data-testid="comment-textarea"]')).toEqual([]);
    await page.close();
  });
});

describe('the scan CLI agrees with the browser', () => {
  it('finds the same mentions, in the same order, on every fixture page', async () => {
    const scanner = createScanner();
    for (const file of readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html'))) {
      const cli = scanner.scanHtml(readFileSync(join(PAGES_DIR, file), 'utf8')).map((m) => m.text);
      const page = await open(file);
      expect(await markedTexts(page), file).toEqual(cli);
      await page.close();
    }
  });
});

describe('cards', () => {
  it('underlines the claims sentences make, and the card leads with the claim and its record', async () => {
    const page = await open('en-yi-llama.html');
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('assay-claim')?.size ?? 0))
      .toBeGreaterThan(0);
    // A mark in the paragraph where 01.AI says it trained Yi-34B from scratch.
    const point = await page.evaluate(() => {
      const claim = [...(CSS.highlights.get('assay-claim') ?? [])].find(
        (r) => r.toString() === 'trained from scratch',
      ) as Range | undefined;
      const paragraph = claim?.startContainer.parentElement?.closest('p');
      if (!paragraph) return null;
      paragraph.scrollIntoView({ block: 'center' });
      const mark = [...(CSS.highlights.get('assay-mention') ?? [])].find((r) =>
        paragraph.contains(r.startContainer),
      ) as Range | undefined;
      const rect = mark?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await expect.poll(() => card(page).count()).toBe(1);
    const text = await card(page).innerText();
    expect(text).toContain('This sentence claims (originality):');
    expect(text).toContain('trained from scratch');
  });

  it('leads a company’s card with its valuation, its models and its valuations over time', async () => {
    const page = await open('en-chips-funding.html');
    const point = await markPoint(page, 'OpenAI');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => card(page).count()).toBe(1);
    const text = await card(page).innerText();
    expect(text).toMatch(/Latest valuation\s+US\$300B \(2025-03-31\)/);
    expect(text).toMatch(/Valuations over time/i);
    expect(await card(page).locator('.timeline circle').count()).toBeGreaterThan(1);
    // Keyboard: a value's date and source, read out as it is focused.
    await card(page).getByRole('button', { name: 'US$157B' }).focus();
    await expect
      .poll(() => card(page).locator('.timeline-detail').innerText())
      .toMatch(/US\$157B · 2024-10-02/);
    expect(await axeViolations(page, 'assay-card')).toEqual([]);
  });

  it('opens on hover with sourced facts, and closes on Escape and on a click outside', async () => {
    const page = await open('en-yi-llama.html');
    const point = await markPoint(page, 'Yi-34B');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => card(page).count()).toBe(1);
    const dialog = card(page);
    await expect.poll(() => dialog.getAttribute('role')).toBe('dialog');
    const text = await dialog.innerText();
    expect(text).toMatch(/Yi-34B/);
    expect(text).toMatch(/Provenance/i); // headings are upper-cased by CSS
    expect(text).toMatch(/Benchmark robustness/i);
    expect(text).not.toMatch(/Funding/i); // Yi-34B has no funding notes: no empty section
    // Key facts from Epoch AI's row (parameters, compute, hardware), with their sources.
    expect(text).toMatch(/Key facts/i);
    expect(text).toMatch(/Parameters\s+34B/);
    expect(await dialog.getByRole('link', { name: 'Epoch AI' }).count()).toBe(1);
    // The lineage picture: what Yi-34B is built on, and its list for screen readers.
    const lineage = dialog.getByRole('region', { name: 'Lineage' });
    expect(await lineage.locator('svg text').count()).toBeGreaterThan(1);
    expect(await lineage.locator('li').first().textContent()).toMatch(/^Built on /);
    expect(text).toMatch(/Dataset as of \d{4}-\d{2}-\d{2}/);
    const links = dialog.locator('a.source');
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    // Each line leads with its best source, rated by the background's host registry, in words.
    const leading = await dialog
      .locator('.note > .note-meta')
      .evaluateAll((metas) => metas.map((m) => m.querySelector('.tier')?.firstChild?.textContent ?? ''));
    expect(leading.length).toBeGreaterThan(0);
    for (const tier of leading) expect(['primary', 'outlet']).toContain(tier);
    // The card stays inside the viewport.
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);

    await page.mouse.move(point.x, point.y);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.mouse.click(5, 5);
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('opens from the keyboard, takes focus, and gives it back on Escape', async () => {
    const page = await open('en-yi-llama.html');
    const marks = await markedTexts(page);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect.poll(() => card(page).count()).toBe(1);
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.tagName === 'ASSAY-CARD'
          ? (active.shadowRoot?.activeElement?.className ?? '')
          : active?.tagName;
      });
    await expect.poll(focused).toBe('assay-card');
    const first = await page.evaluate(() => [...CSS.highlights.get('assay-mention-active')!][0]!.toString());
    expect(first).toBe(marks[0]);
    await page.keyboard.press('Alt+Shift+KeyJ');
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('assay-mention-active') ?? [])][0]?.toString()))
      .toBe(marks[1]);
    await page.keyboard.press('Tab');
    expect(await focused()).not.toBe('BODY');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await focused()).toBe('BODY');
    await page.close();
  });

  it('shows facts from IndexedDB: a change through the message API appears after a reload', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const changed = await options.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ type: 'getEntity', id: 'yi-34b' });
      const entity = reply.data.entity;
      entity.notes[0].text.en = 'E2E-EDITED provenance line.';
      return chrome.runtime.sendMessage({ type: 'putEntity', entity });
    });
    expect(changed).toMatchObject({ ok: true, data: { id: 'yi-34b' } });
    const malformed = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'putEntity', entity: { id: 'x' } }),
    );
    expect(malformed.ok).toBe(false);
    expect(malformed.error).toMatch(/Malformed message/);

    const page = await open('en-yi-llama.html');
    const point = await markPoint(page, 'Yi-34B');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).innerText()).toContain('E2E-EDITED provenance line.');
    expect(await card(page).innerText()).toContain('Edited by you');
    await page.close();
    await options.close();
  });
});

describe('extension pages', () => {
  it('the popup loads data from the database and opens a card', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('.meta').innerText())
      .toMatch(/\d+ entries · data as of \d{4}-\d{2}-\d{2}/);
    await popup.locator('input[type="search"]').fill('零一万物');
    const first = popup.locator('[role="option"]').first();
    await expect.poll(() => first.innerText()).toMatch(/01\.AI/);
    await first.click();
    await popup.locator('.assay-card').waitFor();
    expect(await popup.locator('.assay-card h2').innerText()).toMatch(/01\.AI/);
    await popup.close();
  });

  it('the options page lists the dataset from the database', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.entity-table tbody tr').first().waitFor();
    expect(await options.locator('.entity-table tbody tr').count()).toBe(50);
    expect(await options.locator('#list-title').innerText()).toMatch(/^\d{3,} entries$/);
    await options.close();
  });
});

describe('privacy', () => {
  it('made no request to any host but the local fixture server', () => {
    expect(outsideRequests).toEqual([]);
    expect(server.requests.every((p) => p.endsWith('.html') || p === '/favicon.ico')).toBe(true);
  });
});
