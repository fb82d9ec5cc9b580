import type { Dataset } from '../schema';

/** Cross-entity checks the per-field schema cannot express; returns one message per problem. */
export function checkIntegrity(dataset: Dataset): string[] {
  const problems: string[] = [];
  const ids = new Set(dataset.entities.map((e) => e.id));
  // A name must lead to one entity: two entities may not share an alias (case-folded unless both
  // spellings are case-sensitive).
  const owners = new Map<string, string>();
  for (const entity of dataset.entities) {
    const names = [entity.name.en, entity.name.zh, entity.name.zhHant].filter((n): n is string => !!n);
    const keys = new Set([
      ...entity.aliases.map((a) => (a.caseSensitive ? `=${a.text}` : a.text.toLowerCase())),
      ...names.filter((n) => !entity.aliases.some((a) => a.text === n)).map((n) => n.toLowerCase()),
    ]);
    for (const key of keys) {
      const owner = owners.get(key);
      if (owner && owner !== entity.id) {
        problems.push(
          `entities[${entity.id}].aliases: "${key.replace(/^=/, '')}" is also a name of ${owner}`,
        );
      }
      owners.set(key, entity.id);
    }
  }
  for (const entity of dataset.entities) {
    const where = `entities[${entity.id}]`;
    const links = entity.links ?? {};
    const refs: [string, string | undefined][] = [
      ['links.developer', links.developer],
      ['links.parent', links.parent],
      ['links.family', links.family],
      ...(links.base ?? []).map((b, i): [string, string] => [`links.base.${i}.id`, b.id]),
      ...(links.investors ?? []).map((id, i): [string, string] => [`links.investors.${i}`, id]),
    ];
    for (const [field, ref] of refs) {
      if (ref !== undefined && !ids.has(ref)) problems.push(`${where}.${field}: unknown entity "${ref}"`);
      if (ref === entity.id) problems.push(`${where}.${field}: an entity cannot link to itself`);
    }
    const noteIds = new Set<string>();
    for (const note of entity.notes) {
      if (noteIds.has(note.id)) problems.push(`${where}.notes[${note.id}]: duplicate note id`);
      noteIds.add(note.id);
      if (note.round && note.kind !== 'funding')
        problems.push(`${where}.notes[${note.id}].round: only funding notes have rounds`);
      if (note.benchmark && note.kind !== 'benchmark')
        problems.push(`${where}.notes[${note.id}].benchmark: only benchmark notes have score claims`);
      if (note.benchmark?.claimedBy && !ids.has(note.benchmark.claimedBy))
        problems.push(
          `${where}.notes[${note.id}].benchmark.claimedBy: unknown entity "${note.benchmark.claimedBy}"`,
        );
    }
    const noteRefs = [
      ...(links.base ?? []).flatMap((b, i) =>
        (b.notes ?? []).map((id) => [`links.base.${i}.notes`, id] as const),
      ),
      ...(entity.pretraining?.notes ?? []).map((id) => ['pretraining.notes', id] as const),
    ];
    for (const [field, id] of noteRefs) {
      if (!noteIds.has(id)) problems.push(`${where}.${field}: no note "${id}" on this entity`);
    }
    const aliasKeys = new Set<string>();
    for (const alias of entity.aliases) {
      const key = alias.caseSensitive ? alias.text : alias.text.toLowerCase();
      if (aliasKeys.has(key)) problems.push(`${where}.aliases: duplicate alias "${alias.text}"`);
      aliasKeys.add(key);
    }
  }
  return problems;
}
