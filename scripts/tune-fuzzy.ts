/**
 * Prints precision and recall on the labelled fixtures for a range of fuse.js thresholds, overall
 * and for fuzzy links alone: the evidence behind FUSE_THRESHOLD in lib/match/fuzzy.ts.
 * Run: npx tsx scripts/tune-fuzzy.ts
 */
import { createScanner } from './scan-core';
import { loadLabelled, loadTokenCases, score, scoreTokens } from './labelled';

const { fixtures, vocabulary } = loadLabelled();
const tokens = loadTokenCases();
console.log('           news fixtures        model-shaped tokens');
console.log('threshold  precision  recall    precision  recall');
for (const threshold of [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
  const scanner = createScanner(undefined, { fuseThreshold: threshold });
  const s = score(scanner, fixtures, vocabulary);
  const t = scoreTokens(scanner, tokens);
  const f = (x: number) => x.toFixed(3).padStart(9);
  console.log(
    `${threshold.toFixed(2).padStart(9)}  ${f(s.precision)} ${f(s.recall)}  ${f(t.precision)} ${f(t.recall)}`,
  );
  if (process.argv.includes('--errors')) for (const e of t.errors) console.log(`    ${e}`);
}
