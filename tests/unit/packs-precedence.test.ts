import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/schema';
import { layerLabel, mergeLayers } from '../../lib/packs/precedence';
import { userLayerFromRows } from '../../lib/store/layers';
import { testDataset } from '../helpers/dataset';

const bundled = testDataset('1').entities;
const byId = (id: string) => structuredClone(bundled.find((e) => e.id === id)!);
/** A version of an entity with a different summary, so layers can disagree. */
const variant = (id: string, summary: string): Entity => ({ ...byId(id), summary: { en: summary } });

describe('mergeLayers', () => {
  it('with the bundled data alone, gives it back without conflicts', () => {
    const result = mergeLayers({ bundled, packs: [] });
    expect(result.entities.map((e) => e.entity.id)).toEqual(['01-ai', 'alibaba', 'llama', 'yi-34b']);
    expect(result.entities.every((e) => e.from.kind === 'bundled')).toBe(true);
    expect(result.conflicts).toEqual([]);
  });

  it('a pack wins over the bundled data and adds its own entities', () => {
    const qwen: Entity = { id: 'qwen', type: 'model-family', name: { en: 'Qwen' }, aliases: [], notes: [] };
    const result = mergeLayers({
      bundled,
      packs: [{ id: 'p', entities: [variant('llama', 'From pack p.'), byId('alibaba'), qwen] }],
    });
    const llama = result.entities.find((e) => e.entity.id === 'llama')!;
    expect(llama.entity.summary?.en).toBe('From pack p.');
    expect(llama.from).toEqual({ kind: 'pack', id: 'p' });
    expect(result.entities.find((e) => e.entity.id === 'qwen')!.from).toEqual({ kind: 'pack', id: 'p' });
    // The same data from two layers is no conflict; different data is, with the bundled data losing.
    expect(result.conflicts).toEqual([
      {
        id: 'llama',
        name: 'LLaMA',
        winner: { kind: 'pack', id: 'p' },
        deleted: false,
        layers: [
          { layer: { kind: 'pack', id: 'p' }, sameAsWinner: true },
          { layer: { kind: 'bundled' }, sameAsWinner: false },
        ],
        packsDisagree: false,
        userOverridesPack: false,
      },
    ]);
  });

  it('the first pack in the reader’s order wins, and the disagreement is shown', () => {
    const result = mergeLayers({
      bundled,
      packs: [
        { id: 'first', entities: [variant('llama', 'First.')] },
        { id: 'second', entities: [variant('llama', 'Second.')] },
      ],
    });
    expect(result.entities.find((e) => e.entity.id === 'llama')!.entity.summary?.en).toBe('First.');
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({
      id: 'llama',
      winner: { kind: 'pack', id: 'first' },
      packsDisagree: true,
    });
    expect(conflict!.layers.map((l) => layerLabel(l.layer))).toEqual([
      'pack first',
      'pack second',
      'bundled data',
    ]);
  });

  it('the reader’s edits and deletions win over packs', () => {
    const result = mergeLayers({
      bundled,
      packs: [{ id: 'p', entities: [variant('llama', 'Pack.'), variant('yi-34b', 'Pack.')] }],
      user: { edited: [variant('llama', 'Mine.')], deleted: ['yi-34b', 'never-existed'] },
    });
    const llama = result.entities.find((e) => e.entity.id === 'llama')!;
    expect(llama).toMatchObject({ entity: { summary: { en: 'Mine.' } }, from: { kind: 'user' } });
    expect(result.entities.some((e) => e.entity.id === 'yi-34b')).toBe(false);
    expect(result.conflicts.map((c) => [c.id, c.winner.kind, c.deleted, c.userOverridesPack])).toEqual([
      ['llama', 'user', false, true],
      ['yi-34b', 'user', true, true],
    ]);
    // A deletion's conflict is named after the highest layer that still has the entity.
    expect(result.conflicts[1]!.name).toBe('Yi-34B');
  });

  it('takes the reader’s layer from stored rows of origin "user"', () => {
    const layer = userLayerFromRows(
      [
        { origin: 'bundled', data: byId('llama') },
        { origin: 'user', data: variant('alibaba', 'Mine.') },
      ],
      ['yi-34b'],
    );
    expect(layer.edited.map((e) => e.id)).toEqual(['alibaba']);
    expect(layer.deleted).toEqual(['yi-34b']);
  });
});
