import { describe, expect, it } from 'vitest';
import bundled from '../../data/dataset.json';
import { parseDataset } from '../../lib/schema';
import { checkIntegrity } from '../../lib/data/integrity';
import { aliasIndex } from '../../lib/store/service';
import { AliasMatcher } from '../../lib/match/matcher';

const dataset = parseDataset(bundled);

describe('bundled dataset', () => {
  it('passes the schema and the cross-entity checks', () => {
    expect(checkIntegrity(dataset)).toEqual([]);
  });

  it('covers at least 25 entities, each note dated and sourced', () => {
    expect(dataset.entities.length).toBeGreaterThanOrEqual(25);
    const notes = dataset.entities.flatMap((e) => e.notes);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note.sources.length).toBeGreaterThan(0);
      expect(note.date).toMatch(/^\d{4}/);
    }
  });

  it('has no alias that two entities claim (a mention must resolve to one entity)', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const record of aliasIndex(dataset.entities)) {
      const key = record.caseSensitive ? record.text : record.text.toLowerCase();
      const owner = owners.get(key);
      if (owner && owner !== record.entityId) clashes.push(`${record.text}: ${owner} / ${record.entityId}`);
      owners.set(key, record.entityId);
    }
    expect(clashes).toEqual([]);
  });

  it('finds each entity by its own English name in an AI sentence', () => {
    const matcher = new AliasMatcher(aliasIndex(dataset.entities));
    const missed = dataset.entities.filter((e) => {
      const text = `The AI model news: ${e.name.en} was discussed.`;
      return !matcher.findResolved(text).some((m) => m.entityId === e.id);
    });
    expect(missed.map((e) => e.id)).toEqual([]);
  });
});
