/**
 * The fuzzy stage: model-shaped tokens ("Qwen1.5-72B-Chat") that the selected exact candidates miss
 * or cover only in part are linked by the FuzzyLinker, replacing the exact candidates inside them.
 */
import { inCodeSetting } from './code-context';
import { modelTokens, type FuzzyLinker } from './fuzzy';
import type { Candidate } from './types';

// Model-shaped tokens all contain a digit.
const HAS_DIGIT = /\d/;

// A compound adjective's tail after a name ("a16z-backed", "GPT-4-powered"): not part of the name.
const ADJECTIVE_TAIL =
  /-(?:backed|based|powered|owned|led|funded|made|built|driven|generated|enabled|like|style|class|level|sized|only|free|compatible|native|specific|focused|first|friendly|grade|scale|era|rival|killer|maker)$/i;

/** `selected` (in text order, no overlaps) with fuzzy links added for the block's model-shaped tokens. */
export function addFuzzyLinks(text: string, selected: Candidate[], linker: FuzzyLinker): Candidate[] {
  if (!HAS_DIGIT.test(text)) return selected;
  const tokens = modelTokens(text);
  if (tokens.length === 0) return selected;
  const out: Candidate[] = [];
  let i = 0;
  for (const whole of tokens) {
    const tail = ADJECTIVE_TAIL.exec(text.slice(whole.start, whole.end));
    const token = tail ? { start: whole.start, end: whole.end - tail[0].length } : whole;
    while (i < selected.length && selected[i]!.end <= token.start) out.push(selected[i++]!);
    const inside: Candidate[] = [];
    let j = i;
    for (; j < selected.length && selected[j]!.start < token.end; j++) {
      // A short form inside a longer token is its tail ("V3" of "DeepSeak-V3"), never a name there.
      if (!(selected[j]!.shortFor && selected[j]!.start > token.start)) inside.push(selected[j]!);
    }
    const covered = inside.length === 1 && inside[0]!.start === token.start && inside[0]!.end >= token.end;
    const startsAtToken =
      inside.length === 0 || (inside[0]!.start === token.start && inside.every((m) => m.end <= token.end));
    if (covered) continue;
    if (!startsAtToken) {
      // A name inside another model's name ("Chinese-Alpaca-2-13B", after a capitalised part) is
      // not a mention of its own; "pre-GPT-4" still names GPT-4.
      const first = inside[0]!;
      if (first.start > token.start && text[first.start - 1] === '-' && /[A-Z]/.test(text[token.start]!))
        i = j;
      continue; // otherwise leave exact results as they are
    }
    if (inCodeSetting(text, token.start, token.end)) {
      i = j; // a setting's value in code: nor are the names inside it mentions
      continue;
    }
    const link = linker.link(text.slice(token.start, token.end));
    if (!link) continue;
    out.push({
      start: token.start,
      end: token.end,
      entityId: link.record.entityId,
      alias: link.record.text,
      match: 'fuzzy',
      score: Math.round(link.score * 1000) / 1000,
      ambiguous: !!link.record.ambiguous,
      decoy: false,
    });
    i = j; // the fuzzy mention replaces the exact ones inside the token
  }
  while (i < selected.length) out.push(selected[i++]!);
  return out;
}
