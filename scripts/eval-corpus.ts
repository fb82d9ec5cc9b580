/**
 * The evaluation corpus in tests/fixtures/eval/: real excerpts and whole saved pages that nobody on
 * the team wrote, labelled by hand, split once into a tuning half and a test half (split.json) before
 * any tuning. Figures that count are the test half's.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { scoreOf, type Score } from './labelled';
import type { Scanner, ScanMention } from './scan-core';
import { inVocabulary } from './vocabulary';

export const EVAL_DIR = resolve(import.meta.dirname, '../tests/fixtures/eval');

export type EvalLang = 'en' | 'zh';

export interface EvalCase {
  name: string;
  kind: 'excerpt' | 'page';
  lang: EvalLang;
  tricky: boolean;
  /** The raw file: plain text for excerpts, HTML for pages. */
  raw: string;
  /** The text offsets refer to: the excerpt, or the page's textContent. */
  text: string;
  /** `text` with script, style and template contents blanked: where labels are looked for. */
  visible: string;
  expected: { start: number; end: number; entity: string }[];
  /** Names in a page's navigation, footer or widgets: marking them counts against precision. */
  chrome: { start: number; end: number; entity: string }[];
}

interface Label {
  text: string;
  entity: string;
  /** Offset in the page's visible text, where a label's first occurrence is elsewhere (a title, a menu). */
  at?: number;
}

interface Spec {
  lang: string;
  tricky?: boolean;
  mentions: Label[];
  chrome?: Label[];
  /** The page hides its body until its own scripts run (the scan CLI runs none): shown for the scan. */
  revealedByScripts?: boolean;
}

/** Unhides a page that its scripts would reveal on load (what the reader sees when Assay runs). */
const REVEAL_STYLE =
  '<style>html, body { display: block !important; visibility: visible !important; }</style>';

/**
 * A page's textContent (the scan CLI's offsets), and the same text with script, style and template
 * contents blanked, so labels are found where a reader sees them.
 */
export function pageText(html: string): { text: string; visible: string } {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  let text = '';
  let visible = '';
  const walker = window.document.createTreeWalker(window.document.documentElement, 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as unknown as Text).data;
    text += data;
    const hidden = node.parentElement?.closest('script, style, noscript, template');
    visible += hidden ? ' '.repeat(data.length) : data;
  }
  void window.happyDOM.close();
  return { text, visible };
}

/** Finds each label after the previous one (labels are in text order). */
function locate(
  name: string,
  haystack: string,
  labels: Label[],
): { start: number; end: number; entity: string }[] {
  let from = 0;
  return labels.map((m) => {
    if (m.at !== undefined) {
      if (haystack.slice(m.at, m.at + m.text.length) !== m.text)
        throw new Error(`${name}: label "${m.text}" is not at offset ${m.at}`);
      from = m.at + m.text.length;
      return { start: m.at, end: from, entity: m.entity };
    }
    const start = haystack.indexOf(m.text, from);
    if (start < 0) throw new Error(`${name}: label "${m.text}" not found after offset ${from}`);
    from = start + m.text.length;
    return { start, end: from, entity: m.entity };
  });
}

/** Loads every case of the corpus. */
export function loadEvalCorpus(dir = EVAL_DIR): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const [kind, sub, ext] of [
    ['excerpt', 'excerpts', '.txt'],
    ['page', 'pages', '.html'],
  ] as const) {
    let files: string[];
    try {
      files = readdirSync(join(dir, sub)).filter((f) => f.endsWith(ext));
    } catch {
      continue; // no such part of the corpus yet
    }
    for (const file of files.sort()) {
      const name = file.slice(0, -ext.length);
      const labels = join(dir, sub, `${name}.expected.json`);
      // A text still being labelled is not a case yet (the split lists only labelled ones).
      if (!existsSync(labels)) {
        console.warn(`eval: ${sub}/${file} has no labels yet; left out`);
        continue;
      }
      const spec = JSON.parse(readFileSync(labels, 'utf8')) as Spec;
      const stored = readFileSync(join(dir, sub, file), 'utf8');
      // The revealing style goes at the very end, so the text before it (every label) keeps its offsets.
      const raw = spec.revealedByScripts ? `${stored}${REVEAL_STYLE}` : stored;
      const { text, visible } = kind === 'page' ? pageText(raw) : { text: raw, visible: raw };
      cases.push({
        name,
        kind,
        lang: spec.lang.startsWith('zh') ? 'zh' : 'en',
        tricky: !!spec.tricky,
        raw,
        text,
        visible,
        expected: locate(name, visible, spec.mentions),
        chrome: locate(name, visible, spec.chrome ?? []),
      });
    }
  }
  return cases;
}

/** Where a second labeller's labels of the corpus are kept (same stems, `{ mentions, chrome }`). */
export const SECOND_DIR = join(EVAL_DIR, 'second');

/**
 * Where an adjudicator's labels are kept (same stems and form): the first and second labels with
 * each difference decided by a third person, who saw neither Assay's output nor its errors.
 */
export const ADJUDICATED_DIR = join(EVAL_DIR, 'adjudicated');

/**
 * The cases labelled again in `dir` (SECOND_DIR, ADJUDICATED_DIR), with those labels in place of
 * the first's: for measuring how far labellers agree, and the matcher against either.
 */
export function withLabelsFrom(corpus: EvalCase[], dir: string): EvalCase[] {
  const out: EvalCase[] = [];
  for (const c of corpus) {
    const file = join(dir, c.kind === 'page' ? 'pages' : 'excerpts', `${c.name}.json`);
    if (!existsSync(file)) continue;
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Pick<Spec, 'mentions' | 'chrome'>;
    out.push({
      ...c,
      expected: locate(`${basename(dir)}/${c.name}`, c.visible, spec.mentions),
      chrome: locate(`${basename(dir)}/${c.name}`, c.visible, spec.chrome ?? []),
    });
  }
  return out;
}

export interface Split {
  /** When the split was made, before any tuning on the corpus. */
  made: string;
  how: string;
  tune: string[];
  test: string[];
  /**
   * Batches labelled after the split, blind (labellers never saw Assay's output on them), all on
   * the tuning side: new text to tune on, so the test half stays untouched.
   */
  later?: { made: string; how: string; tune: string[] }[];
  /**
   * Batches labelled after the split, blind, and kept untouched like the test half: a second figure
   * nobody tuned on, from text collected after the tuning began.
   */
  fresh?: { made: string; how: string; test: string[] }[];
}

/** The sides of the split a figure can be reported for. */
export type Half = 'test' | 'tune' | 'later' | 'fresh';

/** The cases of one side of the split ('later' and 'fresh': batches added since, to each side). */
export function casesOf(split: Split, half: Half): string[] {
  if (half === 'later') return (split.later ?? []).flatMap((b) => b.tune);
  if (half === 'fresh') return (split.fresh ?? []).flatMap((b) => b.test);
  return split[half];
}

/** The recorded split. */
export function loadSplit(dir = EVAL_DIR): Split {
  return JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as Split;
}

/** The entities the corpus was labelled against: predictions of later entities are not counted. */
export function loadEvalVocabulary(dir = EVAL_DIR): Set<string> {
  return new Set(JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')) as string[]);
}

/** What the scanner marks in one case. */
export function predict(scanner: Scanner, c: EvalCase): ScanMention[] {
  return c.kind === 'page' ? scanner.scanHtml(c.raw) : scanner.scanText(c.text);
}

/**
 * A mark's span as labels write it: Assay underlines a plural "s" after a model number ("H100s",
 * "MI300Xs", "H100 SXMs"), labels name the thing ("H100"); the two count as the same span.
 */
function labelSpan(text: string, m: { start: number; end: number }): { start: number; end: number } {
  const plural =
    m.end - m.start > 2 &&
    text[m.end - 1] === 's' &&
    (/\d/.test(text[m.end - 2]!) || /\d ?[A-Z]+$/.test(text.slice(m.start, m.end - 1)));
  return plural ? { start: m.start, end: m.end - 1 } : m;
}

/** Scores cases: a hit needs the exact span and the right entity; a mark in page chrome is a false one. */
export function scoreCases(scanner: Scanner, cases: EvalCase[], vocabulary: Set<string>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  const key = (m: { start: number; end: number; entity: string }) => `${m.start}:${m.end}:${m.entity}`;
  for (const c of cases) {
    const predicted = predict(scanner, c)
      .map((m) => inVocabulary(scanner, m, vocabulary))
      .filter((m) => m !== undefined)
      .map((m) => ({ ...m, ...labelSpan(c.text, m) }));
    const want = new Set(c.expected.map(key));
    const got = new Set(predicted.map((m) => key({ start: m.start, end: m.end, entity: m.entity.id })));
    for (const m of predicted) {
      if (want.has(key({ start: m.start, end: m.end, entity: m.entity.id }))) tp++;
      else {
        fp++;
        const context = c.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ');
        errors.push(`${c.name}: false "${m.text}" → ${m.entity.id} (${m.match}) …${context}…`);
      }
    }
    for (const m of c.expected) {
      if (!got.has(key(m))) {
        fn++;
        const context = c.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ');
        errors.push(`${c.name}: missed "${c.text.slice(m.start, m.end)}" → ${m.entity} …${context}…`);
      }
    }
  }
  return scoreOf(tp, fp, fn, errors);
}
