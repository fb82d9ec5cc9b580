/**
 * Builds the matcher index from entities (background, tools): what the content script turns into a
 * matcher with createMatcher (lib/match/matcher-index.ts).
 */
import type { Entity } from '../schema';
import { T2S_PAIRS } from '../text/t2s';
import { compileAliases } from './compile';
import type { AliasRecord } from './types';
import { FUNCTION_WORDS } from './function-words';
import { CHROME_WORDS, CUE_LEXICONS } from './lexicons';
import { shortForms } from './short-forms';
import type { MatcherIndex } from './matcher-index';

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
    const names = [entity.name.en, entity.name.zh, entity.name.zhHant];
    const company = entity.type === 'company' || entity.type === 'lab';
    const ownNames = new Set(names.filter((n) => n !== undefined).map((n) => n.toLowerCase()));
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
        ...(company && alias.ambiguous && !ownNames.has(alias.text.toLowerCase()) && { otherName: true }),
      });
    }
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
    t2s: T2S_PAIRS,
  };
}
