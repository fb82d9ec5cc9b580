import type { Dataset } from '../schema';

/** Cross-entity checks the per-field schema cannot express; returns one message per problem. */
export function checkIntegrity(dataset: Dataset): string[] {
  const problems: string[] = [];
  const ids = new Set(dataset.entities.map((e) => e.id));
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
    const aliasKeys = new Set<string>();
    for (const alias of entity.aliases) {
      const key = alias.caseSensitive ? alias.text : alias.text.toLowerCase();
      if (aliasKeys.has(key)) problems.push(`${where}.aliases: duplicate alias "${alias.text}"`);
      aliasKeys.add(key);
    }
  }
  return problems;
}
