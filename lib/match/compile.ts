/**
 * Compiles a matcher index's aliases into what the matcher runs on: the trie of their normalised
 * keys, each alias's key, where spellings have separators, the names the fuzzy tier may correct
 * to. The background does this once per data revision and sends it with the index, so a page pays
 * no normalisation or trie building for the dataset's names (see AliasMatcher).
 */
import { normalize, normalizeKey } from '../text/fold';
import type { AliasRecord } from './types';
import { buildTrie, type TrieData } from './trie';

export interface CompiledAliases {
  trie: TrieData;
  /** Per alias (in the index's order): the trie's number for its normalised key; -1 when it has none. */
  keyOf: number[];
  /** Pairs [key, offset]: some spelling of the key has a separator before that offset of it. */
  separators: number[];
  /** Letter-only keys of four or more letters: the names a misspelt name part may be corrected to. */
  correctable: string[];
}

/** Compiles `aliases` (see the module comment). */
export function compileAliases(aliases: readonly AliasRecord[]): CompiledAliases {
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const keyOfAlias: number[] = [];
  const separators = new Map<number, Set<number>>();
  const named = new Set<number>(); // keys with a spelling that is a name (not only a decoy)
  aliases.forEach((record) => {
    const key = normalizeKey(record.text);
    let index = key ? keyIndex.get(key) : -1;
    if (index === undefined) {
      index = keys.length;
      keyIndex.set(key, index);
      keys.push(key);
    }
    keyOfAlias.push(index);
    if (index < 0) return;
    if (!record.decoy) named.add(index);
    const norm = normalize(record.text);
    for (let k = 1; k < norm.length; k++) {
      if (norm.origin[k]! - norm.origin[k - 1]! <= 1) continue;
      const set = separators.get(index) ?? new Set();
      separators.set(index, set.add(k));
    }
  });
  const { trie, ids } = buildTrie(keys);
  return {
    trie,
    keyOf: keyOfAlias.map((index) => (index < 0 ? -1 : ids[index]!)),
    separators: [...separators].flatMap(([index, set]) =>
      [...set].sort((a, b) => a - b).flatMap((offset) => [ids[index]!, offset]),
    ),
    correctable: keys.filter((key, index) => named.has(index) && key.length >= 4 && /^[a-z]+$/.test(key)),
  };
}
