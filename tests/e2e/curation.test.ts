/**
 * Popup lookups and options-page curation in real Chromium: search in both languages and with a
 * typo, "on this page", the site switch, editing a note and seeing it in a page's card, import
 * errors that change nothing, export/import round trips, and axe checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { axeViolations, markPoint, markedSpans, waitForMarks } from './helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const extensionPage = async (path: string) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
};

/** The tab id of a page, asked of the extension while that page is the active tab. */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}
declare const chrome: { tabs: { query: (q: object) => Promise<{ id?: number }[]> } };

describe('popup', () => {
  it('searches in English, Chinese and with a typo; arrows and Enter open a card', async () => {
    const popup = await extensionPage('popup.html');
    const search = popup.locator('input[type="search"]');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('assay-search');
    const first = () => popup.locator('[role="option"]').first().innerText();
    for (const [query, expected] of [
      ['GPT-4', /GPT-4/],
      ['零一万物', /01\.AI/],
      ['通义', /Qwen/],
      ['Bytdance', /ByteDance/],
      ['yi34b', /Yi-34B/],
    ] as const) {
      await search.fill(query);
      await expect.poll(first, { message: query }).toMatch(expected);
    }
    await search.fill('deepseek');
    await expect.poll(() => popup.locator('[role="option"]').count()).toBeGreaterThan(1);
    await search.press('ArrowDown');
    const chosen = await popup.locator('[role="option"][aria-selected="true"] .hit-name').innerText();
    await search.press('Enter');
    await expect.poll(() => popup.locator('.assay-card h2').innerText()).toContain(chosen);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('lists what the page mentions, reveals one, and the site switch removes and restores marks', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('en-yi-llama.html'));
    await waitForMarks(page);
    const tabId = await tabIdOf(page);
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    const items = popup.locator('.page-mention');
    await expect.poll(() => items.count()).toBeGreaterThan(5);
    const yi = items.filter({ hasText: 'Yi-34B' });
    expect(await yi.innerText()).toMatch(/\d+×/);
    await yi.click();
    await expect.poll(() => page.locator('assay-card .assay-card h2').innerText()).toContain('Yi-34B');
    expect(await axeViolations(popup)).toEqual([]);

    const marks = () => page.evaluate(() => CSS.highlights.get('assay-mention')?.size ?? 0);
    await popup.getByRole('switch').uncheck();
    await expect.poll(marks).toBe(0);
    await popup.getByRole('switch').check();
    await expect.poll(marks).toBeGreaterThan(10);
    await popup.close();
    await page.close();
  });
});

describe('options', () => {
  it('edits a note and the next card on a page shows it; the entry is marked as edited', async () => {
    const options = await extensionPage('options.html');
    await options.locator('tbody tr').first().waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByLabel('Filter by name').fill('Yi-34B');
    await options.getByRole('button', { name: 'Yi-34B', exact: true }).click();
    const firstNote = options.locator('textarea').first();
    await firstNote.fill('Edited in the options page: a test note.');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.locator('.status').innerText()).toMatch(/Saved/);
    await options.getByLabel('Edited by me').check();
    // The name filter already shows one row: wait for the list the edit produced, marker and all.
    await expect.poll(() => options.locator('tbody tr .edited-marker').count()).toBe(1);
    expect(await options.locator('tbody tr').count()).toBe(1);

    const page = await browser.context.newPage();
    await page.goto(server.url('en-yi-llama.html'));
    await waitForMarks(page);
    const point = await markPoint(page, 'Yi-34B');
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(() => page.locator('assay-card .assay-card').innerText())
      .toContain('Edited in the options page: a test note.');
    expect(await axeViolations(page, 'assay-card')).toEqual([]);
    await page.close();
    await options.close();
  });

  it('shows invalid fields inline and saves nothing until they are fixed', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('button', { name: 'New entry' }).click();
    await options.getByRole('button', { name: 'Add note' }).click();
    const url = options.getByLabel('URL of the original (https)');
    // The tier and the canonical form show as the URL is typed (the host registry ships in the build).
    await url.fill('https://www.reuters.com/technology/a-story?utm_source=feed');
    const help = options.locator('#f-notes-0-sources-0-url-help');
    await expect
      .poll(() => help.innerText())
      .toMatch(/Source tier: outlet\..*tracking parameters \(utm_source\)/s);
    await url.fill('https://unknown-site.example/post');
    await expect.poll(() => help.innerText()).toMatch(/Source tier: unrated/);
    await url.fill('javascript:alert(1)');
    await options.getByRole('button', { name: 'Save' }).click();
    const problems = options.locator('#editor-problems');
    await expect.poll(() => problems.innerText()).toMatch(/Fix \d+ problems/);
    expect(await problems.innerText()).toMatch(/notes\.0\.sources\.0\.url: must be an http\(s\) URL/);
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.close();
  });

  it('rejects an import with an error, names the entry and field, and changes nothing', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('tab', { name: 'Import and export' }).click();
    const exportAll = async () => {
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: 'Export all entries' }).click(),
      ]);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      delete file.exportedAt;
      return file as { entries: { entity: { id: string; notes: { sources: { url: string }[] }[] } }[] };
    };
    const before = await exportAll();
    const bad = structuredClone(before);
    const target = bad.entries.findIndex((e) => e.entity.notes.length > 0);
    bad.entries[target]!.entity.notes[0]!.sources[0]!.url = 'ftp://example.com/x';
    await options.setInputFiles('#import-file', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...bad, exportedAt: 'x' })),
    });
    await options.getByRole('radio', { name: /Replace/ }).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = options.locator('.problems');
    await expect.poll(() => problems.innerText()).toMatch(/Nothing was imported/);
    expect(await problems.innerText()).toContain(
      `entry ${target + 1} ("${bad.entries[target]!.entity.id}"): notes.0.sources.0.url: must be an http(s) URL`,
    );
    expect(await exportAll()).toEqual(before);
    expect(await axeViolations(options)).toEqual([]);

    // Export then import (replace) gives back the same data.
    await options.setInputFiles('#import-file', {
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...before, exportedAt: 'x' })),
    });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.locator('.ok').first().innerText()).toMatch(/Imported \d+ entries/);
    expect(await exportAll()).toEqual(before);
    await options.close();
  });

  it('settings tab passes axe and switching a site off there reaches the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('en-chips-funding.html'));
    await waitForMarks(page);
    const options = await extensionPage('options.html');
    await options.getByRole('tab', { name: 'Settings' }).click();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByLabel('Turn off on a site (host name)').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('assay-mention')?.size ?? 0)).toBe(0);
    await options.getByRole('button', { name: /Turn on/ }).click();
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('assay-mention')?.size ?? 0))
      .toBeGreaterThan(5);
    // Only the first of each name per paragraph: fewer marks, no name repeated within a paragraph.
    // (Marks are read with animation frames, which only a tab in front gets.)
    await page.bringToFront();
    const every = await markedSpans(page);
    await options.getByLabel('The first of each name per paragraph').check();
    await page.bringToFront();
    await expect.poll(async () => (await markedSpans(page)).length).toBeLessThan(every.length);
    const first = (await markedSpans(page)).map((m) => `${m.paragraph}:${m.text}`);
    expect(new Set(first).size).toBe(first.length);
    await options.getByLabel('Every mention').check();
    await page.bringToFront();
    await expect.poll(async () => (await markedSpans(page)).length).toBe(every.length);
    await options.close();
    await page.close();
  });
});
