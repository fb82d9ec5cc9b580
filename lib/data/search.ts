/**
 * Search over entity names and aliases (both languages) and note texts, ranked the way a reader
 * expects: exact names, then prefixes, then typo-tolerant fuse.js matches among names that start
 * with the same character; entities before notes.
 */
import Fuse from 'fuse.js';
import type { Entity, EntityType } from '../schema';
import { normalizeKey } from '../text/fold';
import '../text/t2s'; // names are compared with Traditional folded to Simplified

/** One search result: an entity, or a note (which opens its entity). */
export interface SearchHit {
  kind: 'entity' | 'note';
  id: string;
  name: { en: string; zh?: string };
  type: EntityType;
  /** Lower is better: 0 exact, 1 prefix, 2–3 fuzzy, 4–5 notes. */
  rank: number;
  /** The name or alias that matched, or the note's text for note hits. */
  matched: string;
  noteId?: string;
}

interface NameEntry {
  key: string;
  text: string;
  entity: Entity;
  /** 0 for the entity's own names, 1 for aliases: names rank first among equals. */
  weight: number;
}

/** Typo tolerance for names (fuse.js score, 0 = same): "Bytdance" finds ByteDance. */
const NAME_THRESHOLD = 0.34;
const NOTE_THRESHOLD = 0.25;
/** Below this many name hits, typo-tolerant names and then notes are searched too. */
const FEW = 3;

/** First index whose key is not less than `q` (keys sorted by code unit). */
function lowerBound(entries: readonly NameEntry[], q: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.key < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchIndex {
  private readonly names: NameEntry[] = [];
  /** The same entries sorted by key, for prefix look-ups. */
  private readonly sorted: NameEntry[];
  /** fuse.js indexes per first character of the key, built on first use. */
  private readonly nameFuses = new Map<string, Fuse<NameEntry>>();
  private noteFuse: Fuse<{ entity: Entity; noteId: string; text: string }> | undefined;

  constructor(private readonly entities: readonly Entity[]) {
    for (const entity of entities) {
      const seen = new Set<string>();
      const add = (text: string | undefined, weight: number) => {
        if (!text) return;
        const key = normalizeKey(text);
        if (!key || seen.has(key)) return;
        seen.add(key);
        this.names.push({ key, text, entity, weight });
      };
      add(entity.name.en, 0);
      add(entity.name.zh, 0);
      add(entity.name.zhHant, 0);
      for (const alias of entity.aliases) add(alias.text, 1);
    }
    this.sorted = [...this.names].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The best `limit` hits for `query`. */
  search(query: string, limit = 20): SearchHit[] {
    const q = normalizeKey(query.trim());
    if (!q) return [];
    const best = new Map<string, SearchHit>();
    const offer = (entity: Entity, rank: number, matched: string) => {
      const current = best.get(entity.id);
      if (current && current.rank <= rank) return;
      best.set(entity.id, {
        kind: 'entity',
        id: entity.id,
        name: nameOf(entity),
        type: entity.type,
        rank,
        matched,
      });
    };
    // Exact names and prefixes: a binary search into the sorted keys, then a walk while they match.
    for (let i = lowerBound(this.sorted, q); i < this.sorted.length; i++) {
      const entry = this.sorted[i]!;
      if (!entry.key.startsWith(q)) break;
      if (entry.key === q) offer(entry.entity, 0 + entry.weight * 0.1, entry.text);
      else offer(entry.entity, 1 + entry.weight * 0.1 + (entry.key.length - q.length) / 100, entry.text);
    }
    // Typos only when the name is not simply being typed: few or no prefix hits ("Bytdance").
    if (best.size < FEW && q.length >= 3) {
      for (const hit of this.fuseFor(q[0]!).search(q, { limit: limit * 3 })) {
        offer(hit.item.entity, 2 + (hit.score ?? 1), hit.item.text);
      }
    }
    const hits = [...best.values()].sort((a, b) => a.rank - b.rank).slice(0, limit);
    if (hits.length < FEW && query.trim().length >= 4)
      hits.push(...this.searchNotes(query.trim(), limit - hits.length));
    return hits;
  }

  /**
   * The typo-tolerant index over names that start like the query: a reader mistypes the middle of
   * a name, rarely its first letter, and searching one letter's names instead of all of them keeps
   * a keystroke fast at 10,000 entities.
   */
  private fuseFor(first: string): Fuse<NameEntry> {
    let fuse = this.nameFuses.get(first);
    if (!fuse) {
      const from = lowerBound(this.sorted, first);
      let to = from;
      while (to < this.sorted.length && this.sorted[to]!.key.startsWith(first)) to++;
      fuse = new Fuse(this.sorted.slice(from, to), {
        keys: ['key'],
        includeScore: true,
        threshold: NAME_THRESHOLD,
      });
      this.nameFuses.set(first, fuse);
    }
    return fuse;
  }

  private searchNotes(query: string, limit: number): SearchHit[] {
    this.noteFuse ??= new Fuse(
      this.entities.flatMap((entity) =>
        entity.notes.flatMap((n) =>
          [n.text.en, n.text.zh]
            .filter((t): t is string => !!t)
            .map((text) => ({ entity, noteId: n.id, text })),
        ),
      ),
      { keys: ['text'], includeScore: true, threshold: NOTE_THRESHOLD, ignoreLocation: true },
    );
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const hit of this.noteFuse.search(query, { limit: limit * 2 })) {
      const key = `${hit.item.entity.id}/${hit.item.noteId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { entity } = hit.item;
      hits.push({
        kind: 'note',
        id: entity.id,
        name: nameOf(entity),
        type: entity.type,
        rank: 4 + (hit.score ?? 1),
        matched: hit.item.text,
        noteId: hit.item.noteId,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

function nameOf(entity: Entity): { en: string; zh?: string } {
  return { en: entity.name.en, zh: entity.name.zh };
}
