/**
 * `npm run demo`: builds the extension, serves the demo news pages from 127.0.0.1 and opens a
 * browser with Assay loaded: Chromium by default, Firefox (Debian's firefox-esr) with
 * `--browser firefox`. It always writes screenshots of the marked pages and open cards (light and
 * dark), and of the card, popup and options page in both UI languages, to demo-output/ from a
 * headless run; where a display exists it then opens a headed browser on the pages to browse
 * (close the window to finish).
 *
 * Flags: --browser chromium|firefox, --headless (screenshots only, even with a display),
 * --no-build (use the existing build).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { findChromium, launchWithExtension } from './browser';
import { findFirefox, launchFirefoxWithExtension } from './firefox';
import { startFixtureServer } from './fixture-server';

const OUT = resolve(import.meta.dirname, '../demo-output');
/** Demo pages and the name whose card each screenshot opens. */
const PAGES = [
  { file: 'en-yi-llama.html', hover: 'Yi-34B' },
  { file: 'zh-hundred-models.html', hover: '零一万物' },
  { file: 'en-chips-funding.html', hover: 'OpenAI' },
];

const argv = process.argv.slice(2);
const args = new Set(argv);
const headless = args.has('--headless') || !process.env.DISPLAY;
const browserName = (() => {
  const at = argv.findIndex((a) => a === '--browser' || a.startsWith('--browser='));
  const value = at < 0 ? 'chromium' : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  if (value === 'chromium' || value === 'chrome') return 'chromium';
  if (value === 'firefox') return 'firefox';
  console.error(`--browser must be chromium or firefox, not ${value ?? '(nothing)'}`);
  process.exit(1);
})();

/** A tab of either driver, with only what the demo does in it. */
interface DemoTab {
  /** Runs a self-contained function in the page's main world (one argument). */
  evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
  mouseMove: (x: number, y: number) => Promise<void>;
  press: (key: string) => Promise<void>;
  screenshot: (path: string) => Promise<void>;
  setSize: (width: number, height: number) => Promise<void>;
  close: () => Promise<void>;
}

/** A browser with Assay installed, as the demo drives it. */
interface DemoBrowser {
  /** Opens a web page and resolves once it has loaded. */
  openPage: (url: string) => Promise<DemoTab>;
  /** Opens an extension page (`popup.html?tab=3`) and resolves once it has loaded. */
  openExtensionPage: (path: string) => Promise<DemoTab>;
  /** The tabs API id of `tab` (for the popup's "On this page"). */
  tabIdOf: (tab: DemoTab) => Promise<number>;
  /** Resolves when the reader closes the (headed) browser. */
  closed: () => Promise<void>;
  close: () => Promise<void>;
}

interface LaunchOptions {
  headless: boolean;
  colorScheme: 'light' | 'dark';
  lang: 'en' | 'zh';
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The extension API as an extension page sees it (only what the demo calls). */
interface ExtensionGlobal {
  browser: {
    tabs: { query: (q: object) => Promise<{ id?: number }[]> };
    storage: { local: { set: (items: object) => Promise<void> } };
  };
}
declare const chrome: ExtensionGlobal['browser'];

function playwrightTab(page: PlaywrightPage): DemoTab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path })),
    setSize: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

function puppeteerTab(page: PuppeteerPage): DemoTab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    setSize: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

/** Chromium (playwright-core): the UI language is the browser's locale. */
async function launchChromium(options: LaunchOptions): Promise<DemoBrowser> {
  const browser = await launchWithExtension({
    headless: options.headless,
    colorScheme: options.colorScheme,
    locale: options.lang === 'zh' ? 'zh-CN' : 'en-US',
  });
  const tabs = new Map<DemoTab, PlaywrightPage>();
  const wrap = (page: PlaywrightPage) => {
    const tab = playwrightTab(page);
    tabs.set(tab, page);
    return tab;
  };
  return {
    openPage: async (url) => {
      const page = await browser.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    openExtensionPage: async (path) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return wrap(page);
    },
    tabIdOf: async (tab) => {
      await tabs.get(tab)!.bringToFront();
      return browser.worker.evaluate(async () => {
        const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return active!.id!;
      });
    },
    closed: async () => {
      await browser.context.pages()[0]?.close(); // the blank start tab
      await new Promise<void>((done) => browser.context.on('close', () => done()));
    },
    close: () => browser.close(),
  };
}

/** Firefox (puppeteer-core over WebDriver BiDi): firefox-esr has only its English UI, so the
 * Chinese screenshots switch Assay's own language setting instead. */
async function launchFirefox(options: LaunchOptions): Promise<DemoBrowser> {
  const firefox = await launchFirefoxWithExtension({
    headless: options.headless,
    colorScheme: options.colorScheme,
  });
  const tabs = new Map<DemoTab, PuppeteerPage>();
  const wrap = (page: PuppeteerPage) => {
    const tab = puppeteerTab(page);
    tabs.set(tab, page);
    return tab;
  };
  if (options.lang === 'zh') {
    const page = await firefox.openExtensionPage('options.html');
    await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).browser.storage.local.set({
        settings: {
          disabledSites: [],
          cardTrigger: 'hover',
          markStyle: 'underline',
          language: 'zh',
          markDensity: 'all',
        },
      }),
    );
    await page.close();
  }
  return {
    openPage: async (url) => {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      return wrap(page);
    },
    openExtensionPage: async (path) => wrap(await firefox.openExtensionPage(path)),
    tabIdOf: async (tab) => {
      const asker = await firefox.openExtensionPage('options.html');
      await tabs.get(tab)!.bringToFront();
      const id = await asker.evaluate(async () => {
        const [active] = await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({
          active: true,
          currentWindow: true,
        });
        return active!.id!;
      });
      await asker.close();
      return id;
    },
    closed: async () => {
      await (await firefox.browser.pages())[0]?.close(); // the blank start tab
      await new Promise<void>((done) => firefox.browser.on('disconnected', () => done()));
    },
    close: () => firefox.close(),
  };
}

/** Polls `fn(arg)` in the tab until it is truthy; throws after `ms`. */
async function waitUntil<A>(tab: DemoTab, fn: (arg: A) => unknown, arg: A, what: string, ms = 15_000) {
  for (const deadline = Date.now() + ms; !(await tab.evaluate(fn, arg)); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Waits until the page has marks and their count has settled (long pages are marked in slices). */
async function waitForMarks(tab: DemoTab): Promise<number> {
  const size = () => CSS.highlights.get('assay-mention')?.size ?? 0;
  await waitUntil(tab, size, undefined, 'marks');
  for (let last = -1; ; await sleep(150)) {
    const now = await tab.evaluate(size, undefined);
    if (now === last) return now;
    last = now;
  }
}

/** Hovers the first mark whose text is `text` (scrolled near the top) and waits for its card. */
async function hover(tab: DemoTab, text: string): Promise<void> {
  // Self-contained: tsx would wrap a named inner function in a helper the page does not have.
  const point = await tab.evaluate((wanted: string) => {
    let found: Range | undefined;
    // Marks are StaticRanges: read each through a live Range.
    CSS.highlights.get('assay-mention')?.forEach((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (!found && range.toString() === wanted) found = range;
    });
    if (!found) return null;
    found.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -120);
    const rect = found.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  if (!point) throw new Error(`"${text}" is not marked`);
  await tab.mouseMove(point.x, point.y);
  await waitUntil(
    tab,
    () => !!document.querySelector('assay-card')?.shadowRoot?.querySelector('.assay-card'),
    undefined,
    `the card for ${text}`,
    10_000,
  );
}

const exists = (selector: string) => !!document.querySelector(selector);

/** Types `text` into the field matching `selector`, as the end of typing would leave it. */
async function fill(tab: DemoTab, selector: string, text: string): Promise<void> {
  await tab.evaluate(
    ([sel, value]: [string, string]) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [selector, text] as [string, string],
  );
}

async function main() {
  try {
    if (browserName === 'firefox') findFirefox();
    else findChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const launch = browserName === 'firefox' ? launchFirefox : launchChromium;
  const target = browserName === 'firefox' ? ['-b', 'firefox', '--mv3'] : ['-b', 'chrome'];
  if (!args.has('--no-build')) {
    console.log(`Building the ${browserName === 'firefox' ? 'Firefox' : 'Chrome'} extension...`);
    const build = spawnSync('npx', ['wxt', 'build', ...target], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const out = browserName === 'firefox' ? `${OUT}/firefox` : OUT;
  mkdirSync(out, { recursive: true });
  const server = await startFixtureServer();
  const written: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launch({ headless: true, colorScheme: scheme, lang: 'en' });
    for (const { file, hover: name } of PAGES) {
      const page = await browser.openPage(server.url(file));
      const count = await waitForMarks(page);
      const base = `${out}/${file.replace('.html', '')}-${scheme}`;
      if (scheme === 'light') {
        await page.screenshot(`${base}-marks.png`);
        written.push(`${base}-marks.png  (${count} marks)`);
      }
      await hover(page, name);
      await sleep(150);
      await page.screenshot(`${base}-card.png`);
      written.push(`${base}-card.png  (card for ${name})`);
      await page.close();
    }
    await browser.close();
  }
  // The extension's own pages, in both UI languages and both colour schemes.
  for (const lang of ['en', 'zh'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const browser = await launch({ headless: true, colorScheme: scheme, lang });
      const tag = `${lang}-${scheme}`;
      const news = await browser.openPage(
        server.url(lang === 'zh' ? 'zh-hundred-models.html' : 'en-yi-llama.html'),
      );
      await waitForMarks(news);
      // A card in the UI language: sources with their tiers in words.
      await hover(news, lang === 'zh' ? '零一万物' : 'Yi-34B');
      await sleep(150);
      await news.screenshot(`${out}/card-${tag}.png`);
      written.push(`${out}/card-${tag}.png  (card in the ${lang} UI)`);
      await news.mouseMove(5, 5);
      await news.press('Escape');
      const tabId = await browser.tabIdOf(news);
      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.setSize(420, 640);
      await waitUntil(popup, exists, '.page-mention', 'the popup');
      await popup.screenshot(`${out}/popup-${tag}.png`);
      written.push(`${out}/popup-${tag}.png  (popup: on this page)`);
      await fill(popup, 'input[type="search"]', lang === 'zh' ? '通义' : 'Bytdance');
      await waitUntil(popup, exists, '[role="option"]', 'search results');
      await sleep(200);
      await popup.screenshot(`${out}/popup-search-${tag}.png`);
      written.push(`${out}/popup-search-${tag}.png  (popup: search)`);
      const options = await browser.openExtensionPage('options.html');
      await waitUntil(options, exists, 'tbody tr', 'the entry list');
      await options.screenshot(`${out}/options-${tag}.png`);
      written.push(`${out}/options-${tag}.png  (options: entries)`);
      await options.evaluate(
        () => document.querySelector<HTMLButtonElement>('tbody tr button')!.click(),
        undefined,
      );
      await waitUntil(options, exists, 'form.editor', 'the editor');
      await options.screenshot(`${out}/options-editor-${tag}.png`);
      written.push(`${out}/options-editor-${tag}.png  (options: editor)`);
      await browser.close();
    }
  }

  console.log(`\nScreenshots (${browserName}):`);
  for (const line of written) console.log(`  ${line}`);

  if (!headless) {
    const browser = await launch({ headless: false, colorScheme: 'light', lang: 'en' });
    for (const { file } of PAGES) await browser.openPage(server.url(file));
    const name = browserName === 'firefox' ? 'Firefox' : 'Chromium';
    console.log(
      `\n${name} is open with Assay on ${server.origin}: hover a marked name, or press Alt+Shift+J.`,
    );
    console.log('Close the browser window to finish.');
    await browser.closed();
  }
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
