/**
 * Which version of an entity the reader sees when several layers supply it: the user's own edits
 * and deletions first (as seeding keeps them today, lib/store/seed), then subscribed packs in the
 * reader's order (the first pack in the list wins over later ones), then the bundled data. Where
 * layers supply an entity differently, the merge says which layers and which one won.
 */
import type { Entity } from '../schema';
import { canonicalJson } from '../data/canonical';

export type LayerRef = { kind: 'user' } | { kind: 'pack'; id: string } | { kind: 'bundled' };

/** A subscribed pack's accepted data. */
export interface PackLayer {
  id: string;
  entities: readonly Entity[];
}

/** The reader's own work: entities they created or edited, and ids they deleted. */
export interface UserLayer {
  edited: readonly Entity[];
  deleted: readonly string[];
}

export interface Layers {
  bundled: readonly Entity[];
  /** In the reader's order: the first has precedence. */
  packs: readonly PackLayer[];
  user?: UserLayer;
}

export interface MergedEntity {
  entity: Entity;
  from: LayerRef;
}

/** One entity that two or more layers supply differently (a deletion counts as a version). */
export interface Conflict {
  id: string;
  /** English name of the winning version (of the highest layer's, for a deletion). */
  name: string;
  winner: LayerRef;
  /** True when the winner is the reader's deletion. */
  deleted: boolean;
  /** Every layer that supplies the entity, in precedence order (the winner first). */
  layers: { layer: LayerRef; sameAsWinner: boolean }[];
  /** Two subscribed packs hold different versions. */
  packsDisagree: boolean;
  /** The reader's edit or deletion hides a pack's different version. */
  userOverridesPack: boolean;
}

export interface MergeResult {
  /** Sorted by entity id; without the entities the reader deleted. */
  entities: MergedEntity[];
  /** Sorted by entity id. */
  conflicts: Conflict[];
}

/** Merges the layers by precedence and lists where they disagree. */
export function mergeLayers(layers: Layers): MergeResult {
  const DELETED = Symbol('deleted');
  type Supply = { layer: LayerRef; entity: Entity | typeof DELETED };
  const supplies = new Map<string, Supply[]>();
  const add = (id: string, supply: Supply) => {
    const list = supplies.get(id) ?? [];
    // Within one layer the first entity with an id counts, as seeding would keep only one.
    if (!list.some((s) => sameLayer(s.layer, supply.layer))) list.push(supply);
    supplies.set(id, list);
  };
  const user: LayerRef = { kind: 'user' };
  for (const id of layers.user?.deleted ?? []) add(id, { layer: user, entity: DELETED });
  for (const entity of layers.user?.edited ?? []) add(entity.id, { layer: user, entity });
  for (const pack of layers.packs)
    for (const entity of pack.entities) add(entity.id, { layer: { kind: 'pack', id: pack.id }, entity });
  for (const entity of layers.bundled) add(entity.id, { layer: { kind: 'bundled' }, entity });

  const entities: MergedEntity[] = [];
  const conflicts: Conflict[] = [];
  for (const id of [...supplies.keys()].sort(compare)) {
    const list = supplies.get(id)!;
    const [winner] = list as [Supply, ...Supply[]];
    if (winner.entity !== DELETED) entities.push({ entity: winner.entity, from: winner.layer });
    // One supply cannot disagree with itself (and a lone deletion is just nothing).
    if (list.length < 2) continue;
    // Copies with the same key order are the same data: the native form tells them apart fast.
    const plain = list.map((s) => (s.entity === DELETED ? '' : JSON.stringify(s.entity)));
    if (plain.every((p) => p === plain[0])) continue;
    // Each version's canonical form once: merging runs over every entity on each pack change.
    const keys = list.map((s) => (s.entity === DELETED ? '' : canonicalJson(s.entity)));
    const winnerKey = keys[0];
    if (new Set(keys).size < 2) continue;
    const packKeys = new Set(keys.filter((_, i) => list[i]!.layer.kind === 'pack'));
    const named = list.find((s) => s.entity !== DELETED)!.entity as Entity;
    conflicts.push({
      id,
      name: named.name.en,
      winner: winner.layer,
      deleted: winner.entity === DELETED,
      layers: list.map((s, i) => ({ layer: s.layer, sameAsWinner: keys[i] === winnerKey })),
      packsDisagree: packKeys.size > 1,
      userOverridesPack:
        winner.layer.kind === 'user' && list.some((s, i) => s.layer.kind === 'pack' && keys[i] !== winnerKey),
    });
  }
  return { entities, conflicts };
}

/** A layer's name for messages: "your edits", "pack <id>", "bundled data". */
export function layerLabel(layer: LayerRef): string {
  return layer.kind === 'user' ? 'your edits' : layer.kind === 'pack' ? `pack ${layer.id}` : 'bundled data';
}

function sameLayer(a: LayerRef, b: LayerRef): boolean {
  return a.kind === b.kind && (a.kind !== 'pack' || a.id === (b as { id: string }).id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
