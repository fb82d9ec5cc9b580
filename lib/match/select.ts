/** The selection stage: of overlapping candidates, the leftmost, then the longest, never two at once. */
import type { Candidate } from './types';

/**
 * Candidates without overlaps: leftmost first, the longest of those starting together, and of equal
 * spans a name known as written ("GPT-4o mini") before one extended by an edition ("GPT-4o" + " mini").
 * Sorts in place.
 */
export function selectLeftmostLongest(candidates: Candidate[]): Candidate[] {
  const asWritten = (c: Candidate) => (c.score === 1 ? 0 : 1);
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || asWritten(a) - asWritten(b));
  const out: Candidate[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    out.push(c);
    covered = c.end;
  }
  return out;
}
