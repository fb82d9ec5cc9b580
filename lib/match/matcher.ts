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
    const ambiguous: Candidate[] = [];
    for (const hit of this.automaton.scan(text)) {
      const end = endAtWordBoundary(text, hit.start, hit.end);
      if (end < 0) continue;
      const surface = foldWidth(text.slice(hit.start, hit.end));
      for (const record of this.recordsByKey[hit.key]!) {
        if (record.caseSensitive && surface !== foldWidth(record.text.trim())) continue;
        (record.ambiguous ? ambiguous : candidates).push({ start: hit.start, end, record });
        break;
      }
    }
    // An ambiguous name ("Gemini", "A100") counts only with AI context: a cue word in the block, a
    // version suffix, or an unambiguous name in the same block.
    if (ambiguous.length > 0) {
      const context = candidates.length > 0 || hasAiCue(text);
      for (const c of ambiguous) if (context || hasModelSuffix(text, c.end)) candidates.push(c);
    }
    return selectLeftmostLongest(candidates);
  }
}

/**
 * Where a hit ends once boundaries are checked, or -1 when it sits inside a word. A Latin edge may
 * not touch a Latin letter or digit; CJK edges need none. A name ending in a digit may take a plural
 * "s" ("A100s"), which is then part of the mention.
 */
function endAtWordBoundary(text: string, start: number, end: number): number {
  if (isWordCode(text.charCodeAt(start)) && start > 0 && isWordCode(text.charCodeAt(start - 1))) return -1;
  const last = text.charCodeAt(end - 1);
  if (!isWordCode(last) || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const isDigit = last >= 0x30 && last <= 0x39;
  const plural = text.charCodeAt(end) === 0x73; // "s"
  if (isDigit && plural && (end + 1 >= text.length || !isWordCode(text.charCodeAt(end + 1)))) return end + 1;
  return -1;
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
