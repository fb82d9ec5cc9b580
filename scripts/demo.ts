/**
 * `npm run demo`: builds the extension, serves the demo news pages from 127.0.0.1 and opens Chromium
 * with Assay loaded. It always writes screenshots of the marked pages and open cards (light and
 * dark) to demo-output/ from a headless run; where a display exists it then opens a headed
 * Chromium on the pages to browse (close the window to finish).
 *
 * Flags: --headless (screenshots only, even with a display), --no-build (use the existing build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { findChromium, launchWithExtension } from './browser';
import { startFixtureServer } from './fixture-server';

const OUT = resolve(import.meta.dirname, '../demo-output');
/** Demo pages and the name whose card each screenshot opens. */
const PAGES = [
  { file: 'en-yi-llama.html', hover: 'Yi-34B' },
  { file: 'zh-hundred-models.html', hover: '零一万物' },
  { file: 'en-chips-funding.html', hover: 'OpenAI' },
];

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

declare const chrome: { tabs: { query: (q: object) => Promise<{ id?: number }[]> } };

async function waitForMarks(page: Page): Promise<number> {
  await page.waitForFunction(() => (CSS.highlights.get('assay-mention')?.size ?? 0) > 0, null, {
    timeout: 15_000,
  });
  // Long pages are marked in slices: wait until the count settles.
  for (let last = -1; ;) {
    const size = await page.evaluate(() => CSS.highlights.get('assay-mention')!.size);
    if (size === last) return size;
    last = size;
    await page.waitForTimeout(150);
  }
}

async function hover(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const range = [...(CSS.highlights.get('assay-mention') ?? [])].find((r) => r.toString() === wanted) as
      Range | undefined;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -120);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  if (!point) throw new Error(`"${text}" is not marked on ${page.url()}`);
  await page.mouse.move(point.x, point.y);
  await page.locator('assay-card .assay-card').waitFor({ timeout: 10_000 });
}

async function main() {
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!args.has('--no-build')) {
    console.log('Building the Chrome extension...');
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer();
  const written: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launchWithExtension({ headless: true, colorScheme: scheme });
    for (const { file, hover: name } of PAGES) {
      const page = await browser.context.newPage();
      await page.goto(server.url(file));
      const count = await waitForMarks(page);
      const base = `${OUT}/${file.replace('.html', '')}-${scheme}`;
      if (scheme === 'light') {
        await page.screenshot({ path: `${base}-marks.png` });
        written.push(`${base}-marks.png  (${count} marks)`);
      }
      await hover(page, name);
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${base}-card.png` });
      written.push(`${base}-card.png  (card for ${name})`);
      await page.close();
    }
    await browser.close();
  }
  // The extension's own pages, in both UI languages and both colour schemes.
  for (const locale of ['en-US', 'zh-CN'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const browser = await launchWithExtension({ headless: true, colorScheme: scheme, locale });
      const tag = `${locale.slice(0, 2)}-${scheme}`;
      const news = await browser.context.newPage();
      await news.goto(server.url(locale === 'zh-CN' ? 'zh-hundred-models.html' : 'en-yi-llama.html'));
      await waitForMarks(news);
      // A card in the browser's UI language: sources with their tiers in words.
      await hover(news, locale === 'zh-CN' ? '零一万物' : 'Yi-34B');
      await news.waitForTimeout(150);
      await news.screenshot({ path: `${OUT}/card-${tag}.png` });
      written.push(`${OUT}/card-${tag}.png  (card in the ${locale} UI)`);
      await news.mouse.move(5, 5);
      await news.keyboard.press('Escape');
      const tabId = await browser.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab!.id!;
      });
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 420, height: 640 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('.page-mention').first().waitFor();
      await popup.screenshot({ path: `${OUT}/popup-${tag}.png` });
      written.push(`${OUT}/popup-${tag}.png  (popup: on this page)`);
      await popup.locator('input[type="search"]').fill(locale === 'zh-CN' ? '通义' : 'Bytdance');
      await popup.locator('[role="option"]').first().waitFor();
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: `${OUT}/popup-search-${tag}.png` });
      written.push(`${OUT}/popup-search-${tag}.png  (popup: search)`);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('tbody tr').first().waitFor();
      await options.screenshot({ path: `${OUT}/options-${tag}.png` });
      written.push(`${OUT}/options-${tag}.png  (options: entries)`);
      await options.locator('tbody tr button').first().click();
      await options.locator('form.editor').waitFor();
      await options.screenshot({ path: `${OUT}/options-editor-${tag}.png` });
      written.push(`${OUT}/options-editor-${tag}.png  (options: editor)`);
      await browser.close();
    }
  }

  console.log('\nScreenshots:');
  for (const line of written) console.log(`  ${line}`);

  if (!headless) {
    const browser = await launchWithExtension({ headless: false });
    for (const { file } of PAGES) await (await browser.context.newPage()).goto(server.url(file));
    await browser.context.pages()[0]?.close(); // the blank start tab
    console.log(
      `\nChromium is open with Assay on ${server.origin}: hover a marked name, or press Alt+Shift+J.`,
    );
    console.log('Close the browser window to finish.');
    await new Promise<void>((done) => browser.context.on('close', () => done()));
  }
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
