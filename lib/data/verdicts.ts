/**
 * The card's two badges, computed from the data (never typed in by hand): where a model comes
 * from, and whether its benchmark claims hold up. Each verdict carries the notes behind it.
 */
import type { EntityView, EntityRef } from '../messages/protocol';
import type { Note, NoteStatus, RelationKind } from '../schema';

export type ProvenanceVerdict =
  | { kind: 'original'; status: NoteStatus; notes: Note[] }
  | { kind: 'derived'; relation: RelationKind; base: EntityRef; alleged: boolean; notes: Note[] };

export type BenchmarkVerdict = { kind: 'holds-up' | 'drops' | 'no-independent-evidence'; notes: Note[] };

/** Relations the card reads as "X of Y" verdicts, most telling first. */
const RELATION_ORDER: RelationKind[] = [
  'distillation',
  'api-wrapper',
  'architecture-reuse',
  'fine-tune',
  'continued-pretraining',
  'merge',
  'quantisation',
  'original-pretraining',
];

/** Statuses under which a relation is only alleged. */
const ALLEGED: ReadonlySet<NoteStatus> = new Set(['disputed', 'reported', 'alleged']);

function pick(notes: readonly Note[], ids: readonly string[] | undefined): Note[] {
  return ids ? notes.filter((n) => ids.includes(n.id)) : [];
}

/** Where the entity comes from, or undefined when the data says nothing about its lineage. */
export function provenanceVerdict(view: EntityView): ProvenanceVerdict | undefined {
  const notes = view.entity.notes;
  const links = view.base
    .filter((b) => b.status !== 'refuted')
    .sort((a, b) => RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation));
  const link = links[0];
  if (link) {
    const { relation, status, notes: ids, ...base } = link;
    return {
      kind: 'derived',
      relation,
      base: { id: base.id, name: base.name, type: base.type },
      alleged: status !== undefined && ALLEGED.has(status),
      notes: pick(notes, ids),
    };
  }
  const pretraining = view.entity.pretraining;
  if (pretraining && pretraining.status !== 'refuted') {
    return { kind: 'original', status: pretraining.status, notes: pick(notes, pretraining.notes) };
  }
  return undefined;
}

/** Entity types whose own scores are claimed; a company's or lab's benchmark notes are context. */
const SCORED: ReadonlySet<string> = new Set(['model', 'model-family', 'product']);

/** Whether benchmark claims about the model (or its family) survive independent checks. */
export function benchmarkVerdict(view: EntityView): BenchmarkVerdict | undefined {
  if (!SCORED.has(view.entity.type)) return undefined;
  const notes = [...view.entity.notes, ...(view.family?.notes ?? [])].filter(
    (n) => n.kind === 'benchmark' && n.status !== 'refuted',
  );
  if (notes.length === 0) return undefined;
  const outcome = (n: Note) => n.benchmark?.outcome;
  const drops = notes.filter((n) => outcome(n) === 'drops' || outcome(n) === 'contaminated');
  if (drops.length > 0) return { kind: 'drops', notes: drops };
  const holds = notes.filter((n) => outcome(n) === 'holds-up');
  if (holds.length > 0) return { kind: 'holds-up', notes: holds };
  return { kind: 'no-independent-evidence', notes };
}
