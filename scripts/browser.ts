/**
 * Launching Debian's Chromium with the built extension loaded, for the e2e tests and the demo.
 * playwright-core cannot download browsers here, so it drives the system Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** The Chromium to drive: $CHROME_PATH, else Debian's /usr/bin/chromium; throws how to get one. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`) ' +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}

/** Gives StaticRange the toString/getClientRects of a live Range, in the page's world only. */
const STATIC_RANGE_SHIM = `(() => {
  const live = (r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };
  StaticRange.prototype.toString = function () { return live(this).toString(); };
  StaticRange.prototype.getClientRects = function () { return live(this).getClientRects(); };
})();`;

/** Flags for Debian's Chromium on this closed network: no first run, no background networking. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
}

/** Starts a fresh profile with the unpacked extension from `extensionDir`. */
export async function launchWithExtension(
  options: {
    extensionDir?: string;
    headless?: boolean;
    colorScheme?: 'light' | 'dark';
    locale?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:chrome\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'assay-profile-'));
  // Report the service worker's own requests too (tests prove the extension makes none).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      '--disable-default-apps',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  // Assay paints StaticRanges (cheap for pages); give them, in the page's own world only, the
  // toString/getClientRects that tests and the demo use to read marks. The extension's isolated
  // world is untouched.
  // Passed as source text: tsx would wrap a function's body in helpers the page does not have.
  await context.addInitScript({ content: STATIC_RANGE_SHIM });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
