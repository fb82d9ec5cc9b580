/**
 * `npm run eval:claims -- [--half=test|tune|all] [--errors]`: precision and recall of claim cues
 * (lib/claims/detect.ts) per language on tests/fixtures/claims/claims.json, written for this and
 * split before the detector was tuned: odd ids tune, even ids test (the figure that counts). A found
 * claim is right when a labelled claim of the same kind overlaps it; each label counts once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createScanner } from './scan-core';

interface Labelled {
  id: string;
  lang: 'en' | 'zh';
  sentence: string;
  claims: { text: string; kind: string }[];
}

/** Which half a case belongs to: decided by its id alone, before any tuning. */
export function halfOf(id: string): 'tune' | 'test' {
  return Number(id.replace(/\D/g, '')) % 2 === 1 ? 'tune' : 'test';
}

const args = process.argv.slice(2);
const half = (args.find((a) => a.startsWith('--half='))?.slice(7) ?? 'test') as 'test' | 'tune' | 'all';
const cases = (
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../tests/fixtures/claims/claims.json'), 'utf8'),
  ) as Labelled[]
).filter((c) => half === 'all' || halfOf(c.id) === half);
const scanner = createScanner();
const errors: string[] = [];
const score = { en: { tp: 0, fp: 0, fn: 0 }, zh: { tp: 0, fp: 0, fn: 0 } };
for (const c of cases) {
  const found = scanner.scanTextFull(c.sentence).claims;
  const wanted = c.claims.map((l) => {
    const start = c.sentence.indexOf(l.text);
    return { start, end: start + l.text.length, kind: l.kind, used: false };
  });
  const s = score[c.lang];
  for (const f of found) {
    const hit = wanted.find((w) => !w.used && w.kind === f.kind && w.start < f.end && f.start < w.end);
    if (hit) {
      hit.used = true;
      s.tp++;
    } else {
      s.fp++;
      errors.push(`${c.id} false ${f.kind} "${f.text}" in: ${c.sentence}`);
    }
  }
  for (const w of wanted.filter((x) => !x.used)) {
    s.fn++;
    errors.push(`${c.id} missed ${w.kind} "${c.sentence.slice(w.start, w.end)}" in: ${c.sentence}`);
  }
}
console.log(`Claim cues, ${half} half (${cases.length} sentences)`);
console.log('lang   tp  fp  fn  precision  recall');
for (const lang of ['en', 'zh'] as const) {
  const { tp, fp, fn } = score[lang];
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(
    `${lang}   ${String(tp).padStart(4)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}  ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}`,
  );
}
if (args.includes('--errors')) for (const e of errors) console.log(`  ${e}`);
