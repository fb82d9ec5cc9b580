/**
 * The Firefox build's own pages in real Firefox: popup search, "On this page" and the site switch,
 * an edit in the options page that the next card shows, and an import that fails and changes
 * nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { MENTION } from '../e2e/page-side';
import {
  cardText,
  clickText,
  describeInFirefox,
  fill,
  highlightSize,
  hoverMark,
  textOf,
  waitForScan,
} from './helpers';

/** The extension API as an extension page sees it (only what these tests call). Reached through
 * globalThis: Vitest's WXT plugin would rewrite a bare `browser` into an import the page lacks. */
interface ExtensionGlobal {
  browser: {
    tabs: { query: (q: object) => Promise<{ id?: number }[]> };
    runtime: { sendMessage: (message: unknown) => Promise<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

describeInFirefox('Firefox: popup and options', () => {
  let firefox: FirefoxWithExtension;
  let server: FixtureServer;
  const scratch = mkdtempSync(join(tmpdir(), 'assay-ff-'));

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function openNews(file: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(file));
    await waitForScan(page);
    return page;
  }

  /** The tabs API id of `page`, asked by an extension page while `page` is the active tab. */
  async function tabIdOf(page: Page): Promise<number> {
    const asker = await firefox.openExtensionPage('options.html');
    await page.bringToFront();
    const id = await asker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({
        active: true,
        currentWindow: true,
      });
      return tab!.id!;
    });
    await asker.close();
    return id;
  }

  it('the popup searches in English, Chinese and with a typo; arrows and Enter open a card', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await expect.poll(() => textOf(popup, '.meta')).toMatch(/\d+ entries · data as of \d{4}-\d{2}-\d{2}/);
    const first = () => textOf(popup, '[role="option"]');
    for (const [query, expected] of [
      ['GPT-4', /GPT-4/],
      ['零一万物', /01\.AI/],
      ['Bytdance', /ByteDance/],
    ] as const) {
      await fill(popup, 'input[type="search"]', query);
      await expect.poll(first, { message: query }).toMatch(expected);
    }
    await fill(popup, 'input[type="search"]', 'deepseek');
    await expect.poll(() => popup.$$eval('[role="option"]', (els) => els.length)).toBeGreaterThan(1);
    await popup.focus('input[type="search"]');
    await popup.keyboard.press('ArrowDown');
    const chosen = (await textOf(popup, '[role="option"][aria-selected="true"] .hit-name'))!;
    expect(chosen).toMatch(/DeepSeek/i);
    await popup.keyboard.press('Enter');
    await expect.poll(() => textOf(popup, '.assay-card h2')).toContain(chosen);
    await popup.close();
  });

  it('"On this page" lists the page’s names and reveals one; the site switch removes and restores marks', async () => {
    const page = await openNews('en-yi-llama.html');
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
    await expect.poll(() => popup.$$eval('.page-mention', (els) => els.length)).toBeGreaterThan(5);
    expect(await popup.$$eval('.page-mention', (els) => els.map((e) => e.textContent).join('|'))).toMatch(
      /Yi-34B[^|]*\d+×/,
    );
    await clickText(popup, '.page-mention', /Yi-34B/);
    await expect.poll(() => cardText(page)).toContain('Yi-34B');
    await popup.click('[role="switch"]');
    await expect.poll(() => highlightSize(page, MENTION)).toBe(0);
    await popup.click('[role="switch"]');
    await expect.poll(() => highlightSize(page, MENTION)).toBeGreaterThan(10);
    await popup.close();
    await page.close();
  });

  it('an edit in the options page shows in the next card, and the entry is marked as edited', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('.entity-table tbody tr', { timeout: 10_000 });
    await fill(options, '.filters input[type="search"]', 'Yi-34B');
    await clickText(options, 'tbody button.link-button', 'Yi-34B');
    await fill(options, 'form.editor textarea', 'Edited in Firefox’s options page: a test note.');
    await clickText(options, 'form.editor button[type="submit"]', 'Save');
    await expect.poll(() => textOf(options, '.status')).toMatch(/Saved/);
    await clickText(options, '.filters label.check', /Edited by me/);
    await expect.poll(() => options.$$eval('tbody tr .edited-marker', (els) => els.length)).toBe(1);

    const page = await openNews('en-yi-llama.html');
    await hoverMark(page, 'Yi-34B');
    await expect.poll(() => cardText(page)).toContain('Edited in Firefox’s options page: a test note.');
    expect(await cardText(page)).toContain('Edited by you');
    await page.close();
    await options.close();
  });

  it('an import with an invalid entry is refused with its entry and field named, and changes nothing', async () => {
    const options = await firefox.openExtensionPage('options.html');
    // The whole dataset as the options page's "Export all entries" writes it, but for its date.
    const exportAll = () =>
      options.evaluate(async () => {
        const reply = await (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage({
          type: 'exportData',
          scope: 'all',
        });
        return JSON.stringify({ ...reply.data, exportedAt: undefined });
      });
    const before = await exportAll();
    const bad = JSON.parse(before) as {
      entries: { entity: { id: string; notes: { sources: { url: string }[] }[] } }[];
    };
    const target = bad.entries.findIndex((e) => e.entity.notes.length > 0);
    bad.entries[target]!.entity.notes[0]!.sources[0]!.url = 'ftp://example.com/x';
    const entries = bad.entries;
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...bad, exportedAt: new Date().toISOString() }));
    await clickText(options, '[role="tab"]', 'Import and export');
    const input = (await options.waitForSelector('#import-file', {
      timeout: 10_000,
    })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await clickText(options, 'label.check', /Replace/);
    await clickText(options, 'button[type="submit"]', 'Import');
    await expect.poll(() => textOf(options, '.problems')).toMatch(/Nothing was imported/);
    expect(await textOf(options, '.problems')).toContain(
      `entry ${target + 1} ("${entries[target]!.entity.id}"): notes.0.sources.0.url: must be an http(s) URL`,
    );
    expect(await exportAll()).toBe(before);
    await options.close();
  });
});
