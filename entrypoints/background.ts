import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import curated from '../data/dataset.json';
import imported from '../data/imported.json';
import { parseDataset } from '../lib/schema';
import { mergeBundled, parseImported } from '../lib/data/bundle';
import { createDb } from '../lib/store/db';
import { createService } from '../lib/store/service';
import { createRouter } from '../lib/messages/router';
import { bundledRegistry } from '../lib/sources/bundled';
import { dataRevision } from '../utils/settings';

export default defineBackground({
  type: 'module',
  main() {
    const dataset = mergeBundled(parseDataset(curated), parseImported(imported));
    const { handlers, ready } = createService(createDb(), dataset, {
      // Open options pages, popups and tabs watch this to refresh (an equivalent of liveQuery
      // that reaches content scripts too).
      onChange: () => void dataRevision.setValue(Date.now()),
      registry: bundledRegistry(),
    });
    const route = createRouter(handlers);

    browser.runtime.onInstalled.addListener(() => {
      ready().catch((error: unknown) => console.error('Assay: seeding the database failed', error));
    });

    // sendResponse + `return true` keeps the channel open and works in Chrome and Firefox alike.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id) return false;
      route(message).then(sendResponse);
      return true;
    });
  },
});
