import { describe, expect, it } from 'vitest';
import { MarkWindow, type NearObserverFactory } from '../../lib/dom/mark-window';

/** A stand-in IntersectionObserver the test moves elements in and out of the viewport with. */
function fakeObserver() {
  const watched = new Set<Element>();
  let report: Parameters<NearObserverFactory>[0] = () => {};
  const factory: NearObserverFactory = (callback) => {
    report = callback;
    return {
      observe: (el) => watched.add(el),
      unobserve: (el) => watched.delete(el),
      disconnect: () => watched.clear(),
    };
  };
  const move = (target: Element, isIntersecting: boolean) => report([{ target, isIntersecting }]);
  return { factory, watched, move };
}

const range = (label: string) => ({ label }) as unknown as AbstractRange;

describe('MarkWindow', () => {
  it('registers a block’s marks only while it is near the viewport', () => {
    const { factory, watched, move } = fakeObserver();
    const highlight = new Set<AbstractRange>();
    const marks = new MarkWindow(highlight, factory);
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    const [a1, a2, b1] = [range('a1'), range('a2'), range('b1')];
    marks.apply([[a, [a1, a2]]]);
    marks.apply([[b, [b1]]]);
    expect(watched).toEqual(new Set([a, b]));
    expect(highlight.size).toBe(0);
    move(a, true);
    expect([...highlight]).toEqual([a1, a2]);
    expect(marks.size).toBe(2);
    move(b, true);
    move(a, false);
    expect([...highlight]).toEqual([b1]);
    expect(marks.size).toBe(1);
  });

  it('swaps the ranges of a changed block in place, and stops watching a block without marks', () => {
    const { factory, watched, move } = fakeObserver();
    const highlight = new Set<AbstractRange>();
    const marks = new MarkWindow(highlight, factory);
    const p = document.createElement('p');
    const [old, fresh] = [range('old'), range('fresh')];
    marks.apply([[p, [old]]]);
    move(p, true);
    marks.apply([[p, [fresh]]]);
    expect([...highlight]).toEqual([fresh]);
    marks.apply([[p, []]]);
    expect(highlight.size).toBe(0);
    expect(marks.size).toBe(0);
    expect(watched.has(p)).toBe(false);
    // A late report about a forgotten block changes nothing.
    move(p, true);
    expect(highlight.size).toBe(0);
  });

  it('clear empties the highlight and forgets every block', () => {
    const { factory, watched, move } = fakeObserver();
    const highlight = new Set<AbstractRange>();
    const marks = new MarkWindow(highlight, factory);
    const p = document.createElement('p');
    marks.apply([[p, [range('x')]]]);
    move(p, true);
    marks.clear();
    expect(highlight.size).toBe(0);
    expect(watched.size).toBe(0);
    move(p, true);
    expect(highlight.size).toBe(0);
  });

  it('watches only a stretch of blocks around the reader on a crowded page, and follows the reader', () => {
    const { factory, watched, move } = fakeObserver();
    const highlight = new Set<AbstractRange>();
    const marks = new MarkWindow(highlight, factory, 4);
    document.body.replaceChildren(
      ...Array.from({ length: 10 }, (_, i) => Object.assign(document.createElement('p'), { id: `p${i}` })),
    );
    const p = (i: number) => document.getElementById(`p${i}`)!;
    const ids = () => [...watched].map((el) => el.id).sort();
    // Blocks arrive out of page order (those in view first); the window keeps page order.
    marks.apply([9, 8, 0, 1, 2, 3, 4, 5, 6, 7].map((i) => [p(i), [range(`r${i}`)]] as const));
    expect(marks.crowded).toBe(true);
    expect(ids()).toEqual(['p0', 'p1', 'p2', 'p3']);
    move(p(1), true);
    expect([...highlight]).toHaveLength(1);
    // The reader scrolls to the end: the stretch moves there. A block still on screen (say, sticky)
    // stays watched and marked until it leaves the viewport.
    marks.follow(p(8));
    expect(ids()).toEqual(['p1', 'p6', 'p7', 'p8', 'p9']);
    expect(highlight.size).toBe(1);
    move(p(1), false);
    expect(ids()).toEqual(['p6', 'p7', 'p8', 'p9']);
    expect(highlight.size).toBe(0);
    move(p(8), true);
    expect(marks.size).toBe(1);
    // A small move does not shift the stretch; a block that goes makes room for another.
    marks.follow(p(9));
    expect(ids()).toEqual(['p6', 'p7', 'p8', 'p9']);
    marks.apply([[p(9), []]]);
    expect(ids()).toEqual(['p5', 'p6', 'p7', 'p8']);
  });
});
