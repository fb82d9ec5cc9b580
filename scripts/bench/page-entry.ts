/**
 * Page side of the Assay benchmark, bundled into an IIFE and injected into a fresh tab. It does
 * exactly what the content script does once it has the index (entrypoints/content/runner.ts):
 * createMatcher, an Annotator with visibility checks, a sliced scan of document.body (a first slice
 * of one frame's budget, the rest as background-priority tasks: entrypoints/content/schedule.ts),
 * handing each slice's changed blocks to a MarkWindow that registers the marks near the viewport.
 * The mutation benchmark feeds MutationObserver records to annotator.update() with the content
 * script's throttle.
 */
import { createMatcher, type MatcherIndex } from '../../lib/match/matcher-index';
import { Annotator } from '../../lib/dom/annotator';
import { blocksInView, iterateBlocks } from '../../lib/dom/blocks';
import { MarkWindow, viewportObserver } from '../../lib/dom/mark-window';
import { DEFAULT_SETTINGS, highlightName } from '../../lib/settings';
import { inBackground } from '../../entrypoints/content/schedule';
import { finishTask, floorPass, now, sleep, startTask } from './harness';

// The content script's constants (entrypoints/content/runner.ts, card-host.tsx).
const MARK = highlightName(DEFAULT_SETTINGS.markStyle);
const HOST_TAG = 'assay-card';
const RESCAN_MS = 250;
const FIRST_SLICE_MS = 12;
const SLICE_MS = 8;
const options = {
  checkVisibility: true,
  exclude: (el: Element) => el.localName === HOST_TAG,
  // The content script adopts its mark styles into open shadow roots (the generated pages have none).
  shadowRoots: () => {},
};

export interface AnnotateResult {
  parseMs: number;
  buildMs: number;
  /** Time in scan slices, registration excluded. */
  scanMs: number;
  /** Time handing changed marks to the window and registering them (its observer callbacks). */
  registerMs: number;
  /** build + every slice (scan + register): Assay's whole annotate work on the main thread. */
  assayMs: number;
  /** The first task: index parse + build + first slice (+ its paint), as in the content script. */
  firstTaskMs: number;
  /** The longest later slice (0 when the first slice finished the page). */
  maxSliceMs: number;
  slices: number;
  /** From the start of the build to the first registered marks, and to the last slice's end. */
  firstPaintMs: number;
  wallMs: number;
  /** Mentions found on the page. */
  marks: number;
  /** Ranges in the highlight once the scan is over (the marks near the viewport). */
  registered: number;
}

/**
 * The content script's painter: one Highlight, fed by a MarkWindow with the changed blocks only; the
 * window's IntersectionObserver registers the marks near the viewport, in its own callbacks (timed
 * here as registration work).
 */
function painter() {
  const highlight = new Highlight();
  const timing = { callbackMs: 0, firstMarkAt: NaN };
  const target = {
    add(range: AbstractRange) {
      if (Number.isNaN(timing.firstMarkAt)) timing.firstMarkAt = now();
      highlight.add(range);
    },
    delete: (range: AbstractRange) => highlight.delete(range),
    clear: () => highlight.clear(),
  };
  const marks = new MarkWindow(target, (callback) =>
    viewportObserver((entries) => {
      const start = now();
      callback(entries);
      timing.callbackMs += now() - start;
    }),
  );
  CSS.highlights.set(MARK, highlight);
  return {
    paint(annotator: Annotator): void {
      marks.apply(annotator.takeChanged().map((element) => [element, annotator.rangesOf(element)] as const));
    },
    highlight,
    timing,
  };
}

/** The annotator of the last annotate run (for registerAll). */
let lastAnnotator: Annotator | undefined;

/**
 * Registers every mark of the last run in a highlight of its own, as Assay did before the mark
 * window: what the page's frames would pay for them. Returns how many.
 */
function registerAll(): number {
  const ranges = lastAnnotator?.ranges() ?? [];
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  CSS.highlights.set(`${MARK}-all`, highlight);
  return highlight.size;
}

const frames = (n: number) =>
  new Promise<void>((done) => {
    const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  });

/** One cold annotate of the page; the index arrives as JSON, as a message would bring it. */
function annotate(indexJson: string): Promise<AnnotateResult> {
  return new Promise((resolve) => {
    const t0 = now();
    const index = JSON.parse(indexJson) as MatcherIndex;
    const t1 = now();
    const matcher = createMatcher(index);
    const t2 = now();
    const annotator = new Annotator(matcher, { ...options, chromeWords: index.chromeWords });
    lastAnnotator = annotator;
    const { paint, highlight, timing } = painter();
    const scan = annotator.startScan(document.body, blocksInView(document, innerWidth, innerHeight));
    const slices: number[] = [];
    let paintMs = 0;
    const slice = async (budgetMs: number) => {
      const start = now();
      const done = scan.step(budgetMs, now);
      const stepped = now();
      paint(annotator);
      const end = now();
      paintMs += end - stepped;
      slices.push(end - start);
      if (!done) {
        inBackground(() => void slice(SLICE_MS));
        return;
      }
      // The window registers what is near the viewport in observer callbacks after layout.
      await frames(2);
      const sliced = slices.reduce((a, b) => a + b, 0);
      const registerMs = paintMs + timing.callbackMs;
      resolve({
        parseMs: t1 - t0,
        buildMs: t2 - t1,
        scanMs: sliced - paintMs,
        registerMs,
        assayMs: t2 - t1 + sliced + timing.callbackMs,
        firstTaskMs: t2 - t0 + slices[0]!,
        maxSliceMs: Math.max(0, ...slices.slice(1)),
        slices: slices.length,
        firstPaintMs: timing.firstMarkAt - t1,
        wallMs: end - t1,
        marks: annotator.ranges().length,
        registered: highlight.size,
      });
    };
    void slice(FIRST_SLICE_MS);
  });
}

export interface MutationUpdate {
  /** Paragraphs appended so far. */
  appended: number;
  records: number;
  updateMs: number;
  paintMs: number;
}

export interface MutationResult {
  pageChars: number;
  initialMs: number;
  addedParagraphs: number;
  addedChars: number;
  updates: MutationUpdate[];
  /** A fresh annotator scanning only the container with the added paragraphs (warm). */
  addedAloneMs: number;
  /** A fresh annotator scanning the whole page again (warm): what a full rescan would cost. */
  fullRescanMs: number;
  marksBefore: number;
  marksAfter: number;
}

/**
 * The mutation benchmark in three steps (so a profiler can cover the growth alone): prepare scans the
 * page as the content script does, grow appends paragraphs under the content script's throttled
 * observer, compare scans the added text alone and the whole page again.
 */
function mutationBench() {
  let matcher: ReturnType<typeof createMatcher>;
  let annotator: Annotator;
  let chromeWords = '';
  let painted: ReturnType<typeof painter>;
  const result = {} as MutationResult;
  let container: Element;
  return {
    prepare(indexJson: string): void {
      const index = JSON.parse(indexJson) as MatcherIndex;
      matcher = createMatcher(index);
      chromeWords = index.chromeWords;
      annotator = new Annotator(matcher, { ...options, chromeWords });
      result.pageChars = floorPass().chars;
      const t0 = now();
      annotator.scan(document.body);
      painted = painter();
      painted.paint(annotator);
      result.initialMs = now() - t0;
      result.marksBefore = annotator.ranges().length;
    },
    /** Appends `texts` as paragraphs into `selector`, `burst` at a time every `intervalMs`. */
    async grow(
      texts: string[],
      { selector, burst, intervalMs }: { selector: string; burst: number; intervalMs: number },
    ): Promise<void> {
      const updates: MutationUpdate[] = [];
      let appended = 0;
      let pending: MutationRecord[] = [];
      let timer: number | undefined;
      const applyChanges = () => {
        const records = pending;
        pending = [];
        const a = now();
        const changed = annotator.update(records);
        const b = now();
        if (changed) painted.paint(annotator);
        updates.push({ appended, records: records.length, updateMs: b - a, paintMs: now() - b });
      };
      // The content script's observer: throttled, not debounced.
      const observer = new MutationObserver((records) => {
        pending.push(...records);
        if (timer !== undefined) return;
        timer = window.setTimeout(() => {
          timer = undefined;
          applyChanges();
        }, RESCAN_MS);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      container = document.querySelector(selector)!;
      let addedChars = 0;
      for (let i = 0; i < texts.length; i += burst) {
        await sleep(intervalMs);
        for (const text of texts.slice(i, i + burst)) {
          const p = document.createElement('p');
          p.textContent = text;
          container.append(p);
          addedChars += text.length;
          appended++;
        }
      }
      await sleep(RESCAN_MS + 150);
      observer.disconnect();
      result.updates = updates;
      result.addedParagraphs = appended;
      result.addedChars = addedChars;
      result.marksAfter = annotator.ranges().length;
    },
    compare(): MutationResult {
      const t1 = now();
      new Annotator(matcher, { ...options, chromeWords }).scan(container);
      result.addedAloneMs = now() - t1;
      const t2 = now();
      new Annotator(matcher, { ...options, chromeWords }).scan(document.body);
      result.fullRescanMs = now() - t2;
      return result;
    },
  };
}

/**
 * The page's own DOM work, which Assay's registered ranges may tax: 2,000 edits of a text node and
 * 2,000 insert/remove pairs of a paragraph, in a container at the end of the page.
 */
function domWork(): { textMs: number; insertMs: number } {
  const host = document.querySelector('#live') ?? document.body.appendChild(document.createElement('div'));
  const span = host.appendChild(document.createElement('span'));
  const text = span.appendChild(document.createTextNode('0'));
  const t0 = now();
  for (let i = 0; i < 2000; i++) text.data = String(i);
  const t1 = now();
  for (let i = 0; i < 2000; i++) {
    const p = document.createElement('p');
    p.textContent = 'ticker';
    host.append(p);
    p.remove();
  }
  const t2 = now();
  span.remove();
  return { textMs: t1 - t0, insertMs: t2 - t1 };
}

/**
 * The page's own ticker: changes a text node once per frame for `count` frames; the median frame
 * interval, which registered marks lengthen (the browser rebuilds their markers after DOM changes).
 */
async function tickerFrames(count = 30): Promise<number> {
  const host = document.querySelector('#live') ?? document.body.appendChild(document.createElement('div'));
  const text = host.appendChild(document.createTextNode('0'));
  await frames(2);
  const intervals: number[] = [];
  let last = now();
  for (let i = 0; i < count; i++) {
    text.data = String(i);
    await frames(1);
    const t = now();
    intervals.push(t - last);
    last = t;
  }
  text.remove();
  intervals.sort((a, b) => a - b);
  return intervals[intervals.length >> 1]!;
}

/**
 * The whole annotate (parse, build, scan every block) in one synchronous task, twice on the same
 * page: the first run pays for cold code (V8 interprets it until it is hot), the second shows the
 * same work once compiled. Nothing is painted.
 */
function unsliced(indexJson: string) {
  const once = () => {
    const start = now();
    const index = JSON.parse(indexJson) as MatcherIndex;
    const annotator = new Annotator(createMatcher(index), { ...options, chromeWords: index.chromeWords });
    annotator.startScan(document.body).step(Infinity, now);
    return now() - start;
  };
  const coldMs = once();
  for (let i = 0; i < 3; i++) once();
  const warmMs = once();
  // Text extraction alone (the walk, skip checks, joining each block's text), warm. Layout is asked
  // only about blocks that name something (withoutHidden), which this leaves out.
  const start = now();
  let blocks = 0;
  for (const _ of iterateBlocks(document.body, options)) blocks++;
  return { coldMs, warmMs, extractWarmMs: now() - start, blocks };
}

const bench = {
  /** Starts a cold annotate task; resolves right after it. */
  annotate: (indexJson: string) => startTask(() => annotate(indexJson)),
  finish: finishTask,
  mutation: mutationBench(),
  domWork,
  tickerFrames,
  registerAll,
  unsliced,
  /** A plain (untimed) annotate to the end, leaving the marks registered. */
  annotateNow: async (indexJson: string) => {
    const { marks, registered } = await annotate(indexJson);
    return { marks, registered };
  },
};

declare global {
  interface Window {
    __assayBench: typeof bench;
  }
}
window.__assayBench = bench;
