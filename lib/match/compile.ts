/**
 * Compiles a matcher index's aliases into the tables the matcher runs on: normalised keys, the
 * spellings behind each, the trie, the fuzzy tier's name table. The background does this once per
 * data revision and sends the result with the index, so a page pays no normalisation or trie
 * building for the dataset's names (see AliasMatcher).
 */
import { normalize, normalizeKey } from '../text/fold';
import type { AliasRecord } from './matcher';
import { buildTrie, type TrieData } from './trie';

export interface CompiledAliases {
  /** Distinct normalised keys; a key's index is what the trie reports. */
  keys: string[];
  /** Per key: the aliases (indices into the index's alias list) spelt that way, case-sensitive ones first. */
  records: number[][];
  /** Per key: offsets in the key before which some spelling of it has a separator. */
  separators: number[][];
  trie: TrieData;
  /** Pairs [key index, alias index]: the name the fuzzy tier links a key to (decoys left out). */
  fuzzy: number[];
}

/** Compiles `aliases` (see the module comment). */
export function compileAliases(aliases: readonly AliasRecord[]): CompiledAliases {
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const records: number[][] = [];
  const separators: Set<number>[] = [];
  const fuzzy: number[] = [];
  const fuzzyKeys = new Set<string>();
  aliases.forEach((record, aliasIndex) => {
    const key = normalizeKey(record.text);
    if (!key) return;
    let index = keyIndex.get(key);
    if (index === undefined) {
      index = keys.length;
      keyIndex.set(key, index);
      keys.push(key);
      records.push([]);
      separators.push(new Set());
    }
    records[index]!.push(aliasIndex);
    const norm = normalize(record.text);
    for (let k = 1; k < norm.length; k++)
      if (norm.origin[k]! - norm.origin[k - 1]! > 1) separators[index]!.add(k);
    // The fuzzy tier links to the first (non-decoy) spelling of a name of two or more units.
    if (!record.decoy && key.length >= 2 && !fuzzyKeys.has(key)) {
      fuzzyKeys.add(key);
      fuzzy.push(index, aliasIndex);
    }
  });
  // Case-sensitive spellings first, so an exact-case form wins over a folded one.
  for (const list of records)
    list.sort((a, b) => Number(!!aliases[b]!.caseSensitive) - Number(!!aliases[a]!.caseSensitive));
  return {
    keys,
    records,
    separators: separators.map((set) => [...set].sort((a, b) => a - b)),
    trie: buildTrie(keys),
    fuzzy,
  };
}
