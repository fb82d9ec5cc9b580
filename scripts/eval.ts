/**
 * `npm run eval -- [--half=test|fresh|tune|later|all] [--reference=first|adjudicated] [--errors] [--json]`:
 * precision and recall of the content
 * script's matcher on the evaluation corpus (tests/fixtures/eval/), per language, excerpts and whole
 * pages together. The test half is the default: it is the figure that counts, since nobody tuned on it
 * ('fresh': batches labelled later and kept untouched the same way).
 * Goal (issue 12): precision ≥ 0.98 and recall ≥ 0.95 in each language on the test half.
 * `--reference=adjudicated` scores against the adjudicated labels where a case has them
 * (tests/fixtures/eval/adjudicated/: where two blind labellers differed, a third decided).
 */
import { createScanner } from './scan-core';
import {
  ADJUDICATED_DIR,
  casesOf,
  loadEvalCorpus,
  loadEvalVocabulary,
  loadSplit,
  scoreCases,
  type EvalLang,
  type Half,
  withLabelsFrom,
} from './eval-corpus';

const GOAL = { precision: 0.98, recall: 0.95 };
const args = process.argv.slice(2);
const half = (args.find((a) => a.startsWith('--half='))?.slice(7) ?? 'test') as Half | 'all';
if (!['test', 'fresh', 'tune', 'later', 'all'].includes(half)) {
  console.error(`unknown half: ${half} (test, fresh, tune, later or all)`);
  process.exit(2);
}
const reference = args.find((a) => a.startsWith('--reference='))?.slice(12) ?? 'first';
if (!['first', 'adjudicated'].includes(reference)) {
  console.error(`unknown reference: ${reference} (first or adjudicated)`);
  process.exit(2);
}
const corpus = loadEvalCorpus();
const split = loadSplit();
const vocabulary = loadEvalVocabulary();
const inHalf = half === 'all' ? corpus : corpus.filter((c) => casesOf(split, half).includes(c.name));
const adjudicated = new Map(
  (reference === 'adjudicated' ? withLabelsFrom(inHalf, ADJUDICATED_DIR) : []).map((c) => [c.name, c]),
);
const chosen = inHalf.map((c) => adjudicated.get(c.name) ?? c);
const scanner = createScanner();

const rows = (['en', 'zh'] as EvalLang[]).map((lang) => {
  const cases = chosen.filter((c) => c.lang === lang);
  const s = scoreCases(scanner, cases, vocabulary);
  return {
    lang,
    cases: cases.length,
    excerpts: cases.filter((c) => c.kind === 'excerpt').length,
    pages: cases.filter((c) => c.kind === 'page').length,
    tricky: cases.filter((c) => c.tricky).length,
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    precision: Math.round(s.precision * 1000) / 1000,
    recall: Math.round(s.recall * 1000) / 1000,
    goalMet: s.precision >= GOAL.precision && s.recall >= GOAL.recall,
    errors: s.errors,
  };
});

if (args.includes('--json')) {
  process.stdout.write(
    JSON.stringify({
      half,
      reference,
      adjudicatedCases: adjudicated.size,
      goal: GOAL,
      languages: rows.map(({ errors: _e, ...r }) => r),
    }) + '\n',
  );
} else {
  console.log(
    `Evaluation corpus, ${half} half (split made ${split.made}); goal P ≥ ${GOAL.precision}, R ≥ ${GOAL.recall}`,
  );
  if (reference === 'adjudicated')
    console.log(
      `Reference: adjudicated labels for ${adjudicated.size} of ${chosen.length} cases, first labels for the rest`,
    );
  console.log('lang  cases (excerpts/pages, tricky)   tp   fp   fn  precision  recall  goal');
  for (const r of rows) {
    console.log(
      `${r.lang.padEnd(4)}  ${String(r.cases).padStart(5)} (${r.excerpts}/${r.pages}, ${r.tricky})`.padEnd(
        35,
      ) +
        `${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ` +
        `${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ${r.goalMet ? 'met' : 'not met'}`,
    );
  }
  if (args.includes('--errors')) for (const r of rows) for (const e of r.errors) console.log(`  ${e}`);
}
