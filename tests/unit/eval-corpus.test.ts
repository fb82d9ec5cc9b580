import { describe, expect, it } from 'vitest';
import {
  casesOf,
  loadEvalCorpus,
  loadEvalVocabulary,
  loadSplit,
  withLabelsFrom,
  SECOND_DIR,
  ADJUDICATED_DIR,
} from '../../scripts/eval-corpus';

describe('evaluation corpus', () => {
  const corpus = loadEvalCorpus();
  const split = loadSplit();

  it('locates every label, each naming an entity it was labelled against', () => {
    const vocabulary = loadEvalVocabulary();
    for (const c of corpus) {
      for (const m of [...c.expected, ...c.chrome]) {
        expect(vocabulary.has(m.entity), `${c.name}: ${m.entity}`).toBe(true);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }
  });

  it('reads a second labeller’s labels of the test half and the first fresh batch, each found and naming a known entity', () => {
    const vocabulary = loadEvalVocabulary();
    const second = withLabelsFrom(corpus, SECOND_DIR);
    expect(second.map((c) => c.name).sort()).toEqual([...split.test, ...split.fresh![0]!.test].sort());
    for (const c of second)
      for (const m of [...c.expected, ...c.chrome])
        expect(vocabulary.has(m.entity), `${c.name}: ${m.entity}`).toBe(true);
  });

  it('reads the adjudicated labels, only of cases two labellers labelled, each naming a known entity', () => {
    const vocabulary = loadEvalVocabulary();
    const twice = new Set(withLabelsFrom(corpus, SECOND_DIR).map((c) => c.name));
    const adjudicated = withLabelsFrom(corpus, ADJUDICATED_DIR);
    expect(adjudicated.length).toBeGreaterThan(0);
    for (const c of adjudicated) {
      expect(twice.has(c.name), c.name).toBe(true);
      for (const m of [...c.expected, ...c.chrome])
        expect(vocabulary.has(m.entity), `${c.name}: ${m.entity}`).toBe(true);
    }
  });

  it('has the size and mix issue 12 asks for', () => {
    const excerpts = corpus.filter((c) => c.kind === 'excerpt');
    const pages = corpus.filter((c) => c.kind === 'page');
    expect(excerpts.length).toBeGreaterThanOrEqual(80);
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(corpus.filter((c) => c.lang === 'zh').length / corpus.length).toBeGreaterThanOrEqual(0.4);
    expect(corpus.filter((c) => c.tricky).length / corpus.length).toBeGreaterThanOrEqual(0.3);
  });

  it('puts every case in exactly one half of the recorded split (later batches on the tuning side)', () => {
    const names = corpus.map((c) => c.name).sort();
    const later = casesOf(split, 'later');
    const fresh = casesOf(split, 'fresh');
    expect([...split.tune, ...split.test, ...later, ...fresh].sort()).toEqual(names);
    expect(split.tune.filter((n) => split.test.includes(n))).toEqual([]);
    // A batch added later never holds a case that was in the split when it was made, nor another's.
    const before = new Set([...split.test, ...split.tune]);
    expect(later.filter((n) => before.has(n))).toEqual([]);
    expect(fresh.filter((n) => before.has(n) || later.includes(n))).toEqual([]);
  });
});
