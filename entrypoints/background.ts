import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import curated from '../data/dataset.json';
import imported from '../data/imported.json';
import { parseDataset } from '../lib/schema';
import { mergeBundled, parseImported } from '../lib/data/bundle';
import { createDb } from '../lib/store/db';
import { createService } from '../lib/store/service';
import { PACK_CHECK_MINUTES } from '../lib/store/packs-service';
import { createRouter } from '../lib/messages/router';
import { bundledRegistry } from '../lib/sources/bundled';
import { dataRevision } from '../utils/settings';

/** The scheduled check of subscribed data packs. */
const PACK_ALARM = 'assay-pack-check';

export default defineBackground({
  type: 'module',
  main() {
    const dataset = mergeBundled(parseDataset(curated), parseImported(imported));
    const { handlers, ready, packs } = createService(createDb(), dataset, {
      // Open options pages, popups and tabs watch this to refresh (an equivalent of liveQuery
      // that reaches content scripts too).
      onChange: () => void dataRevision.setValue(Date.now()),
      registry: bundledRegistry(),
      // Only pack subscriptions the reader made ever reach the network (lib/packs/fetch).
      fetch: (url, init) => fetch(url, init),
      onPacksChanged: () => void syncAlarm(),
    });
    const route = createRouter(handlers);

    /** The daily alarm exists exactly while a subscription by address does and checks are on. */
    async function syncAlarm() {
      try {
        const wanted = await packs.scheduleWanted();
        const existing = await browser.alarms.get(PACK_ALARM);
        if (wanted && !existing)
          await browser.alarms.create(PACK_ALARM, { periodInMinutes: PACK_CHECK_MINUTES });
        else if (!wanted && existing) await browser.alarms.clear(PACK_ALARM);
      } catch (error) {
        console.error('Assay: scheduling pack checks failed', error);
      }
    }
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== PACK_ALARM) return;
      packs.checkAll().catch((error: unknown) => console.error('Assay: checking packs failed', error));
    });

    browser.runtime.onInstalled.addListener(() => {
      ready()
        .then(syncAlarm)
        .catch((error: unknown) => console.error('Assay: seeding the database failed', error));
    });
    browser.runtime.onStartup.addListener(() => void syncAlarm());

    // sendResponse + `return true` keeps the channel open and works in Chrome and Firefox alike.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id) return false;
      route(message).then(sendResponse);
      return true;
    });
  },
});
