/**
 * `npm run eval:agreement -- [--half=test|fresh|tune|later|all] [--disagreements]`: how far two
 * labellers agree on the evaluation corpus (tests/fixtures/eval/second/ holds a second labeller's
 * blind labels), and the matcher's precision and recall against each. Agreement is scored like the
 * matcher: the same span and entity, with the first labeller as the reference. It bounds what any
 * matcher can reach. `--disagreements` lists, instead, every label only one labeller gave (for an
 * adjudicator: it runs no matcher, so it shows nothing of Assay's output).
 */
import { createScanner } from './scan-core';
import {
  casesOf,
  loadEvalCorpus,
  loadEvalVocabulary,
  loadSplit,
  scoreCases,
  withLabelsFrom,
  SECOND_DIR,
  type EvalCase,
  type EvalLang,
  type Half,
} from './eval-corpus';
import { scoreOf, type Score } from './labelled';

const half = (process.argv.find((a) => a.startsWith('--half='))?.slice(7) ?? 'test') as Half | 'all';
const split = loadSplit();
const corpus = loadEvalCorpus().filter((c) => half === 'all' || casesOf(split, half).includes(c.name));
const second = withLabelsFrom(corpus, SECOND_DIR);
const first = new Map(corpus.map((c) => [c.name, c]));

if (process.argv.includes('--disagreements')) {
  listDisagreements();
  process.exit(0);
}
const vocabulary = loadEvalVocabulary();
const scanner = createScanner();

/** Prints, per case, the mentions and chrome names only one of the two labellers gave. */
function listDisagreements(): void {
  type Span = { start: number; end: number; entity: string };
  const key = (m: Span) => `${m.start}:${m.end}:${m.entity}`;
  for (const c of second) {
    const one = first.get(c.name)!;
    const lines: string[] = [];
    for (const [part, a, b] of [
      ['mention', one.expected, c.expected],
      ['chrome', one.chrome, c.chrome],
    ] as const) {
      const inB = new Set(b.map(key));
      const inA = new Set(a.map(key));
      const only = [
        ...a.filter((m) => !inB.has(key(m))).map((m) => ({ m, who: 'first only ' })),
        ...b.filter((m) => !inA.has(key(m))).map((m) => ({ m, who: 'second only' })),
      ].sort((x, y) => x.m.start - y.m.start);
      for (const { m, who } of only) {
        const context = c.visible.slice(Math.max(0, m.start - 40), m.end + 40).replace(/\s+/g, ' ');
        lines.push(
          `  ${who} ${part} [${m.start}] "${c.visible.slice(m.start, m.end)}" → ${m.entity} …${context}…`,
        );
      }
    }
    if (lines.length > 0) console.log(`${c.name} (${c.kind}, ${c.lang})\n${lines.join('\n')}`);
  }
}

/** The second labeller's mentions against the first's: same span and entity. */
function agreement(cases: EvalCase[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const key = (m: { start: number; end: number; entity: string }) => `${m.start}:${m.end}:${m.entity}`;
  for (const c of cases) {
    const reference = new Set(first.get(c.name)!.expected.map(key));
    const other = new Set(c.expected.map(key));
    for (const k of other) {
      if (reference.has(k)) tp++;
      else fp++;
    }
    for (const k of reference) if (!other.has(k)) fn++;
  }
  return scoreOf(tp, fp, fn, []);
}

const f = (x: number) => x.toFixed(3);
console.log(`Labeller agreement, ${half} half: ${second.length} of ${corpus.length} cases labelled twice`);
console.log('lang  cases  first  second  agree: P(2|1)  R(2|1)   matcher vs 1: P  R   matcher vs 2: P  R');
for (const lang of ['en', 'zh'] as EvalLang[]) {
  const twice = second.filter((c) => c.lang === lang);
  const once = twice.map((c) => first.get(c.name)!);
  const a = agreement(twice);
  const m1 = scoreCases(scanner, once, vocabulary);
  const m2 = scoreCases(scanner, twice, vocabulary);
  console.log(
    `${lang.padEnd(4)}  ${String(twice.length).padStart(5)}  ${String(a.tp + a.fn).padStart(5)}  ${String(a.tp + a.fp).padStart(6)}` +
      `         ${f(a.precision)}   ${f(a.recall)}            ${f(m1.precision)} ${f(m1.recall)}            ${f(m2.precision)} ${f(m2.recall)}`,
  );
}
