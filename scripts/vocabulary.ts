/** Reading marks against a labelled set's vocabulary (scripts/eval-corpus.ts, scripts/labelled.ts). */
import type { Scanner, ScanMention } from './scan-core';

/**
 * The entity and the families above it (a model, its family, that family's family…; a chip's
 * product line), nearest first.
 */
function* familyChain(scanner: Scanner, id: string): Generator<string> {
  let at: string | undefined = id;
  for (let step = 0; at && step < 4; step++) {
    yield at;
    const entity = scanner.entities.get(at);
    at = entity?.links?.family ?? (entity?.type === 'chip' ? entity.links?.parent : undefined);
  }
}

/**
 * A mention as a labelled set made against an older vocabulary reads it: an entity added since
 * counts as its family when that is in the vocabulary ("Qwen1.5-72B" labelled as Qwen);
 * undefined when neither is (a mark the labels could not know of, not counted).
 */
export function inVocabulary(
  scanner: Scanner,
  mention: ScanMention,
  vocabulary: ReadonlySet<string>,
): ScanMention | undefined {
  for (const id of familyChain(scanner, mention.entity.id)) {
    if (!vocabulary.has(id)) continue;
    const entity = scanner.entities.get(id)!;
    return { ...mention, entity: { id, name: entity.name.en, type: entity.type } };
  }
  return undefined;
}

/** True when `id` is `expected` or a model of its family (a newer, more specific entity). */
export function isOrInFamily(scanner: Scanner, id: string, expected: string): boolean {
  for (const at of familyChain(scanner, id)) if (at === expected) return true;
  return false;
}
