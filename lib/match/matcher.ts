/**
 * Finds mentions of known aliases in a block of text: exact automaton hits, filtered by word
 * boundaries, letter case and (for ambiguous aliases) AI context, then reduced to leftmost-longest,
 * non-overlapping mentions.
 */
import { foldText, foldWidth, isWordCode } from '../text/fold';
import { Automaton } from './automaton';
import { hasAiCue, hasModelSuffix } from './context';

/** One alias as the matcher index carries it. */
export interface AliasRecord {
  text: string;
  entityId: string;
  caseSensitive?: boolean;
  ambiguous?: boolean;
}

/** A mention of an entity in a text, as UTF-16 offsets into that text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  /** The alias that matched, as the dataset spells it. */
  alias: string;
}

interface Candidate {
  start: number;
  end: number;
  record: AliasRecord;
}

export class AliasMatcher {
  private readonly automaton: Automaton;
  /** Aliases sharing one folded key, case-sensitive ones first so an exact-case form wins. */
  private readonly recordsByKey: AliasRecord[][] = [];

  /** Compiles the aliases; empty or whitespace-only aliases are ignored. */
  constructor(aliases: readonly AliasRecord[]) {
    const keyIndex = new Map<string, number>();
    for (const record of aliases) {
      const key = foldText(record.text.trim());
      if (!key) continue;
      let index = keyIndex.get(key);
      if (index === undefined) {
        index = this.recordsByKey.length;
        keyIndex.set(key, index);
        this.recordsByKey.push([]);
      }
      this.recordsByKey[index]!.push(record);
    }
    for (const list of this.recordsByKey) {
      list.sort((a, b) => Number(!!b.caseSensitive) - Number(!!a.caseSensitive));
    }
    this.automaton = new Automaton([...keyIndex.keys()]);
  }

  /** Mentions in `text`, ordered by start, never overlapping. */
  find(text: string): Mention[] {
    const candidates: Candidate[] = [];
    let aiContext: boolean | undefined;
    for (const hit of this.automaton.scan(text)) {
      if (!atWordBoundary(text, hit.start, hit.end)) continue;
      const surface = foldWidth(text.slice(hit.start, hit.end));
      for (const record of this.recordsByKey[hit.key]!) {
        if (record.caseSensitive && surface !== foldWidth(record.text.trim())) continue;
        if (record.ambiguous) {
          aiContext ??= hasAiCue(text);
          if (!aiContext && !hasModelSuffix(text, hit.end)) continue;
        }
        candidates.push({ start: hit.start, end: hit.end, record });
        break;
      }
    }
    return selectLeftmostLongest(candidates);
  }
}

/** A Latin alias edge may not touch a Latin letter or digit; CJK edges need no boundary. */
function atWordBoundary(text: string, start: number, end: number): boolean {
  const firstIsWord = isWordCode(text.charCodeAt(start));
  const lastIsWord = isWordCode(text.charCodeAt(end - 1));
  if (firstIsWord && start > 0 && isWordCode(text.charCodeAt(start - 1))) return false;
  if (lastIsWord && end < text.length && isWordCode(text.charCodeAt(end))) return false;
  return true;
}

function selectLeftmostLongest(candidates: Candidate[]): Mention[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    mentions.push({ start: c.start, end: c.end, entityId: c.record.entityId, alias: c.record.text });
    covered = c.end;
  }
  return mentions;
}
