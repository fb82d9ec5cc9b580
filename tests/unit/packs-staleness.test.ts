import { describe, expect, it } from 'vitest';
import type { Facts, Note } from '../../lib/schema';
import { SHELF_LIFE_MONTHS, isExportStatusStale, isStale, stalenessTopic } from '../../lib/data/staleness';
import { loadBundled } from '../../scripts/bundled-data';

const source = { url: 'https://example.org/a', title: 'A', publisher: 'Example' };
const note = (kind: Note['kind'], date: string, en = 'Something happened.', zh?: string): Note => ({
  id: 'n',
  kind,
  text: { en, ...(zh && { zh }) },
  date,
  status: 'confirmed',
  sources: [source],
});

describe('shelf lives', () => {
  it('a funding line is current for 12 months from its date', () => {
    expect(isStale(note('funding', '2024-01-15'), '2025-01-15')).toEqual({
      stale: false,
      asOf: '2024-01-15',
      shelfLifeMonths: 12,
      until: '2025-01-15',
    });
    expect(isStale(note('funding', '2024-01-15'), '2025-01-16').stale).toBe(true);
    expect(isStale(note('funding', '2024-01-15'), new Date('2025-01-16T00:30:00Z')).stale).toBe(true);
  });

  it('a partial date counts from the end of its period', () => {
    expect(isStale(note('funding', '2024'), '2025-12-31')).toMatchObject({
      stale: false,
      until: '2025-12-31',
    });
    expect(isStale(note('funding', '2024-02'), '2025-02-28')).toMatchObject({
      stale: false,
      until: '2025-02-28',
    });
    expect(isStale(note('funding', '2024-02'), '2025-03').stale).toBe(true);
  });

  it('clamps to the end of a shorter month', () => {
    const exportRule = note('compute', '2024-08-31', 'New US export rules cover the chip.');
    expect(isStale(exportRule, '2025-02-28')).toMatchObject({ stale: false, until: '2025-02-28' });
    expect(isStale(exportRule, '2025-03-01').stale).toBe(true);
  });

  it('provenance lasts years; export rules and leaderboard positions months', () => {
    expect(isStale(note('provenance', '2020-05'), '2025-05-31')).toMatchObject({
      stale: false,
      shelfLifeMonths: 60,
    });
    expect(isStale(note('provenance', '2020-05'), '2025-06-01').stale).toBe(true);

    expect(stalenessTopic(note('compute', '2024', 'The US added it to the Entity List.'))).toBe(
      'export-rule',
    );
    expect(stalenessTopic(note('compute', '2024', 'x', '美国将其列入实体清单。'))).toBe('export-rule');
    expect(stalenessTopic(note('compute', '2024', 'A cluster of 10,000 GPUs.'))).toBe('compute');
    expect(stalenessTopic(note('benchmark', '2024', 'It ranked No. 2 on LMArena.'))).toBe('leaderboard');
    expect(stalenessTopic(note('benchmark', '2024', 'x', '登顶排行榜。'))).toBe('leaderboard');
    expect(stalenessTopic(note('benchmark', '2024', 'GSM1k found overfitting.'))).toBe('benchmark');
    expect(stalenessTopic(note('funding', '2024', 'A round; it ranked first among startups.'))).toBe(
      'funding',
    );

    expect(SHELF_LIFE_MONTHS['export-rule']).toBe(6);
    expect(SHELF_LIFE_MONTHS.leaderboard).toBe(6);
    expect(SHELF_LIFE_MONTHS.funding).toBe(12);
    expect(SHELF_LIFE_MONTHS.provenance).toBe(60);
    expect(
      isStale(note('benchmark', '2025-01', 'Ranked first on the leaderboard.'), '2025-08-01').stale,
    ).toBe(true);
    expect(isStale(note('benchmark', '2025-01', 'GSM1k found overfitting.'), '2025-08-01').stale).toBe(false);
  });

  it('a chip’s export status counts from its latest dated source', () => {
    const facts: Facts = {
      exportControl: 'licence-required',
      sources: [
        { ...source, published: '2022-09-01' },
        { ...source, url: 'https://example.org/b', published: '2023-10' },
        { ...source, url: 'https://example.org/c' },
      ],
    };
    expect(isExportStatusStale(facts, '2024-04-30')).toMatchObject({
      stale: false,
      asOf: '2023-10',
      until: '2024-04-30',
    });
    expect(isExportStatusStale(facts, '2024-05-01')?.stale).toBe(true);
    expect(isExportStatusStale({ ...facts, sources: [source] }, '2020')).toMatchObject({
      stale: true,
      asOf: undefined,
    });
    expect(isExportStatusStale({ released: '2024', sources: [source] }, '2030')).toBeUndefined();
    expect(isExportStatusStale(undefined, '2030')).toBeUndefined();
  });

  it('refuses a "now" that is not a date', () => {
    expect(() => isStale(note('funding', '2024'), 'yesterday')).toThrow(RangeError);
  });

  it('judges every bundled note and export status', () => {
    const dataset = loadBundled();
    const topics: Record<string, number> = {};
    for (const entity of dataset.entities) {
      for (const n of entity.notes) {
        const result = isStale(n, dataset.asOf);
        expect(result.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const topic = stalenessTopic(n);
        topics[topic] = (topics[topic] ?? 0) + 1;
      }
      isExportStatusStale(entity.facts, dataset.asOf);
    }
    // Each topic occurs in the bundled data, so each shelf life is exercised by real lines.
    expect(Object.keys(topics).sort()).toEqual(Object.keys(SHELF_LIFE_MONTHS).sort());
  });
});
