import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeCard } from '../../lib/dom/position';

describe('placeCard', () => {
  it('puts the card below an anchor near the top', () => {
    expect(placeCard({ left: 100, top: 50, bottom: 70 }, { width: 1200, height: 800 })).toEqual({
      left: 100,
      width: 380,
      top: 76,
      maxHeight: 716,
    });
  });

  it('puts the card above an anchor near the bottom, pinned by its bottom edge', () => {
    const p = placeCard({ left: 100, top: 700, bottom: 720 }, { width: 1200, height: 800 });
    expect(p.bottom).toBe(106);
    expect(p.top).toBeUndefined();
    expect(p.maxHeight).toBe(686);
  });

  it('always stays inside the viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: -500, max: 3500 }),
        fc.integer({ min: -500, max: 3500 }),
        fc.integer({ min: 0, max: 60 }),
        (width, height, x, y, h) => {
          const p = placeCard({ left: x, top: y, bottom: y + h }, { width, height });
          expect(p.left).toBeGreaterThanOrEqual(8);
          expect(p.left + p.width).toBeLessThanOrEqual(width - 8);
          const top = p.top ?? height - p.bottom! - p.maxHeight;
          expect(top).toBeGreaterThanOrEqual(8 - 1e-9);
          expect(top + p.maxHeight).toBeLessThanOrEqual(height - 8 + 1e-9);
        },
      ),
    );
  });
});
