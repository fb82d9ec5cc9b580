import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { adHostPatterns } from './lib/dom/ad-hosts';

// See ../shared/notes/toolchain.md for why each setting is here.
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: reader settings (sites where Assay is off, card trigger, mark style, language).
    // alarms: the daily check of subscribed data packs (set only while a subscription exists).
    permissions: ['storage', 'alarms'],
    // Asked for one origin at a time, when the reader subscribes to a pack hosted there.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Firefox 140 is the first with the CSS Custom Highlight API (and the data
              // collection declaration on desktop).
              id: 'assay@assay.invalid',
              strict_min_version: '140.0',
              // Required of new extensions on AMO: Assay collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the data collection declaration from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Ad and tracker frames get no content script at all (the list stays out of the script).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? [])
        script.exclude_matches = [...(script.exclude_matches ?? []), ...adHostPatterns()];
    },
  },
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'demo-output/**', '.ci/**'],
  },
});
