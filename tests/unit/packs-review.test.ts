import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset, Entity } from '../../lib/schema';
import { applyReview, diffDatasets } from '../../lib/packs/review';
import { testDataset } from '../helpers/dataset';

const current = testDataset('1');

/** Version 2: 01-ai's note reworded and an alias added, yi-34b a new note, llama gone, qwen new. */
function nextVersion(): Dataset {
  const base = testDataset('1');
  const ai = structuredClone(base.entities.find((e) => e.id === '01-ai')!);
  ai.notes[0]!.text = { en: 'Completed a round led by Alibaba Cloud, valued above US$1 billion.' };
  ai.aliases.push({ text: '01 AI' });
  const yi = structuredClone(base.entities.find((e) => e.id === 'yi-34b')!);
  yi.notes.push({ ...structuredClone(ai.notes[0]!), id: 'a-new-note', kind: 'funding' });
  const qwen: Entity = { id: 'qwen', type: 'model-family', name: { en: 'Qwen' }, aliases: [], notes: [] };
  return testDataset('2', { '01-ai': ai, 'yi-34b': yi, llama: null, qwen });
}

describe('diffDatasets', () => {
  it('lists entities added, changed and removed, sorted by id', () => {
    const review = diffDatasets(current, nextVersion());
    expect(review.fromVersion).toBe('1');
    expect(review.toVersion).toBe('2');
    expect(review.entities.map((e) => [e.id, e.change])).toEqual([
      ['01-ai', 'changed'],
      ['llama', 'removed'],
      ['qwen', 'added'],
      ['yi-34b', 'changed'],
    ]);
    expect(review.counts).toEqual({ added: 1, changed: 2, removed: 1 });
  });

  it('names the fields and notes that changed, with their sources', () => {
    const review = diffDatasets(current, nextVersion());
    const ai = review.entities.find((e) => e.id === '01-ai')!;
    expect(ai.fields).toEqual(['aliases']);
    expect(ai.notes).toHaveLength(1);
    expect(ai.notes[0]).toMatchObject({ id: 'alibaba-round', change: 'changed', kind: 'funding' });
    expect(ai.notes[0]!.before!.text.en).toMatch(/reportedly/);
    expect(ai.notes[0]!.after!.text.en).not.toMatch(/reportedly/);
    expect(ai.notes[0]!.sources[0]!.publisher).toBe('China Money Network');

    const yi = review.entities.find((e) => e.id === 'yi-34b')!;
    expect(yi.fields).toEqual([]);
    expect(yi.notes.map((n) => [n.id, n.change])).toEqual([['a-new-note', 'added']]);

    // A removed entity lists the notes it takes with it (llama has none); sources include responses.
    const removed = diffDatasets(testDataset('1'), testDataset('2', { 'yi-34b': null }));
    const gone = removed.entities[0]!;
    expect(gone).toMatchObject({ id: 'yi-34b', change: 'removed', name: 'Yi-34B', type: 'model' });
    expect(gone.notes.map((n) => [n.id, n.change, n.sources.length])).toEqual([
      ['llama-architecture', 'removed', 2],
    ]);
  });

  it('finds nothing between equal data, whatever the key order', () => {
    const reordered = JSON.parse(
      JSON.stringify(current, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as Dataset;
    expect(diffDatasets(current, reordered).entities).toEqual([]);
  });
});

describe('applyReview', () => {
  it('accepting all gives the next version; accepting none the current one', () => {
    const next = nextVersion();
    expect(applyReview(current, next, 'all')).toBe(next);
    expect(applyReview(current, next, ['01-ai', 'llama', 'qwen', 'yi-34b'])).toEqual(next);
    expect(applyReview(current, next, [])).toBe(current);
    expect(applyReview(current, next, ['alibaba'])).toBe(current); // unchanged: nothing to accept
  });

  it('accepting some takes just those entities and keeps the current version', () => {
    const next = nextVersion();
    const result = applyReview(current, next, ['01-ai', 'qwen']);
    expect(result.version).toBe('1');
    expect(result.entities.map((e) => e.id)).toEqual(['01-ai', 'alibaba', 'llama', 'yi-34b', 'qwen']);
    expect(result.entities[0]).toEqual(next.entities.find((e) => e.id === '01-ai'));
    expect(result.entities[3]).toEqual(current.entities.find((e) => e.id === 'yi-34b'));
    // What is left to review is exactly what was not accepted.
    expect(diffDatasets(result, next).entities.map((e) => e.id)).toEqual(['llama', 'yi-34b']);
    // Accepting a removal removes.
    expect(applyReview(current, next, ['llama']).entities.map((e) => e.id)).toEqual([
      '01-ai',
      'alibaba',
      'yi-34b',
    ]);
  });

  it('leaves only the changes not accepted, for any subset', () => {
    const next = nextVersion();
    const ids = diffDatasets(current, next).entities.map((e) => e.id);
    fc.assert(
      fc.property(fc.subarray(ids), (accepted) => {
        const left = diffDatasets(applyReview(current, next, accepted), next).entities.map((e) => e.id);
        expect(left).toEqual(ids.filter((id) => !accepted.includes(id)));
      }),
    );
  });
});
