/**
 * Makes tests/fixtures/eval/split.json once, before any tuning on the corpus: within each group of
 * cases of one kind, language and trickiness, cases sorted by a hash of their name alternate between
 * the tuning half and the test half. Kept for the record (and for cases added later, which go to the
 * test half unless the split is made anew, which would void every figure measured on it).
 * Run: npx tsx scripts/eval-split.ts [--write]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR, loadEvalCorpus, type Split } from './eval-corpus';

const groups = new Map<string, string[]>();
for (const c of loadEvalCorpus()) {
  const key = `${c.kind}/${c.lang}/${c.tricky ? 'tricky' : 'plain'}`;
  groups.set(key, [...(groups.get(key) ?? []), c.name]);
}
const hash = (name: string) => createHash('sha256').update(name).digest('hex');
const split: Split = {
  made: new Date().toISOString().slice(0, 10),
  how: 'per kind × language × trickiness, names sorted by SHA-256 and alternated, the first of each group to the test half',
  tune: [],
  test: [],
};
for (const names of groups.values()) {
  names.sort((a, b) => hash(a).localeCompare(hash(b)));
  names.forEach((name, i) => (i % 2 === 0 ? split.test : split.tune).push(name));
}
split.tune.sort();
split.test.sort();
const out = JSON.stringify(split, null, 2) + '\n';
if (process.argv.includes('--write')) writeFileSync(join(EVAL_DIR, 'split.json'), out);
else process.stdout.write(out);
