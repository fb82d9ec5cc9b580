/**
 * `npm run bench`: Assay's annotate path against mark.js 8.11.1 and the raw floor, in real Chromium,
 * on generated pages served from 127.0.0.1 (see README "Benchmarks" and issue 6). Every measured run
 * is cold, in a fresh tab of a fresh browser context (its own renderer process). Also: incremental
 * rescans while a long page grows, popup search per keystroke, the content script's gzipped size and
 * the time from injection to first marks with the real built extension.
 *
 * Flags: --json (one JSON object on stdout, progress on stderr), --quick (fewer reps, shorter
 * mark.js cap), --no-build (use the existing .output/chrome-mv3), --reps=N, --markjs-reps=N,
 * --markjs-cap=SECONDS, --pages=en-article,zh-feed, --skip=markjs,profile,mutation,domtax,search,extension,
 * --save=FILE (also write the JSON object to FILE).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_ARGS, findChromium, launchWithExtension } from '../browser';
import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { aliasSets, loadDataset, searchEntities, type AliasSet } from './aliases';
import { bundleEntries, type EntryName } from './bundle';
import type { FrameRecord } from './harness';
import type { MarkjsResult } from './markjs-entry';
import type { AnnotateResult } from './page-entry';
import { liveParagraphs, PAGES, renderPage, type PageSpec } from './pages';
import {
  SEARCH_PHASES,
  summarizeProfile,
  type CpuProfile,
  type PhaseTable,
  type ProfileSummary,
} from './profile';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = flag('quick');
const json = flag('json');
const REPS = Number(option('reps') ?? (quick ? 3 : 5));
const MARKJS_REPS = Math.min(REPS, Number(option('markjs-reps') ?? (quick ? 1 : 3)));
const MARKJS_CAP_MS = Number(option('markjs-cap') ?? (quick ? 4 : 20)) * 1000;
const skip = new Set((option('skip') ?? '').split(',').filter(Boolean));
const onlyPages = option('pages')?.split(',');

const log = (message: string) => process.stderr.write(`${message}\n`);

const VIEWPORT = { width: 1280, height: 900 };

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
/** Median of a[i] / b[i] over the reps both have (pairs from the same rep of one run). */
const pairedRatio = (a: readonly number[], b: readonly number[]): number =>
  median(a.slice(0, Math.min(a.length, b.length)).map((x, i) => x / b[i]!));
const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
const fmt = (x: number): string => {
  if (!Number.isFinite(x)) return '–';
  if (x >= 10_000) return Math.round(x).toLocaleString('en-US');
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
};

// ---------------------------------------------------------------------------------------------
// Browser plumbing

interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/** Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs resolution instead of 100 µs. */
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** A fresh context (own renderer process) and tab on `url`, settled, with `script` injected. */
async function freshTab(browser: Browser, url: string, script: string): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Let the load's own style, layout and paint finish, as by document idle.
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  );
  await page.addScriptTag({ content: script });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/** JS heap plus the DOM's (Oilpan) heap, in bytes. */
async function heapBytes(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
}

interface Measured<T> {
  value: T;
  frame: FrameRecord;
  /** Heap growth right after the task (garbage included), MB. */
  heapMb: number;
  /** The longest main-thread task: the measured task itself or any long task until the next frame. */
  maxTaskMs: number;
}

/** Runs a page-side task: GC, heap before, the task, heap right after, then its frame record. */
async function measure<T>(
  s: Session,
  start: (page: Page) => Promise<T>,
  finish: (page: Page) => Promise<FrameRecord>,
  /** The longest task of the work itself, when it is not one task (a sliced scan). */
  taskOf?: (value: T) => number,
): Promise<Measured<T>> {
  await s.cdp.send('HeapProfiler.collectGarbage');
  const before = await heapBytes(s.cdp);
  const value = await start(s.page);
  const after = await heapBytes(s.cdp);
  const frame = await finish(s.page);
  const maxTaskMs = Math.max(
    taskOf ? taskOf(value) : frame.syncMs,
    ...frame.longTasks.map((t) => t.duration),
  );
  return { value, frame, heapMb: (after - before) / 2 ** 20, maxTaskMs };
}

/** Runs `work` under the CDP sampling profiler (when `on`) and summarizes the profile. */
async function profiled<T>(
  cdp: CDPSession,
  on: boolean,
  work: () => Promise<T>,
  phases?: PhaseTable,
): Promise<[T, ProfileSummary | undefined]> {
  if (!on) return [await work(), undefined];
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const value = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  return [value, summarizeProfile(profile, phases)];
}

type BenchWindow = Window & {
  __benchIndex: string;
  __benchNames: string[];
};

// ---------------------------------------------------------------------------------------------
// The three approaches

async function runFloor(browser: Browser, url: string, bundles: Record<EntryName, string>) {
  const s = await freshTab(browser, url, bundles.floor);
  try {
    return await measure(
      s,
      (p) => p.evaluate(() => window.__floorBench.run()),
      (p) => p.evaluate(() => window.__floorBench.finish()),
    );
  } finally {
    await s.context.close();
  }
}

/** Runs `work` in a fresh tab of `url` with the page bundle and the index handed over; closes it. */
async function withIndexTab<T>(
  browser: Browser,
  url: string,
  bundles: Record<EntryName, string>,
  indexJson: string,
  work: (s: Session) => Promise<T>,
): Promise<T> {
  const s = await freshTab(browser, url, bundles.page);
  try {
    await s.page.evaluate((index) => {
      (window as unknown as BenchWindow).__benchIndex = index;
    }, indexJson);
    return await work(s);
  } finally {
    await s.context.close();
  }
}

/** One cold annotate, sliced as the content script does it; resolves after its last slice. */
const annotateIn = (page: Page) =>
  page.evaluate(() => window.__assayBench.annotate((window as unknown as BenchWindow).__benchIndex));

async function runAssay(
  browser: Browser,
  url: string,
  bundles: Record<EntryName, string>,
  indexJson: string,
): Promise<Measured<AnnotateResult>> {
  return withIndexTab(browser, url, bundles, indexJson, (s) =>
    measure(
      s,
      annotateIn,
      (p) => p.evaluate(() => window.__assayBench.finish()),
      (v) => Math.max(v.firstTaskMs, v.maxSliceMs),
    ),
  );
}

/**
 * A CPU profile of one more cold annotate. Only the annotate is profiled: measure()'s forced
 * collection before it (for the heap figure) would count a full collection of the page's heap.
 */
async function profileAssay(
  browser: Browser,
  url: string,
  bundles: Record<EntryName, string>,
  indexJson: string,
): Promise<ProfileSummary | undefined> {
  return withIndexTab(browser, url, bundles, indexJson, async (s) => {
    const [, summary] = await profiled(s.cdp, true, () => annotateIn(s.page));
    return summary;
  });
}

async function runMarkjs(browser: Browser, url: string, bundles: Record<EntryName, string>, names: string[]) {
  const s = await freshTab(browser, url, bundles.markjs);
  try {
    await s.page.evaluate((list) => {
      (window as unknown as BenchWindow).__benchNames = list;
    }, names);
    return await measure<MarkjsResult>(
      s,
      (p) =>
        p.evaluate(
          (cap) => window.__markjsBench.run((window as unknown as BenchWindow).__benchNames, cap),
          MARKJS_CAP_MS,
        ),
      (p) => p.evaluate(() => window.__markjsBench.finish()),
    );
  } finally {
    await s.context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Cases

interface CaseRuns {
  page: string;
  aliasSet: string;
  aliases: number;
  assay: Measured<AnnotateResult>[];
  floor: Measured<{ chars: number; nodes: number }>[];
  markjs: Measured<MarkjsResult>[];
  profile?: ProfileSummary;
  /** The whole annotate in one task on a fresh page (cold code), then again once warm. */
  unsliced?: { coldMs: number; warmMs: number; extractWarmMs: number; blocks: number };
}

interface CaseSummary {
  page: string;
  aliases: number;
  assay_ms: number;
  markjs_ms: number;
  floor_ms: number;
  speedup_vs_markjs: number;
  ratio_to_floor: number;
  max_task_ms: number;
  heap_mb: number;
  // Extras (not in issue 6's minimal shape).
  alias_set: string;
  markjs_capped: boolean;
  markjs_fraction_done: number;
  build_ms: number;
  scan_ms: number;
  register_ms: number;
  first_task_ms: number;
  slices: number;
  max_slice_ms: number;
  first_paint_ms: number;
  wall_ms: number;
  index_parse_ms: number;
  frame_ms: number;
  /** The whole annotate in one task on a fresh page, and the same once the code is warm. */
  one_task_cold_ms: number;
  one_task_warm_ms: number;
  /** Text extraction alone (walk, skip checks, block text), warm. */
  extract_warm_ms: number;
  max_task_ms_worst: number;
  marks: number;
  /** Marks in the highlight at the end (those near the viewport: see lib/dom/mark-window.ts). */
  registered: number;
  markjs_marks: number;
  markjs_max_task_ms: number;
  markjs_heap_mb: number;
  floor_max_task_ms: number;
  floor_heap_mb: number;
  text_nodes: number;
  chars: number;
  reps: { assay: number; markjs: number; floor: number };
  profile?: ProfileSummary;
}

function summarize(c: CaseRuns): CaseSummary {
  const assayMs = c.assay.map((r) => r.value.assayMs);
  const markMs = c.markjs.map((r) => r.value.markjsMs);
  const floorMs = c.floor.map((r) => r.frame.syncMs);
  return {
    page: c.page,
    aliases: c.aliases,
    assay_ms: round(median(assayMs)),
    markjs_ms: round(median(markMs), 0),
    floor_ms: round(median(floorMs), 3),
    speedup_vs_markjs: round(pairedRatio(markMs, assayMs), 1),
    ratio_to_floor: round(pairedRatio(assayMs, floorMs), 2),
    max_task_ms: round(median(c.assay.map((r) => r.maxTaskMs))),
    heap_mb: round(median(c.assay.map((r) => r.heapMb))),
    alias_set: c.aliasSet,
    markjs_capped: c.markjs.some((r) => r.value.capped),
    markjs_fraction_done: round(median(c.markjs.map((r) => r.value.namesDone / r.value.names)), 3),
    build_ms: round(median(c.assay.map((r) => r.value.buildMs))),
    scan_ms: round(median(c.assay.map((r) => r.value.scanMs))),
    register_ms: round(median(c.assay.map((r) => r.value.registerMs))),
    first_task_ms: round(median(c.assay.map((r) => r.value.firstTaskMs))),
    slices: median(c.assay.map((r) => r.value.slices)),
    max_slice_ms: round(median(c.assay.map((r) => r.value.maxSliceMs))),
    first_paint_ms: round(median(c.assay.map((r) => r.value.firstPaintMs))),
    wall_ms: round(median(c.assay.map((r) => r.value.wallMs))),
    index_parse_ms: round(median(c.assay.map((r) => r.value.parseMs))),
    frame_ms: round(median(c.assay.map((r) => r.frame.frameMs))),
    one_task_cold_ms: round(c.unsliced?.coldMs ?? NaN),
    one_task_warm_ms: round(c.unsliced?.warmMs ?? NaN),
    extract_warm_ms: round(c.unsliced?.extractWarmMs ?? NaN),
    max_task_ms_worst: round(Math.max(...c.assay.map((r) => r.maxTaskMs))),
    marks: c.assay[0]?.value.marks ?? 0,
    registered: c.assay[0]?.value.registered ?? 0,
    markjs_marks: c.markjs[0]?.value.marks ?? 0,
    markjs_max_task_ms: round(median(c.markjs.map((r) => r.maxTaskMs)), 0),
    markjs_heap_mb: round(median(c.markjs.map((r) => r.heapMb))),
    floor_max_task_ms: round(median(c.floor.map((r) => r.maxTaskMs)), 3),
    floor_heap_mb: round(median(c.floor.map((r) => r.heapMb))),
    text_nodes: c.floor[0]?.value.nodes ?? 0,
    chars: c.floor[0]?.value.chars ?? 0,
    reps: { assay: c.assay.length, markjs: c.markjs.length, floor: c.floor.length },
    ...(c.profile ? { profile: c.profile } : {}),
  };
}

async function runCases(
  browser: Browser,
  server: FixtureServer,
  pages: PageSpec[],
  sets: AliasSet[],
  bundles: Record<EntryName, string>,
): Promise<CaseRuns[]> {
  const cases: CaseRuns[] = [];
  for (const spec of pages) {
    const url = server.url(`bench/${spec.name}.html`);
    for (const set of sets) {
      const indexJson = JSON.stringify(set.index);
      const c: CaseRuns = {
        page: spec.name,
        aliasSet: set.label,
        aliases: set.index.aliases.length,
        assay: [],
        floor: [],
        markjs: [],
      };
      // Interleaved by rep, so the pairs of one rep ran next to each other.
      for (let rep = 0; rep < REPS; rep++) {
        c.floor.push(await runFloor(browser, url, bundles));
        c.assay.push(await runAssay(browser, url, bundles, indexJson));
        if (rep < MARKJS_REPS && !skip.has('markjs'))
          c.markjs.push(await runMarkjs(browser, url, bundles, set.names));
        const a = c.assay.at(-1)!;
        const m = c.markjs.at(rep);
        log(
          `  ${spec.name} × ${set.label} rep ${rep + 1}/${REPS}: assay ${fmt(a.value.assayMs)} ms ` +
            `(build ${fmt(a.value.buildMs)}, scan ${fmt(a.value.scanMs)}, register ${fmt(a.value.registerMs)}; ` +
            `${a.value.slices} slices, first task ${fmt(a.value.firstTaskMs)}, max task ${fmt(a.maxTaskMs)}, ` +
            `done after ${fmt(a.value.wallMs)}, ${a.value.marks} marks), floor ${fmt(c.floor.at(-1)!.frame.syncMs)} ms` +
            (m ? `, mark.js ${m.value.capped ? '~' : ''}${fmt(m.value.markjsMs)} ms` : ''),
        );
      }
      if (!skip.has('profile')) c.profile = await profileAssay(browser, url, bundles, indexJson);
      const s = await freshTab(browser, url, bundles.page);
      try {
        c.unsliced = await s.page.evaluate((index) => window.__assayBench.unsliced(index), indexJson);
      } finally {
        await s.context.close();
      }
      cases.push(c);
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Mutation, search, budgets

interface MutationSummary {
  page: string;
  aliases: number;
  page_chars: number;
  initial_scan_ms: number;
  paragraphs_added: number;
  chars_added: number;
  updates: number;
  update_ms_total: number;
  paint_ms_total: number;
  rescan_ms_total: number;
  max_update_ms: number;
  added_alone_scan_ms: number;
  full_rescan_ms: number;
  /** Total rescanning cost over a scan of only the added text. */
  ratio_to_added_text: number;
  /** ms per 100k added characters, for the updates and for the initial whole-page scan. */
  update_ms_per_100k_chars: number;
  initial_ms_per_100k_chars: number;
  /** Per-paragraph update cost, last third of the updates over the first third (1 = no growth). */
  growth_last_vs_first_third: number;
  marks_before: number;
  marks_after: number;
  profile?: ProfileSummary;
}

async function runMutation(
  browser: Browser,
  server: FixtureServer,
  bundles: Record<EntryName, string>,
  set: AliasSet,
  texts: string[],
): Promise<MutationSummary> {
  const s = await freshTab(browser, server.url('bench/en-feed.html'), bundles.page);
  try {
    await s.page.evaluate((index) => window.__assayBench.mutation.prepare(index), JSON.stringify(set.index));
    const [, profile] = await profiled(s.cdp, !skip.has('profile'), () =>
      s.page.evaluate(
        (paragraphs) =>
          window.__assayBench.mutation.grow(paragraphs, { selector: '#live', burst: 20, intervalMs: 50 }),
        texts,
      ),
    );
    const r = await s.page.evaluate(() => window.__assayBench.mutation.compare());
    const updateMs = r.updates.reduce((t, u) => t + u.updateMs, 0);
    const paintMs = r.updates.reduce((t, u) => t + u.paintMs, 0);
    // Per-paragraph cost of each update, early vs late (growth would mean rescanning old content).
    let prev = 0;
    const perParagraph = r.updates.map((u) => {
      const added = u.appended - prev;
      prev = u.appended;
      return (u.updateMs + u.paintMs) / Math.max(1, added);
    });
    const third = Math.max(1, Math.floor(perParagraph.length / 3));
    return {
      page: 'en-feed',
      aliases: set.index.aliases.length,
      page_chars: r.pageChars,
      initial_scan_ms: round(r.initialMs),
      paragraphs_added: r.addedParagraphs,
      chars_added: r.addedChars,
      updates: r.updates.length,
      update_ms_total: round(updateMs),
      paint_ms_total: round(paintMs),
      rescan_ms_total: round(updateMs + paintMs),
      max_update_ms: round(Math.max(...r.updates.map((u) => u.updateMs + u.paintMs))),
      added_alone_scan_ms: round(r.addedAloneMs),
      full_rescan_ms: round(r.fullRescanMs),
      ratio_to_added_text: round((updateMs + paintMs) / r.addedAloneMs),
      update_ms_per_100k_chars: round(((updateMs + paintMs) / r.addedChars) * 1e5),
      initial_ms_per_100k_chars: round((r.initialMs / r.pageChars) * 1e5),
      growth_last_vs_first_third: round(
        median(perParagraph.slice(-third)) / median(perParagraph.slice(0, third)),
      ),
      marks_before: r.marksBefore,
      marks_after: r.marksAfter,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await s.context.close();
  }
}

interface DomTaxSummary {
  page: string;
  /** Mentions found, and the ranges registered (those near the viewport). */
  marks: number;
  registered: number;
  /** 2,000 text-node edits by the page: without Assay, with Assay's marks registered. */
  text_edits_ms: number;
  text_edits_with_assay_ms: number;
  /** 2,000 insert/remove pairs of a paragraph. */
  inserts_ms: number;
  inserts_with_assay_ms: number;
  slowdown: number;
  /** Median frame interval while the page changes a text node every frame: without, with Assay. */
  ticker_frame_ms: number;
  ticker_frame_with_assay_ms: number;
  /** The same with every mark registered, as before the mark window (for comparison). */
  ticker_frame_all_registered_ms: number;
}

/** What Assay's registered ranges cost the page's own DOM changes and its frames. */
async function runDomTax(
  browser: Browser,
  server: FixtureServer,
  bundles: Record<EntryName, string>,
  set: AliasSet,
  page: string,
): Promise<DomTaxSummary> {
  const s = await freshTab(browser, server.url(`bench/${page}.html`), bundles.page);
  try {
    await s.page.evaluate(() => window.__assayBench.domWork()); // warm-up
    const before = await s.page.evaluate(() => window.__assayBench.domWork());
    const frameBefore = await s.page.evaluate(() => window.__assayBench.tickerFrames());
    const { marks, registered } = await s.page.evaluate(
      (index) => window.__assayBench.annotateNow(index),
      JSON.stringify(set.index),
    );
    await s.page.waitForTimeout(200);
    const after = await s.page.evaluate(() => window.__assayBench.domWork());
    const frameAfter = await s.page.evaluate(() => window.__assayBench.tickerFrames());
    await s.page.evaluate(() => window.__assayBench.registerAll());
    const frameAll = await s.page.evaluate(() => window.__assayBench.tickerFrames());
    return {
      page,
      marks,
      registered,
      text_edits_ms: round(before.textMs),
      text_edits_with_assay_ms: round(after.textMs),
      inserts_ms: round(before.insertMs),
      inserts_with_assay_ms: round(after.insertMs),
      slowdown: round((after.textMs + after.insertMs) / (before.textMs + before.insertMs), 1),
      ticker_frame_ms: round(frameBefore, 1),
      ticker_frame_with_assay_ms: round(frameAfter, 1),
      ticker_frame_all_registered_ms: round(frameAll, 1),
    };
  } finally {
    await s.context.close();
  }
}

const SEARCH_QUERIES = [
  'deepseek',
  'qwen 2.5',
  'claude 3.5 sonnet',
  'mistrall',
  'bytdance',
  'nvidia h100',
  'gpt-4o',
  'kimi',
  '文心一言',
  '零一万物',
  '字节跳动',
  'quorvia',
  'valuation',
];

interface SearchSummary {
  entities: number;
  keystrokes: number;
  median_ms: number;
  p95_ms: number;
  max_ms: number;
  first_keystroke_ms: number;
  index_build_ms: number;
  slowest: { query: string; ms: number }[];
  profile?: ProfileSummary;
}

async function runSearch(
  browser: Browser,
  server: FixtureServer,
  bundles: Record<EntryName, string>,
  entitiesJson: string,
): Promise<SearchSummary> {
  const s = await freshTab(browser, server.url('bench/blank.html'), bundles.search);
  try {
    await s.page.evaluate((entities) => {
      (window as unknown as BenchWindow).__benchIndex = entities;
    }, entitiesJson);
    const [r, profile] = await profiled(
      s.cdp,
      !skip.has('profile'),
      () =>
        s.page.evaluate(
          (queries) => window.__searchBench.run((window as unknown as BenchWindow).__benchIndex, queries),
          SEARCH_QUERIES,
        ),
      SEARCH_PHASES,
    );
    const ms = r.keystrokes.map((k) => k.ms);
    return {
      entities: r.entities,
      keystrokes: ms.length,
      median_ms: round(median(ms), 3),
      p95_ms: round(quantile(ms, 0.95), 3),
      max_ms: round(Math.max(...ms)),
      first_keystroke_ms: round(ms[0] ?? NaN, 3),
      index_build_ms: round(r.buildMs),
      slowest: [...r.keystrokes]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((k) => ({ query: k.query, ms: round(k.ms) })),
      ...(profile ? { profile } : {}),
    };
  } finally {
    await s.context.close();
  }
}

/**
 * Builds the Chrome extension (unless --no-build and a build exists) and copies it to a temporary
 * directory, so a rebuild of .output/ meanwhile cannot change what is measured.
 */
function builtExtension(): string {
  if (!flag('no-build') || !existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    log('Building the extension (wxt build -b chrome)...');
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: ['ignore', 2, 2] });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-ext-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  return dir;
}

interface BundleBudget {
  content_js_bytes: number;
  content_js_gzip_bytes: number;
  content_css_gzip_bytes: number;
  content_js_gzip_kb: number;
}

function contentScriptSize(extensionDir: string): BundleBudget {
  const js = readFileSync(join(extensionDir, 'content-scripts/content.js'));
  let css = Buffer.alloc(0);
  try {
    css = readFileSync(join(extensionDir, 'content-scripts/content.css'));
  } catch {
    // no stylesheet
  }
  const gz = gzipSync(js, { level: 9 }).length;
  return {
    content_js_bytes: js.length,
    content_js_gzip_bytes: gz,
    content_css_gzip_bytes: css.length ? gzipSync(css, { level: 9 }).length : 0,
    content_js_gzip_kb: round(gz / 1024, 1),
  };
}

/**
 * In <head> of the extension pages: times DOMContentLoaded, load, the first registered highlight and
 * the last change of the registered ranges (the end of a sliced scan), and records every gap over
 * 20 ms between turns of a 4 ms timer loop, i.e. the stretches that blocked the page's main thread.
 * (The Long Tasks API does not report the content script's isolated-world tasks, and a busier loop
 * would starve the content script's background-priority slices.)
 */
const PROBE = `<script>
(() => {
  const probe = (window.__probe = { gaps: [], size: 0 });
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); });
  addEventListener('load', () => { probe.load = performance.now(); });
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (t - last > 20) probe.gaps.push([last, t - last]);
    last = t;
    let n = 0;
    CSS.highlights.forEach((h) => { n += h.size; });
    if (n !== probe.size) {
      probe.size = n;
      probe.changed = t;
      if (probe.marks === undefined) probe.marks = t;
    }
    if (t < 90000 && (probe.marks === undefined || t - probe.changed < 1500)) setTimeout(tick, 4);
    else probe.finished = true;
  };
  tick();
})();
</script>`;

interface Probe {
  dcl: number;
  load: number;
  marks: number;
  changed: number;
  size: number;
  gaps: [number, number][];
  timeOrigin: number;
}

interface ExtensionRun {
  /** Content script injection (its isolated world created), ms after navigation start. */
  injected: number;
  dcl: number;
  load: number;
  /** First marks registered, and the last change of them (the sliced scan done). */
  marks: number;
  complete: number;
  ranges: number;
  /** Longest main-thread block that began after injection, until 500 ms after the last change. */
  maxTaskMs: number;
}

async function extensionRun(context: BrowserContext, url: string): Promise<ExtensionRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let injectedAt: number | undefined;
  cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string } }) => {
    if (event.context.origin.startsWith('chrome-extension://')) injectedAt ??= Date.now();
  });
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(
    () => (window as unknown as { __probe: { finished?: true } }).__probe.finished,
    null,
    {
      timeout: 120_000,
      polling: 200,
    },
  );
  const p = await page.evaluate(() => ({
    ...(window as unknown as { __probe: Probe }).__probe,
    timeOrigin: performance.timeOrigin,
  }));
  await page.close();
  const injected = injectedAt === undefined ? NaN : injectedAt - p.timeOrigin;
  const from = Number.isFinite(injected) ? injected : p.dcl;
  // Stretches that began before the injection are the page's own loading work, not Assay's.
  const tasks = p.gaps.filter(([start]) => start >= from - 10 && start <= p.changed + 500).map(([, d]) => d);
  return {
    injected,
    dcl: p.dcl,
    load: p.load,
    marks: p.marks,
    complete: p.changed,
    ranges: p.size,
    maxTaskMs: tasks.length ? Math.max(...tasks) : 0,
  };
}

interface ExtensionSummary {
  page: string;
  cold: { idle_to_marks_ms: number; dcl_to_marks_ms: number; idle_to_done_ms: number; ranges: number };
  warm_reps: number;
  idle_to_marks_ms: number;
  dcl_to_marks_ms: number;
  load_to_marks_ms: number;
  /** Injection to the last change of the marks (the whole page annotated). */
  idle_to_done_ms: number;
  max_task_ms: number;
  ranges: number;
  /** Writing the bundled data into IndexedDB on install, as the service worker timed it. */
  seed_ms?: number;
  seeded_entities?: number;
}

function summarizeExtension(page: string, cold: ExtensionRun, warm: ExtensionRun[]): ExtensionSummary {
  return {
    page,
    cold: {
      idle_to_marks_ms: round(cold.marks - cold.injected, 1),
      dcl_to_marks_ms: round(cold.marks - cold.dcl, 1),
      idle_to_done_ms: round(cold.complete - cold.injected, 1),
      ranges: cold.ranges,
    },
    warm_reps: warm.length,
    idle_to_marks_ms: round(median(warm.map((r) => r.marks - r.injected)), 1),
    dcl_to_marks_ms: round(median(warm.map((r) => r.marks - r.dcl)), 1),
    load_to_marks_ms: round(median(warm.map((r) => r.marks - r.load)), 1),
    idle_to_done_ms: round(median(warm.map((r) => r.complete - r.injected)), 1),
    max_task_ms: round(median(warm.map((r) => r.maxTaskMs)), 1),
    ranges: warm[0]?.ranges ?? cold.ranges,
  };
}

/** The install-time seeding the service worker measured, read through the popup page's messaging. */
async function seedTiming(
  context: BrowserContext,
  extensionId: string,
): Promise<{ seed_ms?: number; seeded_entities?: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const meta = (await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'getMeta' }),
    )) as {
      ok: boolean;
      data?: { seedMs?: number; entityCount: number };
    };
    return { seed_ms: meta.data?.seedMs, seeded_entities: meta.data?.entityCount };
  } finally {
    await page.close();
  }
}

async function runExtension(server: FixtureServer, extensionDir: string): Promise<ExtensionSummary[]> {
  const ext = await launchWithExtension({ headless: true, extensionDir });
  try {
    const out: ExtensionSummary[] = [];
    for (const [name, reps] of [
      ['en-article', quick ? 3 : 5],
      ['en-feed', quick ? 1 : 3],
    ] as const) {
      const url = server.url(`bench/probe/${name}.html`);
      // The first page after launch pays the service worker's seeding of the database.
      const cold = await extensionRun(ext.context, url);
      const warm: ExtensionRun[] = [];
      for (let i = 0; i < reps; i++) warm.push(await extensionRun(ext.context, url));
      const summary = summarizeExtension(name, cold, warm);
      if (out.length === 0) Object.assign(summary, await seedTiming(ext.context, ext.extensionId));
      log(
        `  extension on ${name}: injection → first marks ${fmt(summary.idle_to_marks_ms)} ms (cold ${fmt(summary.cold.idle_to_marks_ms)}), ` +
          `→ last change of the registered marks ${fmt(summary.idle_to_done_ms)} ms, ` +
          `DOMContentLoaded → marks ${fmt(summary.dcl_to_marks_ms)} ms, longest task ${fmt(summary.max_task_ms)} ms, ${summary.ranges} ranges`,
      );
      out.push(summary);
    }
    return out;
  } finally {
    await ext.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Goals and report

interface Goal {
  goal: string;
  met: boolean | null;
  detail: string;
}

function goals(
  cases: CaseSummary[],
  runs: CaseRuns[],
  mutation: MutationSummary | undefined,
  search: SearchSummary | undefined,
  budget: BundleBudget | undefined,
  extension: ExtensionSummary[] | undefined,
): Goal[] {
  const out: Goal[] = [];
  const label = (c: CaseSummary) => `${c.page} ${c.alias_set}`;
  const withMark = cases.filter((c) => Number.isFinite(c.speedup_vs_markjs));
  if (withMark.length) {
    const worst = withMark.reduce((a, b) => (a.speedup_vs_markjs <= b.speedup_vs_markjs ? a : b));
    out.push({
      goal: 'Assay at least 10x faster than mark.js on every page and alias set',
      met: withMark.every((c) => c.speedup_vs_markjs >= 10),
      detail: `lowest ${fmt(worst.speedup_vs_markjs)}x (${label(worst)})`,
    });
  }
  const long = cases.filter((c) => c.page.endsWith('feed'));
  if (long.length) {
    out.push({
      goal: 'Assay within 3x of the raw floor on the long pages',
      met: long.every((c) => c.ratio_to_floor <= 3),
      detail: long.map((c) => `${label(c)} ${fmt(c.ratio_to_floor)}x`).join(', '),
    });
  }
  const scale: string[] = [];
  let scaleMet = true;
  for (const page of new Set(runs.map((r) => r.page))) {
    const [small, large] = runs.filter((r) => r.page === page);
    if (!small || !large) continue;
    const ratio = pairedRatio(
      large.assay.map((r) => r.value.assayMs),
      small.assay.map((r) => r.value.assayMs),
    );
    if (!(ratio <= 1.3)) scaleMet = false;
    scale.push(`${page} ${fmt(ratio)}x`);
  }
  if (scale.length) {
    out.push({
      goal: '10,000 aliases cost at most 1.3x the bundled alias set on the same page',
      met: scaleMet,
      detail: scale.join(', '),
    });
  }
  if (long.length) {
    out.push({
      goal: 'No main-thread task over 50 ms on the long pages',
      met: long.every((c) => c.max_task_ms <= 50),
      detail: long.map((c) => `${label(c)} ${fmt(c.max_task_ms)} ms`).join(', '),
    });
  }
  const articles = cases.filter((c) => c.page.endsWith('article'));
  if (articles.length) {
    out.push({
      goal: 'Typical article fully annotated in one task under 16 ms (median)',
      met: articles.every((c) => c.slices === 1 && c.first_task_ms < 16),
      detail: articles
        .map(
          (c) =>
            `${label(c)} ${fmt(c.first_task_ms)} ms${c.slices > 1 ? ` + ${c.slices - 1} more slices` : ''}`,
        )
        .join(', '),
    });
  }
  if (mutation) {
    out.push({
      goal: 'Incremental rescans stay proportional to the added text',
      met: mutation.ratio_to_added_text <= 3 && mutation.growth_last_vs_first_third <= 2,
      detail:
        `${mutation.updates} rescans cost ${fmt(mutation.rescan_ms_total)} ms in total vs ${fmt(mutation.added_alone_scan_ms)} ms ` +
        `to scan the added text alone (${fmt(mutation.ratio_to_added_text)}x; met when ≤3x); per-paragraph cost, ` +
        `last third vs first: ${fmt(mutation.growth_last_vs_first_third)}x (met when ≤2x)`,
    });
  }
  if (budget) {
    out.push({
      goal: 'Content script at most 60 KB gzipped',
      met: budget.content_js_gzip_bytes <= 60 * 1024,
      detail: `${fmt(budget.content_js_gzip_kb)} KB gzipped (${fmt(budget.content_js_bytes / 1024)} KB raw)`,
    });
  }
  if (search) {
    out.push({
      goal: 'Popup keystroke search under 16 ms median and 50 ms p95 at 10,000 entities',
      met: search.median_ms < 16 && search.p95_ms < 50,
      detail: `median ${fmt(search.median_ms)} ms, p95 ${fmt(search.p95_ms)} ms over ${search.keystrokes} keystrokes`,
    });
  }
  if (extension?.length) {
    const article = extension.find((e) => e.page === 'en-article');
    if (article) {
      out.push({
        goal: 'Time from document idle to first marks on the typical article (reported, no target)',
        met: null,
        detail: `${fmt(article.idle_to_marks_ms)} ms warm, ${fmt(article.cold.idle_to_marks_ms)} ms on the first page after install`,
      });
    }
    const seeded = extension.find((e) => e.seed_ms !== undefined);
    out.push({
      goal: 'Seeding IndexedDB with the bundled data on install under 1 s',
      met: seeded ? seeded.seed_ms! < 1000 : null,
      detail: seeded
        ? `${fmt(seeded.seed_ms!)} ms for ${seeded.seeded_entities} entities`
        : 'not measured (the worker had seeded before the first request)',
    });
  }
  return out;
}

function printReport(
  cases: CaseSummary[],
  mutation: MutationSummary | undefined,
  domTax: DomTaxSummary[],
  search: SearchSummary | undefined,
  budget: BundleBudget | undefined,
  extension: ExtensionSummary[] | undefined,
  goalList: Goal[],
  env: Record<string, unknown>,
): void {
  const out: string[] = [];
  out.push('');
  out.push(
    `Assay benchmark — Chromium ${env.chromium}, ${env.cores} cores, timer ${env.cross_origin_isolated ? '5 µs (isolated)' : '100 µs'}; ` +
      `reps: ${REPS} (mark.js ${MARKJS_REPS}, capped at ${MARKJS_CAP_MS / 1000} s and extrapolated: ~); ` +
      `load average ${env.load_average_start} → ${env.load_average_end}; commit ${env.commit}` +
      ((env.uncommitted as string[]).length
        ? ` + uncommitted ${(env.uncommitted as string[]).join(', ')}`
        : ''),
  );
  out.push('');
  const head = [
    'page',
    'aliases',
    'assay ms',
    '(build+scan+reg)',
    'mark.js ms',
    'floor ms',
    'speedup',
    '×floor',
    'slices',
    'first task',
    'max task ms',
    'done ms',
    'frame ms',
    'heap MB',
    'marks',
    'painted',
  ];
  const rows = cases.map((c) => [
    c.page,
    String(c.aliases),
    fmt(c.assay_ms),
    `${fmt(c.build_ms)}+${fmt(c.scan_ms)}+${fmt(c.register_ms)}`,
    Number.isFinite(c.markjs_ms) ? `${c.markjs_capped ? '~' : ''}${fmt(c.markjs_ms)}` : '–',
    fmt(c.floor_ms),
    Number.isFinite(c.speedup_vs_markjs) ? `${c.markjs_capped ? '~' : ''}${fmt(c.speedup_vs_markjs)}x` : '–',
    `${fmt(c.ratio_to_floor)}x`,
    String(c.slices),
    fmt(c.first_task_ms),
    fmt(c.max_task_ms),
    fmt(c.wall_ms),
    fmt(c.frame_ms),
    fmt(c.heap_mb),
    String(c.marks),
    String(c.registered),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  out.push(line(head));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out.push(line(r));
  out.push('');
  out.push(
    `One task, unsliced (parse + build + scan every block, nothing painted; a fresh page, then warm): ${cases
      .map((c) => `${c.page} ${c.alias_set} ${fmt(c.one_task_cold_ms)} → ${fmt(c.one_task_warm_ms)} ms`)
      .join('; ')}.`,
  );
  out.push(
    `Text extraction alone (walk, skip checks, block text; warm) vs the floor: ${cases
      .filter((c) => c.alias_set === 'bundled')
      .map((c) => `${c.page} ${fmt(c.extract_warm_ms)} ms (${fmt(c.extract_warm_ms / c.floor_ms)}x)`)
      .join('; ')}.`,
  );
  const compiled = env.compile as { aliases: number; compile_ms: number; index_kb: number }[];
  out.push(
    `The background compiles the index once per data revision (Node, warm): ${compiled
      .map((c) => `${c.aliases} aliases ${fmt(c.compile_ms)} ms, ${c.index_kb} KB as JSON`)
      .join('; ')}; a page adopts it (build column).`,
  );
  out.push('');
  for (const note of [
    'assay = main-thread work: build matcher + every scan slice (extract, match, ranges) + highlight registrations, as',
    'the content script does it (first slice 12 ms, then 8 ms background-priority slices); speedup and ×floor are medians of',
    'per-rep ratios; first task = index parse + build + first slice; max task = the longest of those tasks or of any',
    'long task until the next frame; done = from the build to the end of the last slice (idle waits included); frame =',
    'from then to the end of the next rendered frame; heap = JS + DOM heap growth right after the last slice;',
    'marks = mentions found; painted = marks registered in the highlight at the end (the blocks within a screen of',
    'the viewport, lib/dom/mark-window.ts; the others join as the reader scrolls).',
  ])
    out.push(note);

  const profiled = cases.filter((c) => c.profile);
  if (profiled.length) {
    out.push('');
    out.push('Where the time goes (CPU profile of one more run per case; share of sampled time):');
    for (const c of profiled) {
      const phases = c.profile!.phases.filter((p) => p.share >= 0.03);
      out.push(
        `  ${`${c.page} ${c.alias_set}`.padEnd(20)} ${phases.map((p) => `${p.phase} ${Math.round(p.share * 100)}%`).join(', ')}`,
      );
    }
  }
  if (mutation) {
    out.push('');
    out.push(
      `Mutation: ${mutation.paragraphs_added} paragraphs (${mutation.chars_added.toLocaleString('en-US')} chars) appended to ${mutation.page} ` +
        `(${mutation.page_chars.toLocaleString('en-US')} chars) in bursts of 20 every 50 ms; ${mutation.updates} throttled rescans.`,
    );
    out.push(
      `  rescans ${fmt(mutation.rescan_ms_total)} ms total (update ${fmt(mutation.update_ms_total)} + repaint ${fmt(mutation.paint_ms_total)}), ` +
        `longest ${fmt(mutation.max_update_ms)} ms; the added text alone scans in ${fmt(mutation.added_alone_scan_ms)} ms, ` +
        `the whole page in ${fmt(mutation.full_rescan_ms)} ms (warm), first scan ${fmt(mutation.initial_scan_ms)} ms.`,
    );
    out.push(
      `  per 100k chars: rescans ${fmt(mutation.update_ms_per_100k_chars)} ms vs first scan ${fmt(mutation.initial_ms_per_100k_chars)} ms; ` +
        `per-paragraph cost last third / first third ${fmt(mutation.growth_last_vs_first_third)}x.`,
    );
  }
  if (domTax.length) {
    out.push('');
    out.push(
      "The page's own DOM changes with Assay's marks registered (the browser rebuilds registered marks after each change):",
    );
    for (const t of domTax) {
      out.push(
        `  ${t.page.padEnd(10)} ${String(t.marks).padStart(6)} marks, ${String(t.registered).padStart(5)} registered: 2,000 text edits ${fmt(t.text_edits_ms)} → ${fmt(t.text_edits_with_assay_ms)} ms, ` +
          `2,000 inserts/removes ${fmt(t.inserts_ms)} → ${fmt(t.inserts_with_assay_ms)} ms (${fmt(t.slowdown)}x); ` +
          `frame with a ticker ${fmt(t.ticker_frame_ms)} → ${fmt(t.ticker_frame_with_assay_ms)} ms (every mark registered: ${fmt(t.ticker_frame_all_registered_ms)} ms)`,
      );
    }
  }
  if (search) {
    out.push('');
    out.push(
      `Popup search (lib/data/search.ts) over ${search.entities.toLocaleString('en-US')} entities: ${search.keystrokes} keystrokes, ` +
        `median ${fmt(search.median_ms)} ms, p95 ${fmt(search.p95_ms)} ms, max ${fmt(search.max_ms)} ms; index build ${fmt(search.index_build_ms)} ms, ` +
        `first keystroke ${fmt(search.first_keystroke_ms)} ms.`,
    );
    out.push(`  slowest: ${search.slowest.map((s) => `"${s.query}" ${fmt(s.ms)} ms`).join(', ')}`);
  }
  if (budget) {
    out.push('');
    out.push(
      `Content script: ${fmt(budget.content_js_gzip_kb)} KB gzipped (${budget.content_js_gzip_bytes.toLocaleString('en-US')} B; ` +
        `${budget.content_js_bytes.toLocaleString('en-US')} B raw; css ${budget.content_css_gzip_bytes} B gzipped).`,
    );
  }
  for (const e of extension ?? []) {
    out.push(
      `Real extension on ${e.page}: injection (document idle) → first marks ${fmt(e.idle_to_marks_ms)} ms median of ${e.warm_reps} ` +
        `(first page after install ${fmt(e.cold.idle_to_marks_ms)} ms); DOMContentLoaded → marks ${fmt(e.dcl_to_marks_ms)} ms; ` +
        `→ last change of the registered marks ${fmt(e.idle_to_done_ms)} ms; longest main-thread block ${fmt(e.max_task_ms)} ms; ${e.ranges} ranges.`,
    );
  }
  out.push('');
  out.push('Goals (issue 6):');
  for (const g of goalList) {
    const mark = g.met === null ? '[info]   ' : g.met ? '[met]    ' : '[NOT met]';
    out.push(`  ${mark} ${g.goal}: ${g.detail}`);
  }
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

/** The commit measured, and the files under lib/ and entrypoints/ that differ from it. */
function gitState(): { commit: string; uncommitted: string[] } {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommitted: git('status', '--porcelain', '--', 'lib', 'entrypoints')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3)),
  };
}

/** Everything measured in plain Chromium (no extension): the cases, mutation and search. */
async function browserBenchmarks(
  chromiumPath: string,
  server: FixtureServer,
  pages: PageSpec[],
  sets: AliasSet[],
  bundles: Record<EntryName, string>,
) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const s = await freshTab(browser, server.url('bench/blank.html'), bundles.floor);
    const env: Record<string, unknown> = {
      chromium: browser.version(),
      cores: await s.page.evaluate(() => navigator.hardwareConcurrency),
      cross_origin_isolated: await s.page.evaluate(() => self.crossOriginIsolated),
      node: process.version,
      ...gitState(),
      load_average_start: round(loadavg()[0]!),
    };
    await s.context.close();
    if (loadavg()[0]! > 1)
      log(`Warning: load average ${loadavg()[0]!.toFixed(2)}; other processes add noise.`);
    log(
      `Chromium ${env.chromium}; pages × alias sets, ${REPS} reps (mark.js ${MARKJS_REPS}, cap ${MARKJS_CAP_MS / 1000} s)...`,
    );
    const runs = await runCases(browser, server, pages, sets, bundles);
    let mutation: MutationSummary | undefined;
    if (!skip.has('mutation')) {
      log('Mutation benchmark (1,000 paragraphs appended to en-feed)...');
      const paragraphs = liveParagraphs(loadDataset().entities, 'en', 1000);
      mutation = await runMutation(browser, server, bundles, sets[0]!, paragraphs);
    }
    const domTax: DomTaxSummary[] = [];
    if (!skip.has('domtax')) {
      log("DOM tax: the page's own DOM changes with and without Assay's marks...");
      for (const page of ['en-article', 'en-feed', 'zh-feed']) {
        domTax.push(await runDomTax(browser, server, bundles, sets[0]!, page));
        const t = domTax.at(-1)!;
        log(
          `  ${page}: ${t.marks} marks, ${t.registered} registered; 2,000 text edits ${fmt(t.text_edits_ms)} → ${fmt(t.text_edits_with_assay_ms)} ms, ` +
            `2,000 inserts/removes ${fmt(t.inserts_ms)} → ${fmt(t.inserts_with_assay_ms)} ms`,
        );
      }
    }
    let search: SearchSummary | undefined;
    if (!skip.has('search')) {
      log('Popup search benchmark (10,000 entities)...');
      search = await runSearch(
        browser,
        server,
        bundles,
        JSON.stringify(searchEntities(loadDataset().entities)),
      );
    }
    return { runs, mutation, domTax, search, env };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const chromiumPath = findChromium();
  const dataset = loadDataset();
  const sets = aliasSets(dataset.entities, dataset.asOf);
  const pages = PAGES.filter((p) => !onlyPages || onlyPages.includes(p.name));
  log(
    `Generating pages and bundling the page-side code (${sets.map((s) => `${s.label}: ${s.index.aliases.length} aliases`).join(', ')})...`,
  );
  const html = new Map<string, string>();
  for (const spec of PAGES) {
    html.set(`/bench/${spec.name}.html`, renderPage(spec, dataset.entities));
    html.set(`/bench/probe/${spec.name}.html`, renderPage(spec, dataset.entities, PROBE));
  }
  html.set(
    '/bench/blank.html',
    '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>',
  );
  const bundles = await bundleEntries();
  const server = await startFixtureServer(undefined, (path) => {
    const body = html.get(path);
    return body === undefined ? undefined : { body, headers: ISOLATION };
  });

  let budget: BundleBudget | undefined;
  let extensionDir: string | undefined;
  if (!skip.has('extension')) {
    extensionDir = builtExtension();
    budget = contentScriptSize(extensionDir);
  }

  const { runs, mutation, domTax, search, env } = await browserBenchmarks(
    chromiumPath,
    server,
    pages,
    sets,
    bundles,
  );
  let extension: ExtensionSummary[] | undefined;
  try {
    if (!skip.has('extension')) {
      log('Real extension: time from injection to first marks...');
      extension = await runExtension(server, extensionDir!);
    }
  } finally {
    await server.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  }

  const cases = runs.map(summarize);
  const goalList = goals(cases, runs, mutation, search, budget, extension);
  env.compile = sets.map((set) => ({
    aliases: set.index.aliases.length,
    compile_ms: round(set.compileMs),
    index_kb: round(JSON.stringify(set.index).length / 1024, 0),
  }));
  env.duration_s = Math.round((Date.now() - started) / 1000);
  env.load_average_end = round(loadavg()[0]!);
  const result = {
    cases,
    mutation,
    dom_tax: domTax,
    search,
    budgets: budget ? { ...budget, first_marks: extension } : undefined,
    goals: goalList,
    environment: { ...env, reps: REPS, markjs_reps: MARKJS_REPS, markjs_cap_s: MARKJS_CAP_MS / 1000 },
  };
  const save = option('save');
  if (save) writeFileSync(save, `${JSON.stringify(result, null, 2)}\n`);
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else printReport(cases, mutation, domTax, search, budget, extension, goalList, env);
  log(`Done in ${env.duration_s} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
