/** The selection stage: of overlapping candidates, the leftmost, then the longest, never two at once. */
import type { Candidate } from './types';

/** Candidates without overlaps: leftmost first, the longest of those starting together (sorts in place). */
export function selectLeftmostLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    out.push(c);
    covered = c.end;
  }
  return out;
}
