import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// WxtVitest does not pick up wxt.config.ts's vite plugins, so Preact is added here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: two cores and a shared fixture server.
          fileParallelism: false,
          // A poll waits for the browser, not for a deadline: on a loaded CI machine, listing or
          // filtering 1,800 entities in the options page can take more than the default second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        extends: true,
        test: {
          // The Firefox build in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
          name: 'firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Firefox at a time. Vitest runs the files of every project without file parallelism
          // (this one and e2e) one after another once the others are done, so Firefox and Chromium
          // never run at once on two cores.
          fileParallelism: false,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
