/**
 * Privacy and least privilege, checked on the built extension: the minimum permissions, the default
 * extension-page CSP, no eval or remote code in the bundles, and nothing stored about the pages a
 * reader visits beyond the per-site switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { waitForMarks } from './helpers';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)],
  );

describe('the built extension', () => {
  it('asks for storage and alarms only, keeps the default CSP and runs no eval or remote code', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8'));
    // alarms: the daily check of pack subscriptions; a host is asked for only when the reader
    // subscribes to a pack there (https only).
    expect(manifest.permissions).toEqual(['storage', 'alarms']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    for (const file of files(CHROME_BUILD).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|\bFunction\(\s*['"]/);
      expect(code, file).not.toMatch(/https?:\/\/[^"'\s]*\.(?:js|mjs)\b/); // no remote scripts
    }
    for (const file of files(CHROME_BUILD).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/<script(?![^>]*\bsrc=")[^>]*>\s*\S/); // no inline script
    }
  });
});

describe('what the extension stores', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps nothing about visited pages except the sites switched off', async () => {
    for (const file of ['en-yi-llama.html', 'zh-hundred-models.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(file));
      await waitForMarks(page);
      await page.close();
    }
    const stored = await browser.worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { get: () => Promise<object> } };
            alarms: { getAll: () => Promise<{ name: string }[]> };
          };
        }
      ).chrome;
      const local = await chrome.storage.local.get();
      const names = (await indexedDB.databases()).map((d) => d.name);
      return { local, names, alarms: await chrome.alarms.getAll() };
    });
    // Without a pack subscription nothing is scheduled, so nothing will ever be fetched.
    expect(stored.alarms).toEqual([]);
    expect(Object.keys(stored.local).every((k) => k === 'settings' || k === 'dataRevision')).toBe(true);
    expect(JSON.stringify(stored.local)).not.toMatch(/127\.0\.0\.1|yi-llama|hundred-models/);
    expect(stored.names).toEqual(['assay']);
  });
});
