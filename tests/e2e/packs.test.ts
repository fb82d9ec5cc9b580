/**
 * Data pack subscriptions in real Chromium against a pack server on 127.0.0.1 (the development
 * exception to https): subscribe with the publisher's key, review and accept all, a new version
 * accepted for one entity only, a version rejected, and refusals (tampered signature, wrong key,
 * 404, oversized file, malformed JSON, server stopped) that leave the data unchanged and say why.
 * Every request goes to the pack address only, without cookies and without page content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { loadBundled } from '../../scripts/bundled-data';
import type { Entity } from '../../lib/schema';
import { MAX_PACK_BYTES, serializePack, signPack, type PackMeta } from '../../lib/packs/format';
import { generateKeyPair, keyFingerprint } from '../../lib/packs/keys';
import { axeViolations } from './helpers';

const fixtures = resolve(import.meta.dirname, '../fixtures/packs');
const TEST_PRIVATE = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pkcs8'), 'utf8').trim();
const TEST_PUBLIC = readFileSync(resolve(fixtures, 'TEST-ONLY-pack-key.pub'), 'utf8').trim();
const TITLE = 'Assay e2e test pack';

// Pack contents are copies of bundled entities (some notes left out), so no fact is made up.
const bundled = loadBundled();
const entity = (id: string): Entity => structuredClone(bundled.entities.find((e) => e.id === id)!);
const yiFull = entity('yi-34b');
const yiShort: Entity = { ...yiFull, notes: yiFull.notes.filter((n) => n.id !== 'm-ruler-yi-34b-200k') };

async function pack(entities: Entity[], version: string, key = TEST_PRIVATE): Promise<string> {
  const meta: PackMeta = {
    id: 'e2e-pack',
    title: TITLE,
    publisher: 'Assay e2e tests',
    version,
    asOf: '2026-11-30',
    licence: 'Test data copied from the bundled dataset',
  };
  return serializePack(await signPack({ schemaVersion: 1, version, asOf: meta.asOf, entities }, meta, key));
}

type Answer = { status?: number; body: string | Buffer } | 'huge';
interface PackServer {
  origin: string;
  answer: Answer;
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

/** A pack server: answers every request with `answer`, allowing any origin (CORS), recording all. */
async function startPackServer(): Promise<PackServer> {
  const state: PackServer = {
    origin: '',
    answer: { status: 404, body: '' },
    requests: [],
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    state.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    const answer = state.answer;
    if (answer === 'huge') {
      // No length given: the cap must hold while the body streams.
      res.writeHead(200, cors);
      const chunk = Buffer.alloc(1_000_000, 32);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_PACK_BYTES + chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    res.writeHead(answer.status ?? 200, cors).end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('pack server has no port');
  state.origin = `http://127.0.0.1:${address.port}`;
  state.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return state;
}

let browser: ExtensionBrowser;
let server: PackServer;
let options: Page;
const outside: string[] = [];
let packUrl: string;

beforeAll(async () => {
  server = await startPackServer();
  packUrl = `${server.origin}/packs/e2e.json`;
  browser = await launchWithExtension();
  browser.context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`chrome-extension://${browser.extensionId}/`) && !url.startsWith(server.origin))
      outside.push(url);
  });
  // A cookie for the pack host: requests must not carry it.
  await browser.context.addCookies([{ name: 'session', value: 'secret', url: server.origin }]);
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Data sources' }).click();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything the reader sees, from the background (export of all entries and deletions). */
async function snapshot(): Promise<unknown> {
  const reply = await options.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'exportData', scope: 'all' }),
  );
  const { entries, deleted } = (reply as { data: { entries: unknown; deleted: unknown } }).data;
  return { entries, deleted };
}
async function entityNotes(id: string): Promise<number | null> {
  const reply = (await options.evaluate(
    (entityId) => chrome.runtime.sendMessage({ type: 'getEntity', id: entityId }),
    id,
  )) as { data: { entity: { notes: unknown[] } } | null };
  return reply.data ? reply.data.entity.notes.length : null;
}
/** The background's alarms (the daily pack check is the only one Assay sets). */
async function alarms(): Promise<{ name: string; periodInMinutes?: number }[]> {
  return browser.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { alarms: { getAll: () => Promise<{ name: string; periodInMinutes?: number }[]> } };
      }
    ).chrome.alarms.getAll(),
  );
}

/** The pack an entry's shown version comes from, if any (looked up by name). */
async function packOf(id: string, name: string): Promise<string | undefined> {
  const reply = (await options.evaluate(
    (query) => chrome.runtime.sendMessage({ type: 'listEntities', query, limit: 50 }),
    name,
  )) as { data: { items: { id: string; pack?: string }[] } };
  const item = reply.data.items.find((i) => i.id === id);
  if (!item) throw new Error(`no entry ${id} for "${name}"`);
  return item.pack;
}
declare const chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> }; permissions: unknown };

// The last version reviewed: serving it again finds the subscription up to date.
let rejectedText = '';

const packItem = () => options.locator('li.pack[data-id="e2e-pack"]');
const status = () => options.locator('.status').innerText();

describe('subscribing to a pack', () => {
  it('asks for the https origin’s permission in the click; refused, nothing is fetched or stored', async () => {
    // The browser's prompt cannot be answered headless: the options page's API is replaced by one
    // that records the request and answers as a reader who declines.
    await options.evaluate(() => {
      const w = window as unknown as { asked: unknown[] };
      w.asked = [];
      (
        chrome as unknown as { permissions: { request: (p: unknown) => Promise<boolean> } }
      ).permissions.request = async (p) => {
        w.asked.push(p);
        return false;
      };
    });
    await options.getByLabel('Pack address (https)').fill('https://packs.example.org/assay/pack.json');
    await options.getByLabel(/public key/).fill(TEST_PUBLIC);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect
      .poll(() => options.locator('[role="alert"]').innerText())
      .toMatch(/Not subscribed: permission to reach the site was not given/);
    expect(await options.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([
      { origins: ['https://packs.example.org/*'] },
    ]);
    expect(await options.locator('li.pack').count()).toBe(0);
    expect(outside).toEqual([]);
  });

  it('refuses a key that did not sign the pack, and subscribes nothing', async () => {
    server.answer = { body: await pack([yiShort, entity('01-ai')], '1') };
    const other = await generateKeyPair();
    await options.getByLabel('Pack address (https)').fill(packUrl);
    await options.getByLabel(/public key/).fill(other.publicKey);
    await expect
      .poll(() => options.locator('#pack-key-fingerprint').innerText())
      .toContain(await keyFingerprint(other.publicKey));
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect
      .poll(() => options.locator('[role="alert"]').innerText())
      .toMatch(/Not subscribed: it is signed with another key than the one pinned/);
    expect(await options.locator('li.pack').count()).toBe(0);
  });

  it('subscribes with the publisher’s key; nothing applies until the review is accepted', async () => {
    const before = await snapshot();
    await options.getByLabel(/public key/).fill(TEST_PUBLIC);
    const fingerprint = await keyFingerprint(TEST_PUBLIC);
    await expect.poll(() => options.locator('#pack-key-fingerprint').innerText()).toContain(fingerprint);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect.poll(status).toMatch(/Subscribed to “Assay e2e test pack”/);
    const review = options.locator('.pack-review');
    await expect.poll(() => review.locator('.review-entity').count()).toBe(2);
    expect(await review.innerText()).toMatch(/2 entries added, 0 changed, 0 removed/);
    expect(await snapshot()).toEqual(before);
    expect(await packItem().innerText()).toContain(fingerprint);
    expect(await axeViolations(options)).toEqual([]);

    await options.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(status).toMatch(/Accepted version 1 of “Assay e2e test pack”/);
    await expect.poll(() => packItem().innerText()).toMatch(/In use: 2 entries shown from this pack/);
    const item = await packItem().innerText();
    expect(item).toMatch(/Publisher\s+Assay e2e tests/);
    expect(item).toMatch(/Version\s+1/);
    expect(item).toMatch(/Data as of\s+2026-11-30/);
    expect(item).toContain(packUrl);
    expect(await entityNotes('yi-34b')).toBe(yiShort.notes.length);

    // A daily check is scheduled while the subscription exists, unless the reader turns it off.
    await expect
      .poll(alarms)
      .toEqual([expect.objectContaining({ name: 'assay-pack-check', periodInMinutes: 1440 })]);
    const daily = options.getByRole('checkbox', { name: 'Check subscriptions by address once a day' });
    await daily.uncheck();
    await expect.poll(alarms).toEqual([]);
    await expect.poll(() => packItem().innerText()).toMatch(/Next check\s+not scheduled/);
    await daily.check();
    await expect.poll(alarms).toHaveLength(1);

    // The entry list names the pack an entry comes from.
    await options.getByRole('tab', { name: 'Entries' }).click();
    await options.getByLabel('Filter by name').fill('Yi-34B');
    const row = options.locator('tbody tr[data-id="yi-34b"]');
    await expect.poll(() => row.innerText()).toMatch(/from pack e2e-pack/);
    await options.getByLabel('Filter by name').fill('');
    await options.getByRole('tab', { name: 'Data sources' }).click();

    // The popup shows the bundled data's date and the pack's.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.locator('.meta').innerText())
      .toMatch(/bundled data as of \d{4}-\d{2}-\d{2}.*Pack “Assay e2e test pack” 1: data as of 2026-11-30/s);
    await popup.close();
  });

  it('an update is reviewed with its notes and sources; accepting one entity applies only it', async () => {
    server.answer = { body: await pack([yiFull, entity('llama')], '2') };
    await packItem().getByRole('button', { name: 'Check now' }).click();
    await expect.poll(status).toMatch(/A new version of “Assay e2e test pack” is ready for review/);
    await packItem().getByRole('button', { name: 'Review version 2' }).click();
    const review = options.locator('.pack-review');
    await expect.poll(() => review.innerText()).toMatch(/1 entries added, 1 changed, 1 removed/);
    const yi = review.locator('.review-entity[data-id="yi-34b"]');
    expect(await yi.innerText()).toMatch(/changed/);
    const added = yiFull.notes.find((n) => n.id === 'm-ruler-yi-34b-200k')!;
    expect(await yi.innerText()).toContain(added.text.en);
    expect(await yi.locator('.review-sources').innerText()).toContain(added.sources[0]!.publisher);
    expect(await axeViolations(options)).toEqual([]);

    await options.getByRole('checkbox', { name: 'Accept the change to 01.AI' }).uncheck();
    await options.getByRole('checkbox', { name: 'Accept the change to Llama' }).uncheck();
    await options.getByRole('button', { name: 'Accept selected (1)' }).click();
    await expect.poll(status).toMatch(/Accepted version 2/);
    expect(await entityNotes('yi-34b')).toBe(yiFull.notes.length);
    await expect.poll(() => packItem().innerText()).toMatch(/You accepted part of this version/);
    // 01.AI stays as the pack had it; Llama is the bundled one.
    expect(await packOf('01-ai', '01.AI')).toBe('e2e-pack');
    expect(await packOf('llama', 'Llama')).toBeUndefined();
  });

  it('rejecting a version leaves the data unchanged', async () => {
    const before = await snapshot();
    rejectedText = await pack([yiFull, entity('llama'), entity('deepseek-v3')], '3');
    server.answer = { body: rejectedText };
    await packItem().getByRole('button', { name: 'Check now' }).click();
    await packItem().getByRole('button', { name: 'Review version 3' }).click();
    await options.getByRole('button', { name: 'Reject this version' }).click();
    await expect.poll(status).toMatch(/Rejected version 3 .* the data is unchanged/);
    expect(await snapshot()).toEqual(before);
    expect(await packItem().innerText()).not.toMatch(/awaits review/);
  });
});

describe('refused versions leave the data unchanged and say why', () => {
  const cases: [string, () => Promise<Answer>, RegExp][] = [
    [
      'a tampered signature',
      async () => ({ body: (await pack([yiShort], '4')).replace(yiShort.name.en, 'Yi-34B (tampered)') }),
      /the signature does not match/,
    ],
    [
      'a pack signed with another key',
      async () => ({ body: await pack([yiShort], '4', (await generateKeyPair()).privateKey) }),
      /signed with another key than the one pinned/,
    ],
    ['a 404', async () => ({ status: 404, body: 'not found' }), /the server did not send the file.*404/],
    ['an oversized file', async () => 'huge', /the file is too large/],
    ['malformed JSON', async () => ({ body: '{"format": "assay-pack", "meta": ' }), /not a readable pack/],
  ];
  for (const [name, answer, reason] of cases)
    it(name, async () => {
      const before = await snapshot();
      server.answer = await answer();
      await packItem().getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => packItem().locator('.pack-error').innerText()).toMatch(reason);
      expect(await packItem().locator('.pack-error').innerText()).toMatch(/The data was left unchanged/);
      expect(await status()).toMatch(/The check of “Assay e2e test pack” failed/);
      expect(await snapshot()).toEqual(before);
      expect(await packItem().innerText()).not.toMatch(/awaits review/);
      // The next case must see its own error appear, not this one.
      server.answer = { body: rejectedText };
      await packItem().getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => packItem().locator('.pack-error').count()).toBe(0);
      expect(await status()).toMatch(/is up to date/);
    });

  it('a stopped server (offline)', async () => {
    const before = await snapshot();
    await server.close();
    await packItem().getByRole('button', { name: 'Check now' }).click();
    await expect
      .poll(() => packItem().locator('.pack-error').innerText())
      .toMatch(/the server could not be reached/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('several packs', () => {
  it('a second pack from a file: conflicts are shown and the reader’s order decides', async () => {
    // The notes the entity's links cite stay, or the pack would be refused as inconsistent.
    const kept = ['eleutherai-on-nyt', 'f-trained-from-scratch-claim', 'mmlu-questioned'];
    const fileYi: Entity = { ...yiFull, notes: yiFull.notes.filter((n) => kept.includes(n.id)) };
    const meta: PackMeta = {
      id: 'e2e-file-pack',
      title: 'Assay e2e file pack',
      publisher: 'Assay e2e tests',
      version: 'f1',
      asOf: '2026-11-30',
      licence: 'Test data copied from the bundled dataset',
    };
    const text = serializePack(
      await signPack(
        { schemaVersion: 1, version: 'f1', asOf: meta.asOf, entities: [fileYi] },
        meta,
        TEST_PRIVATE,
      ),
    );
    await options.getByRole('radio', { name: /From a file/ }).check();
    await options.setInputFiles('#pack-file', {
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await options.getByLabel(/public key/).fill(TEST_PUBLIC);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect.poll(status).toMatch(/Subscribed to “Assay e2e file pack”/);
    await options.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(status).toMatch(/Accepted version f1/);
    const filePack = options.locator('li.pack[data-id="e2e-file-pack"]');
    await expect.poll(() => filePack.innerText()).toMatch(/added from a file/);
    // The first subscription comes first and wins; the disagreement is listed.
    expect(await entityNotes('yi-34b')).toBe(yiFull.notes.length);
    const conflict = options.locator('table.conflicts tr[data-id="yi-34b"]');
    await expect
      .poll(() => conflict.innerText())
      .toMatch(/Yi-34B\s+Assay e2e test pack\s+Assay e2e file pack/);
    expect(await axeViolations(options)).toEqual([]);

    await filePack.getByRole('button', { name: 'Move up: Assay e2e file pack' }).click();
    await expect.poll(() => entityNotes('yi-34b')).toBe(kept.length);
    await expect
      .poll(() => conflict.innerText())
      .toMatch(/Yi-34B\s+Assay e2e file pack\s+Assay e2e test pack/);
    await filePack.getByRole('button', { name: /Remove/ }).click();
    await expect.poll(() => entityNotes('yi-34b')).toBe(yiFull.notes.length);
  });
});

describe('privacy', () => {
  it('every request went to the pack address, as a GET without cookies, referrer or body', () => {
    expect(outside).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(5);
    for (const r of server.requests) {
      expect(r.method).toBe('GET');
      expect(r.path).toBe('/packs/e2e.json');
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
      expect(r.headers['content-length']).toBeUndefined();
    }
  });

  it('removing the subscription puts the bundled data back', async () => {
    await packItem()
      .getByRole('button', { name: /Remove/ })
      .click();
    await expect.poll(status).toMatch(/Removed “Assay e2e test pack”/);
    expect(await entityNotes('yi-34b')).toBe(yiFull.notes.length);
    expect(await packOf('01-ai', '01.AI')).toBeUndefined();
    expect(await packOf('yi-34b', 'Yi-34B')).toBeUndefined();
    expect(await options.locator('li.pack').count()).toBe(0);
    await expect.poll(alarms).toEqual([]);
  });
});
