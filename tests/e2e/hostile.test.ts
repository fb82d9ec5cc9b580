/**
 * The hostile corpus imported into the real extension: every payload renders as inert text in the
 * card, the popup and the options page; no script runs and no request goes out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { hostileStrings } from '../fixtures/hostile';
import { markPoint, waitForMarks } from './helpers';

let browser: ExtensionBrowser;
let server: FixtureServer;
let payloads: string[];
const outside: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer(undefined, (path) =>
    path === '/hostile-news.html'
      ? `<!doctype html><html lang="en"><head><title>News</title></head><body><main>${payloads
          .map((_, i) => `<p>Report: HostileCorp-${i} raised money for its AI model.</p>`)
          .join('')}</main></body></html>`
      : undefined,
  );
  payloads = hostileStrings(server.url('pwned.png'));
  browser = await launchWithExtension();
  browser.context.on('request', (req) => {
    const url = new URL(req.url());
    const ours =
      url.origin === server.origin || url.protocol === 'chrome-extension:' || url.protocol === 'data:';
    if (!ours) outside.push(req.url());
  });
  browser.context.on('page', (page) =>
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())),
  );
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const source = { url: 'https://example.com/a', title: 'T', publisher: 'P' };
  const entries = payloads.map((payload, i) => ({
    origin: 'user',
    entity: {
      id: `hostile-${i}`,
      type: 'company',
      name: { en: payload, zh: payload },
      aliases: [{ text: `HostileCorp-${i}` }],
      notes: [
        {
          id: 'n1',
          kind: 'funding',
          text: { en: payload, zh: payload },
          date: '2024',
          status: 'reported',
          sources: [{ ...source, title: payload, publisher: payload }],
        },
      ],
    },
  }));
  const text = JSON.stringify({
    format: 'assay-export',
    formatVersion: 1,
    exportedAt: 'x',
    datasetVersion: 'x',
    scope: 'changes',
    entries,
    deleted: [],
  });
  const reply = await options.evaluate(
    (t) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'importData', text: t, mode: 'merge' }),
    text,
  );
  expect(reply.ok).toBe(true);
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

describe('hostile data in the browser', () => {
  it('renders every payload as text in the cards, with no script run and no request', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('hostile-news.html'));
    await waitForMarks(page, payloads.length);
    for (let i = 0; i < payloads.length; i++) {
      const point = await markPoint(page, `HostileCorp-${i}`);
      await page.mouse.move(point.x, point.y);
      const heading = page.locator('assay-card .assay-card h2');
      await expect
        .poll(() => heading.innerText(), { message: payloads[i] })
        .toContain(payloads[i]!.replace(/\s+/g, ' ').trim().slice(0, 20));
      expect(
        await page
          .locator('assay-card')
          .evaluate((host) => host.shadowRoot!.querySelectorAll('script, img, svg, iframe, math').length),
      ).toBe(0);
      await page.keyboard.press('Escape');
    }
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });

  it('shows the payloads as text in the popup and the options page', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('input[type="search"]').fill('HostileCorp');
    await expect.poll(() => popup.locator('[role="option"]').count()).toBeGreaterThan(3);
    expect(await popup.locator('.hits img, .hits script, .hits svg').count()).toBe(0);
    expect(await pwned(popup)).toBeUndefined();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Filter by name').fill('HostileCorp');
    await expect.poll(() => options.locator('tbody tr').count()).toBe(payloads.length);
    expect(await options.locator('tbody img, tbody script, tbody svg, tbody iframe').count()).toBe(0);
    await options.locator('tbody tr button').first().click();
    await options.locator('form.editor').waitFor();
    expect(await pwned(options)).toBeUndefined();
    await popup.close();
    await options.close();
  });

  it('no request left for the payloads’ URLs or any other host, and no dialog opened', () => {
    expect(server.requests.filter((p) => p.includes('pwned'))).toEqual([]);
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
