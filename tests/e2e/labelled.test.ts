/**
 * The labelled fixtures in real Chromium with the built extension: the marks must be exactly the
 * scan CLI's mentions, and reach the precision and recall the unit test asks of the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { createScanner } from '../../scripts/scan-core';
import { labelledPage, loadLabelled } from '../../scripts/labelled';
import { paragraphs } from '../../scripts/paragraphs';
import { markedSpans, waitForScan } from './helpers';

const { fixtures, vocabulary } = loadLabelled();
let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  const byPath = new Map(fixtures.map((f) => [`/labelled/${f.name}.html`, labelledPage(f)]));
  server = await startFixtureServer(undefined, (path) => byPath.get(path));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('labelled fixtures in the browser', () => {
  it('marks exactly what the CLI finds, with precision ≥ 0.97 and recall ≥ 0.95 on spans', async () => {
    const scanner = createScanner();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const page = await browser.context.newPage();
    for (const fixture of fixtures) {
      await page.goto(server.url(`labelled/${fixture.name}.html`));
      // The scan runs in slices and paints as it goes: wait until it has settled, then collect every
      // mark (only those near the viewport are registered at a time).
      await waitForScan(page);
      const marks = await markedSpans(page);
      const starts = paragraphs(fixture.text).map((p) => p.start);
      const browserSpans = marks.map(
        (m) => `${starts[m.paragraph]! + m.start}:${starts[m.paragraph]! + m.end}`,
      );
      const cli = scanner.scanText(fixture.text);
      expect(browserSpans, fixture.name).toEqual(cli.map((m) => `${m.start}:${m.end}`));

      // Span-level scores. Marks carry no entity ids in the page, so entities added to the dataset
      // after labelling are left out by the CLI's attribution of the (identical) spans.
      const outside = new Set(
        cli.filter((m) => !vocabulary.has(m.entity.id)).map((m) => `${m.start}:${m.end}`),
      );
      const expected = new Set(fixture.expected.map((m) => `${m.start}:${m.end}`));
      const got = new Set(browserSpans.filter((span) => !outside.has(span)));
      for (const span of got) {
        if (expected.has(span)) tp++;
        else fp++;
      }
      for (const span of expected) if (!got.has(span)) fn++;
    }
    await page.close();
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.97);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
  });
});
