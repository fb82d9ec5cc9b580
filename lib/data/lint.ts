/**
 * Editorial rules for the bundled dataset (stricter than what a user's import must meet): every note
 * traceable to its original (lib/sources/lint), nothing dated after the dataset's asOf date, and
 * every entity either has a Chinese name or says that Chinese media use its Latin name.
 */
import type { Dataset } from '../schema';
import { checkIntegrity } from './integrity';
import { importedFrom } from './bundle';
import { normalizeKey } from '../text/fold';
import '../text/t2s'; // names are compared with Traditional folded to Simplified
import type { HostRegistry } from '../sources/registry';
import { lintNoteSources } from '../sources/lint';

/** Compares partial dates by their common precision ("2024" is not after "2024-03-01"). */
function isAfter(date: string, asOf: string): boolean {
  const n = Math.min(date.length, asOf.length);
  return date.slice(0, n) > asOf.slice(0, n);
}

/** Every problem with the bundled dataset, integrity included; empty when it may ship. */
export function lintDataset(dataset: Dataset, registry: HostRegistry): string[] {
  const problems = checkIntegrity(dataset);
  for (const entity of dataset.entities) {
    const where = `entities[${entity.id}]`;
    // Imported entities' missing Chinese names are listed in data/import-report.md instead.
    if (!entity.name.zh && !entity.name.zhUsesLatin && !importedFrom(entity)) {
      problems.push(
        `${where}.name: add name.zh, or set name.zhUsesLatin when Chinese media use the Latin name`,
      );
    }
    if (entity.name.zh && entity.name.zhUsesLatin)
      problems.push(`${where}.name: zh and zhUsesLatin both set`);
    const names = [entity.name.en, entity.name.zh, entity.name.zhHant, ...entity.aliases.map((a) => a.text)]
      .filter((n): n is string => !!n)
      .map(normalizeKey);
    for (const decoy of entity.decoys ?? []) {
      if (!names.some((n) => normalizeKey(decoy).includes(n)))
        problems.push(`${where}.decoys: "${decoy}" contains none of the entity's names`);
    }
    for (const note of entity.notes) {
      const at = `${where}.notes[${note.id}]`;
      const sources = [...note.sources, ...(note.response?.sources ?? [])];
      problems.push(...lintNoteSources(note, registry, at));
      if (isAfter(note.date, dataset.asOf))
        problems.push(`${at}.date: ${note.date} is after asOf ${dataset.asOf}`);
      for (const s of sources) {
        if (s.published && isAfter(s.published, dataset.asOf))
          problems.push(`${at}: source ${s.url ?? s.publisher} published ${s.published}, after asOf`);
      }
    }
  }
  return problems;
}
