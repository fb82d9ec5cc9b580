/**
 * Launching Debian's firefox-esr with the built Firefox extension installed, for the Firefox e2e
 * tests and the demo (`--browser firefox`). puppeteer-core drives it over WebDriver BiDi (no
 * geckodriver, no browser download); see ../shared/notes/firefox.md for what was verified.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Where `npm run build:firefox` writes the Firefox MV3 build. */
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../.output/firefox-mv3');

/** The moz-extension:// host the tests and the demo give the extension (any fixed UUID would do). */
export const EXTENSION_UUID = '6d1f3c2a-5b7e-4e0a-9c84-a55a7f0c0de1';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** How to get a Firefox, for messages when none is found. */
export const FIREFOX_HINT =
  'Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`, or `bash .ci/install-browser`) ' +
  'or set FIREFOX_PATH to a Firefox binary (140 or later).';

/** The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr or firefox; undefined when none. */
export function firefoxPath(): string | undefined {
  return [process.env.FIREFOX_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

/** Where firefoxPath() looked, for messages when it found nothing. */
export function firefoxCandidates(): string[] {
  return [
    ...(process.env.FIREFOX_PATH ? [`$FIREFOX_PATH (${process.env.FIREFOX_PATH})`] : []),
    ...CANDIDATES,
  ];
}

/** The Firefox to drive; throws how to get one when there is none. */
export function findFirefox(): string {
  const found = firefoxPath();
  if (found) return found;
  throw new Error(`No Firefox found (looked for ${firefoxCandidates().join(', ')}). ${FIREFOX_HINT}`);
}

/** The add-on id in the built manifest (browser_specific_settings.gecko.id). */
function addonId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const id: unknown = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${extensionDir}/manifest.json has no gecko id`);
  return id;
}

/** A stand-in HTTP proxy that records what reaches it and forwards nothing. */
async function startTrapProxy(): Promise<{ port: number; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('trap proxy has no port');
  return {
    port: address.port,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id (from the manifest). */
  addonId: string;
  /** Every request Firefox sent anywhere but 127.0.0.1 or localhost (the extension's, its pages'
   * and web pages' alike): Firefox's proxy is pointed at a trap that records and refuses them. */
  offHostRequests: string[];
  /** The moz-extension:// URL of an extension page, e.g. `popup.html?tab=3`. */
  extensionUrl: (path: string) => string;
  /** Opens an extension page in a new tab and resolves once it has loaded. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Installs the extension again (after {@link FirefoxWithExtension.uninstall}). */
  install: () => Promise<void>;
  /** Uninstalls the extension, as a reader would. */
  uninstall: () => Promise<void>;
  close: () => Promise<void>;
}

/** Starts Firefox with a fresh profile and the extension from `extensionDir` installed. */
export async function launchFirefoxWithExtension(
  options: { extensionDir?: string; headless?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const id = addonId(extensionDir);
  const proxy = await startTrapProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    // BiDi refuses to navigate to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    // Without it Firefox ignores puppeteer's offline Remote Settings server and keeps calling the
    // real one, which the trap proxy would count against the extension.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // The extension's pages live at a known moz-extension:// host (Firefox picks a random one).
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // Everything bound elsewhere than this machine goes to the trap (loopback is never proxied).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
    },
  });
  const install = async () => {
    await browser.installExtension(extensionDir);
  };
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  try {
    await install();
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  return {
    browser,
    addonId: id,
    offHostRequests: proxy.requests,
    extensionUrl,
    openExtensionPage: async (path) => {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // No load event of an extension page reaches the driver, so goto() would time out: start
      // the navigation and poll until the page itself says it has loaded. An evaluation can fail
      // while the tab changes documents (seen: "right-hand side of 'in' should be an object");
      // puppeteer's waitForFunction gives up on that, so this poll retries.
      void page.goto(url).catch(() => undefined);
      for (const deadline = Date.now() + 15_000; ; await sleep(50)) {
        const loaded = await page
          .evaluate((wanted: string) => location.href === wanted && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) break;
        if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s`);
      }
      return page;
    },
    install,
    uninstall: () => browser.uninstallExtension(id),
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}
