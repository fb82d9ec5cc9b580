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
import { langFromTag, resolveLang } from '../../lib/i18n';
import { parseTabRequest, type PageMentions } from '../../lib/messages/tab-protocol';
import { request } from '../../utils/messaging';
import { dataRevision, loadSettings, watchSettings } from '../../utils/settings';
import { startRunner, type Runner } from './runner';

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
