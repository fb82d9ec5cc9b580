/**
 * Content script wiring: settings (is Assay on for this site?), the matcher index from the
 * background, the annotation runner, and the popup's questions about this page. The page's DOM is
 * never changed (marks are CSS highlights; the card lives in its own shadow root).
 */
import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import cardCss from '../../components/card.css?inline';
import './page.css';
import { createMatcher } from '../../lib/match/matcher-index';
import { isSiteDisabled, type Settings } from '../../lib/settings';
import { langFromTag, resolveLang } from '../../lib/i18n-card';
import { parseTabRequest, type PageMentions } from '../../lib/messages/tab-protocol';
import { request } from '../../utils/messaging';
import { dataRevision, loadSettings, watchSettings } from '../../utils/settings';
import { startRunner, type Runner } from './runner';
import { clearLeftovers } from './leftovers';
import { frameSkipReason, visibleLength, type FrameFacts } from '../../lib/dom/frames';

/** Blank frames are looked at again after these delays (a comment widget fills in), then left. */
const BLANK_FRAME_RECHECK_MS = [2_000, 8_000];

function frameFacts(): FrameFacts {
  return {
    top: window === window.top,
    width: window.innerWidth,
    height: window.innerHeight,
    host: location.hostname,
    name: window.name,
    textLength: visibleLength(document.body?.textContent ?? ''),
  };
}

/** Resolves true once the frame is worth reading (now or at a recheck), false when it never is. */
async function frameWorthReading(ctx: { setTimeout: (fn: () => void, ms: number) => number }) {
  for (const delay of [0, ...BLANK_FRAME_RECHECK_MS]) {
    if (delay) await new Promise<void>((resolve) => ctx.setTimeout(resolve, delay));
    const reason = frameSkipReason(frameFacts());
    if (reason === undefined) return true;
    if (reason !== 'blank') return false;
  }
  return false;
}

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin and srcdoc frames carry article text too (comments, embeds); each frame marks its
  // own text and shows its own card.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return; // nothing to paint with
    // A card and marks an earlier instance left (Firefox, after a reload: see leftovers.ts).
    clearLeftovers(document);
    // Ad, tiny and blank frames ask for nothing (each scan would fetch the whole name index).
    if (!(await frameWorthReading(ctx))) return;
    const host = location.hostname;
    const browserLang = langFromTag(browser.i18n.getUILanguage());
    let settings: Settings = await loadSettings();
    let runner: Runner | undefined;
    let starting: Promise<void> | undefined;

    const start = () =>
      (starting ??= (async () => {
        try {
          if (runner || isSiteDisabled(settings, host)) return;
          const index = await request({ type: 'getIndex' });
          if (ctx.isInvalid || isSiteDisabled(settings, host) || index.aliases.length === 0) return;
          runner = startRunner(ctx, createMatcher(index), cardCss, {
            settings,
            lang: resolveLang(settings.language, browserLang),
            chromeWords: index.chromeWords,
          });
        } finally {
          starting = undefined;
        }
      })());
    const stop = () => {
      runner?.stop();
      runner = undefined;
    };

    const unwatchSettings = watchSettings((next) => {
      settings = next;
      if (isSiteDisabled(next, host)) stop();
      else if (runner) runner.configure(next, resolveLang(next.language, browserLang));
      else void start();
    });
    // The data changed (an edit in the options page): rebuild the matcher and rescan.
    const unwatchData = dataRevision.watch(() => {
      if (!runner) return;
      stop();
      void start();
    });
    // WXT notices an extension reload or update only when the context is next checked; check once
    // a second so the old script's marks and listeners go at once, not at the next pointer move.
    ctx.setInterval(() => undefined, 1000);
    ctx.onInvalidated(() => {
      stop();
      // Removing storage listeners throws once the extension is gone; they are dead anyway.
      for (const unwatch of [unwatchSettings, unwatchData]) {
        try {
          unwatch();
        } catch {
          /* extension context invalidated */
        }
      }
    });

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || ctx.isInvalid) return false;
      const req = parseTabRequest(message);
      if (!req) return false;
      if (req.type === 'pageMentions') {
        const reply: PageMentions = {
          host,
          disabled: isSiteDisabled(settings, host),
          counts: runner?.counts() ?? [],
        };
        sendResponse(reply);
      } else {
        sendResponse({ revealed: runner?.reveal(req.entityId) ?? false });
      }
      return false;
    });

    await start();
  },
});
