/**
 * The source rules for the bundled dataset: every line traceable to its original. A user's own notes
 * may cite any host (they are rated, never refused); these rules are for what Assay ships.
 */
import type { Note, Source } from '../schema';
import type { HostRegistry } from './registry';
import { isOriginal } from './tiers';
import { urlHostKey, urlProblems } from './url';

/** One problem per rule broken by one source list ("sources" or "response.sources"). */
function lintSourceList(sources: readonly Source[], registry: HostRegistry, at: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let usable = false;
  for (const [i, source] of sources.entries()) {
    const where = `${at}[${i}]`;
    for (const [field, url] of [
      ['url', source.url],
      ['via', source.via],
    ] as const) {
      if (url === undefined) continue;
      for (const p of urlProblems(url)) problems.push(`${where}.${field} ${url}: ${p}`);
      const found = registry.lookup(url);
      if (!found?.exact) {
        problems.push(`${where}.${field} ${url}: host ${urlHostKey(url) ?? '?'} is not in data/hosts.json`);
      } else if (found.entry.tier === 'refused') {
        problems.push(
          `${where}.${field} ${url}: refused host (${found.entry.refusal}: ${found.entry.why}); cite the original`,
        );
      }
      if (seen.has(url)) problems.push(`${where}.${field} ${url}: cited twice in this note`);
      seen.add(url);
    }
    if (!source.url) {
      const entry = registry.publisher(source.publisher);
      if (!entry)
        problems.push(
          `${where}: an original cited by name needs a publisher the registry knows ("${source.publisher}" is not)`,
        );
    }
    if (isOriginal(registry.rate(source).tier)) usable = true;
  }
  if (!usable) problems.push(`${at}: needs at least one primary or outlet source`);
  return problems;
}

/** Every source-rule problem of one note, its response's sources included. */
export function lintNoteSources(note: Note, registry: HostRegistry, at: string): string[] {
  return [
    ...lintSourceList(note.sources, registry, `${at}.sources`),
    ...(note.response ? lintSourceList(note.response.sources, registry, `${at}.response.sources`) : []),
  ];
}
