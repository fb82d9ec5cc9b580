/**
 * The matcher index: what the background compiles from the database and the content script (or the
 * scan CLI) turns into an AliasMatcher. Plain data, so it travels in one message.
 */
import type { Entity } from '../schema';
import { compileAliases, type CompiledAliases } from './compile';
import { AliasMatcher, type AliasRecord, type MatcherOptions } from './matcher';
import { FUNCTION_WORDS } from './function-words';
import { CHROME_WORDS, CUE_LEXICONS } from './lexicons';
import { shortForms } from './short-forms';
import type { CueLexicons } from './context';

export interface MatcherIndex {
  asOf: string;
  /** Every alias and name, short forms and decoy phrases, tagged with its entity. */
  aliases: AliasRecord[];
  /** Per entity, the entities whose mention in a page region gives its ambiguous names context. */
  related: Record<string, string[]>;
  /** Per entity, words that signal another sense of its ambiguous names. */
  negativeCues: Record<string, string[]>;
  /** Entities that are companies or labs (business news is context for their names). */
  companies: string[];
  /** Words that never begin a fuzzily linked name. */
  functionWords: string[];
  /** AI and business cue words. */
  cues: CueLexicons;
  /** Class and id words of page widgets (for the annotator's page-chrome check). */
  chromeWords: string;
  /** The aliases compiled for the matcher, so each page adopts them instead of compiling them. */
  compiled: CompiledAliases;
}

/** Builds the matcher index: every alias plus the entity's own names, each tagged with its entity. */
function aliasIndex(entities: readonly Entity[]): AliasRecord[] {
  const records: AliasRecord[] = [];
  for (const entity of entities) {
    const seen = new Set<string>();
    const add = (record: AliasRecord) => {
      const key = record.caseSensitive ? record.text : record.text.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      records.push(record);
    };
    // Aliases first: their flags (ambiguous, case-sensitive) govern a name that is also listed.
    for (const alias of entity.aliases) {
      // A search-only name is never marked; listing it as seen keeps the entity's name unmarked too.
      if (alias.searchOnly) {
        seen.add(alias.text.toLowerCase()).add(alias.text);
        continue;
      }
      add({
        text: alias.text,
        entityId: entity.id,
        caseSensitive: alias.caseSensitive,
        ambiguous: alias.ambiguous,
      });
    }
    const names = [entity.name.en, entity.name.zh, entity.name.zhHant];
    for (const name of names) {
      if (name && !seen.has(name.toLowerCase()) && !seen.has(name)) add({ text: name, entityId: entity.id });
    }
  }
  return records;
}

/** Links in both directions (developer, parent, family, base, investors), as context for ambiguous names. */
function relatedEntities(entities: readonly Entity[]): Record<string, string[]> {
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = related.get(x);
      if (!set) related.set(x, (set = new Set()));
      set.add(y);
    }
  };
  for (const e of entities) {
    const links = e.links ?? {};
    for (const id of [
      links.developer,
      links.parent,
      links.family,
      ...(links.base ?? []).map((b) => b.id),
      ...(links.investors ?? []),
    ]) {
      if (id) link(e.id, id);
    }
  }
  return Object.fromEntries([...related].map(([id, set]) => [id, [...set].sort()]));
}

/** Compiles the index from entities. */
export function buildMatcherIndex(entities: readonly Entity[], asOf: string): MatcherIndex {
  const decoys: AliasRecord[] = entities.flatMap((e) =>
    (e.decoys ?? []).map((text) => ({ text, entityId: e.id, decoy: true })),
  );
  const aliases = [...aliasIndex(entities), ...shortForms(entities), ...decoys];
  return {
    asOf,
    aliases,
    compiled: compileAliases(aliases),
    related: relatedEntities(entities),
    negativeCues: Object.fromEntries(
      entities.filter((e) => e.negativeCues?.length).map((e) => [e.id, e.negativeCues!]),
    ),
    companies: entities.filter((e) => e.type === 'company' || e.type === 'lab').map((e) => e.id),
    functionWords: FUNCTION_WORDS.trim().split(/\s+/),
    cues: CUE_LEXICONS,
    chromeWords: CHROME_WORDS,
  };
}

/** The matcher for an index. */
export function createMatcher(
  index: MatcherIndex,
  options: Omit<MatcherOptions, 'negativeCues' | 'compiled' | 'companies' | 'functionWords' | 'cues'> = {},
) {
  return new AliasMatcher(index.aliases, index.related, {
    ...options,
    negativeCues: index.negativeCues,
    compiled: index.compiled,
    companies: index.companies,
    functionWords: index.functionWords,
    cues: index.cues,
  });
}
