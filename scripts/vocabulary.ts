/** Reading marks against a labelled set's vocabulary (scripts/eval-corpus.ts, scripts/labelled.ts). */
import type { Scanner, ScanMention } from './scan-core';

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
  let id: string | undefined = mention.entity.id;
  for (let step = 0; id && step < 4; step++) {
    if (vocabulary.has(id)) {
      const entity = scanner.entities.get(id)!;
      return { ...mention, entity: { id, name: entity.name.en, type: entity.type } };
    }
    const next: string | undefined = scanner.entities.get(id)?.links?.family;
    id = next;
  }
  return undefined;
}

/** True when `id` is `expected` or a model of its family (a newer, more specific entity). */
export function isOrInFamily(scanner: Scanner, id: string, expected: string): boolean {
  let at: string | undefined = id;
  for (let step = 0; at && step < 4; step++) {
    if (at === expected) return true;
    const next: string | undefined = scanner.entities.get(at)?.links?.family;
    at = next;
  }
  return false;
}
