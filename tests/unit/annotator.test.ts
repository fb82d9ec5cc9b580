import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Annotator, type ChangeRecord } from '../../lib/dom/annotator';
import { CUE_LEXICONS } from '../../lib/match/lexicons';
import { AliasMatcher } from '../../lib/match/matcher';

const matcher = new AliasMatcher(
  [
    { text: 'OpenAI', entityId: 'openai' },
    { text: 'GPT-4', entityId: 'gpt-4' },
    { text: 'Yi-34B', entityId: 'yi-34b' },
    { text: '01.AI', entityId: '01-ai' },
    { text: 'Yi', entityId: 'yi', caseSensitive: true, ambiguous: true },
  ],
  { yi: ['01-ai', 'yi-34b'], '01-ai': ['yi'], 'yi-34b': ['yi'] },
  { cues: CUE_LEXICONS },
);

const texts = (annotator: Annotator) => annotator.all().map((m) => `${m.range.toString()}→${m.entityId}`);

/** Records mutations made by `change` and hands them over as the content script does. */
function mutate(root: Node, change: () => void): ChangeRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('Annotator', () => {
  it('admits an ambiguous name when a related entity is named elsewhere on the page', () => {
    document.body.innerHTML = '<p>Yi is popular.</p><p>01.AI released it.</p>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    expect(texts(annotator)).toEqual(['Yi→yi', '01.AI→01-ai']);
    document.body.innerHTML = '<p>Yi is popular.</p><p>Nothing else.</p>';
    annotator.scan(document.body);
    expect(texts(annotator)).toEqual([]);
  });

  it('reads the blocks in view first, then the others once each', () => {
    document.body.innerHTML = Array.from(
      { length: 20 },
      (_, i) => `<p id="p${i}">OpenAI <b>${i}</b></p>`,
    ).join('');
    const annotator = new Annotator(matcher);
    const [p15, p16] = [document.getElementById('p15')!, document.getElementById('p16')!];
    // Repeated and nested elements are read once.
    const scan = annotator.startScan(document.body, [p15, p16, p15, p15.querySelector('b')!]);
    // A step reads eight blocks before it looks at the clock: the two in view, then six in order.
    expect(scan.step(0, () => 1)).toBe(false);
    const firstSlice = annotator.all().map((m) => (m.range.startContainer.parentNode as Element).id);
    expect(firstSlice).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p15', 'p16']);
    while (!scan.step(0, () => 1));
    const all = annotator.all().map((m) => (m.range.startContainer.parentNode as Element).id);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`));
  });

  it('rescans only the blocks mutations touched', async () => {
    document.body.innerHTML = '<div id="feed"><p id="a">OpenAI ships.</p><p id="b">Quiet news.</p></div>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    expect(texts(annotator)).toEqual(['OpenAI→openai']);

    const records = mutate(document.body, () => {
      const p = document.createElement('p');
      p.textContent = 'GPT-4 arrives.';
      document.getElementById('feed')!.append(p);
      document.getElementById('b')!.firstChild!.textContent = 'Yi-34B news.';
    });
    expect(annotator.update(records)).toBe(true);
    expect(texts(annotator)).toEqual(['OpenAI→openai', 'Yi-34B→yi-34b', 'GPT-4→gpt-4']);

    const removal = mutate(document.body, () => document.getElementById('a')!.remove());
    expect(annotator.update(removal)).toBe(true);
    expect(texts(annotator)).toEqual(['Yi-34B→yi-34b', 'GPT-4→gpt-4']);
  });

  it('reports no change when the touched blocks hold no names', () => {
    document.body.innerHTML = '<div id="feed"><p>OpenAI ships.</p></div>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    const quiet = mutate(document.body, () =>
      document
        .getElementById('feed')!
        .append(Object.assign(document.createElement('p'), { textContent: 'Weather.' })),
    );
    expect(annotator.update(quiet)).toBe(false);
    const named = mutate(document.body, () =>
      document
        .getElementById('feed')!
        .append(Object.assign(document.createElement('p'), { textContent: 'GPT-4 news.' })),
    );
    expect(annotator.update(named)).toBe(true);
  });

  it('ignores changes inside editors', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="e">draft</p></div><p>OpenAI</p>';
    const annotator = new Annotator(matcher);
    annotator.scan(document.body);
    const records = mutate(document.body, () => {
      document.getElementById('e')!.textContent = 'OpenAI and GPT-4';
    });
    annotator.update(records);
    expect(texts(annotator)).toEqual(['OpenAI→openai']);
  });

  it('scanning in slices finds what one scan finds', () => {
    document.body.innerHTML = Array.from(
      { length: 40 },
      (_, i) => `<p>Item ${i}: OpenAI and Yi-34B; 01.AI says Yi.</p>`,
    ).join('');
    const annotator = new Annotator(matcher);
    const scan = annotator.startScan(document.body);
    let clock = 0;
    let slices = 0;
    while (!scan.step(1, () => (clock += 1))) slices++;
    expect(slices).toBeGreaterThan(3);
    const full = new Annotator(matcher);
    full.scan(document.body);
    expect(texts(annotator)).toEqual(texts(full));
    expect(texts(annotator)).toHaveLength(160);
  });

  it('finds the same mentions however a block is split into nodes (property)', () => {
    const sentence = 'OpenAI said GPT-4 beat Yi-34B, and 01.AI disagreed about Yi.';
    document.body.innerHTML = `<p>${sentence}</p>`;
    const expected = texts(scanned(sentence));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: sentence.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const p = document.createElement('p');
          let last = 0;
          [...cuts.sort((a, b) => a - b), sentence.length].forEach((cut, i) => {
            const part = sentence.slice(last, cut);
            last = cut;
            if (i % 2) {
              const span = document.createElement(i % 4 === 1 ? 'b' : 'span');
              span.textContent = part;
              p.append(span);
            } else p.append(part);
          });
          document.body.replaceChildren(p);
          const annotator = new Annotator(matcher);
          annotator.scan(document.body);
          expect(texts(annotator)).toEqual(expected);
        },
      ),
    );
  });
});

function scanned(sentence: string): Annotator {
  document.body.innerHTML = `<p>${sentence}</p>`;
  const annotator = new Annotator(matcher);
  annotator.scan(document.body);
  return annotator;
}
