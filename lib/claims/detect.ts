/**
 * Claim cues: in a sentence that names an AI entity, the span where it claims something the record
 * can check: a comparison ("outperforms GPT-4 on MMLU", 媲美 GPT-4), originality ("trained from
 * scratch", 自研), money ("valued at $157 billion", 估值超过10亿美元) or openness ("open-sourced",
 * 开源). Cues that are also ordinary words need what completes them: "beat" a model or a benchmark
 * (not "beat earnings expectations"), "raised" an amount (not "raised concerns").
 */
import { sentenceAround } from '../match/context';

export const CLAIM_KINDS = ['comparison', 'originality', 'money', 'openness'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** A claim in a text: UTF-16 offsets, its kind, and the entity the sentence makes it about. */
export interface Claim {
  start: number;
  end: number;
  kind: ClaimKind;
  entityId: string;
  /** The sentence it sits in, so a mark there can show it. */
  sentence: [number, number];
}

interface Cue {
  kind: ClaimKind;
  pattern: RegExp;
  /** What must follow the cue (within its clause) for it to count. */
  needs?: 'object' | 'amount';
}

// Latin cues at word boundaries; CJK cues anywhere.
const AMOUNT =
  /(?:US\$|\$|€|£|¥|HK\$)\s?\d|\d[\d,.]*\s?(?:billion|million|bn|trillion)\b|\d[\d,.]*\s*(?:亿|万)|[A-F]\+?\s?轮|天使轮|Series [A-F]\b/;
// The rest of an amount once AMOUNT found its start: "$6|.6 billion", "10|亿美元".
const AMOUNT_REST =
  /^[\d,.]*(?:\s?(?:billion|million|bn|trillion)\b)?(?:\s*(?:亿|万))?(?:美元|元|人民币|港元)?/;
const BENCHMARK_WORDS =
  /benchmark|leaderboard|MMLU|GSM8K|HumanEval|GPQA|Arena|SWE-bench|\bMATH\b|AIME|C-Eval|CMMLU|ARC-AGI|评测|榜|基准|性能|水平|能力/i;

const CUES: Cue[] = [
  {
    kind: 'comparison',
    pattern:
      /\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|rival(?:s|led|ed|ling|ing)?|on (?:a )?par with|comparable to|better than|outscor(?:es|ed|ing)|edg(?:es|ed) out)\b|超越|媲美|比肩|不逊于|不输于|优于|赶超/g,
  },
  {
    kind: 'comparison',
    pattern:
      /\b(?:beat(?:s|ing)?|match(?:es|ed|ing)?|exceed(?:s|ed|ing)?|top(?:s|ped)?|lead(?:s)?)\b|超过|领先|对标|持平|打平/g,
    needs: 'object',
  },
  {
    kind: 'originality',
    pattern:
      /\b(?:(?:trained|built|developed|pre-?trained) (?:\w+ )?from (?:scratch|the ground up)|from scratch|self-developed|in-house|home-?grown|independently developed|fully independent)\b|从零(?:开始)?训练|从头(?:开始)?训练|从零开始|自研|自主研发|完全自主|独立研发/g,
  },
  {
    kind: 'money',
    pattern:
      /\b(?:valued at|valuation(?: of)?|rais(?:ed|es|ing)|secur(?:ed|es|ing)|funding round|(?:seed|Series [A-F]) round|invest(?:s|ed|ment of))\b|估值|融资|募资|投资/g,
    needs: 'amount',
  },
  {
    kind: 'openness',
    pattern:
      /\b(?:open[- ]sourc(?:ed|es|ing)|open[- ]source[ds]?(?= (?:its|the|their|a|an)\b)|releas(?:ed|es|ing) (?:the |its |their )?(?:model )?weights|open[- ]weights?)\b|开源(?!节流)|(?:开放|公开|公布)(?:了)?[^，。；！？]{0,24}?权重/g,
  },
];

// Where a cue's clause ends: punctuation or a conjunction that starts another clause.
// (Not the stop inside "GPT-3.5" nor the comma inside "1,000".)
const CLAUSE_END = /[;:，；：。!?！？]|[.,](?!\d)|\s(?:and|but|while|whereas|though|although)\s|但|而/;

/** The claims in `text`, about the mentions given (offsets into the same text). */
export function findClaims(
  text: string,
  mentions: readonly { start: number; end: number; entityId: string }[],
): Claim[] {
  if (mentions.length === 0) return [];
  const claims: Claim[] = [];
  const done = new Set<number>(); // sentence starts already read
  for (const mention of mentions) {
    const sentence = sentenceAround(text, mention.start, mention.end);
    if (done.has(sentence[0])) continue;
    done.add(sentence[0]);
    const [from, to] = sentence;
    // A question asks, it does not claim ("Built from scratch, or a LLaMA in disguise?").
    if (/[?？]\s*$/.test(text.slice(from, to))) continue;
    const inSentence = mentions.filter((m) => m.start >= from && m.end <= to);
    const found: Claim[] = [];
    const slice = text.slice(from, to);
    for (const cue of CUES) {
      cue.pattern.lastIndex = 0;
      for (let m = cue.pattern.exec(slice); m; m = cue.pattern.exec(slice)) {
        const start = from + m.index;
        const cueEnd = start + m[0].length;
        // Inside a name ("Meta-Match"), or a cue already part of a longer one, is no cue.
        if (
          inSentence.some((x) => (x.start <= start && start < x.end) || (x.start < cueEnd && cueEnd <= x.end))
        )
          continue;
        if (found.some((c) => c.start <= start && start < c.end)) continue;
        const rest = text.slice(cueEnd, to);
        const clause = rest.slice(0, clauseLength(rest, cue.kind));
        let end = cueEnd;
        if (cue.needs === 'amount') {
          // "raised $6.6 billion", "估值超过10亿美元"; or the amount just before ("$6.6 billion funding round").
          // "估值在一年内翻了三倍，达到600亿美元": a Chinese amount may follow in the next clause.
          const next = CJK_CUE.test(m[0])
            ? /^[，,]\s*(?:达到|达|至|为|升至|增至|超过|逾)/.exec(rest.slice(clause.length))
            : null;
          const reach = next ? rest.slice(0, clause.length + next[0].length + 16) : clause;
          const after = AMOUNT.exec(reach);
          // The amount before the cue counts only within its clause ("10亿美元融资", not "…，参与投资").
          const lead = clauseBefore(text.slice(Math.max(from, start - 24), start));
          const before = after ? null : AMOUNT.exec(lead);
          if (!after && !before) continue;
          if (before) {
            found.push(claim(start - lead.length + before.index, cueEnd, cue.kind));
            continue;
          }
          end = cueEnd + after!.index + after![0].length;
          end += AMOUNT_REST.exec(text.slice(end))![0].length;
        } else if (cue.needs === 'object') {
          // "超过7亿", "tops 100 million users": a quantity, not a rival.
          if (/^\s*(?:了\s*)?[\d０-９]/.test(rest)) continue;
          // "beats GPT-4", "tops the Arena leaderboard"; not "beat earnings expectations". Chinese
          // may name the object first: "与GPT-4持平".
          const object = inSentence.some((x) => x.start >= cueEnd && x.start < cueEnd + clause.length + 1);
          const lead = clauseBefore(text.slice(Math.max(from, start - 24), start));
          const objectBefore =
            CJK_CUE.test(m[0]) && /(?:与|和|跟|同)/.test(lead)
              ? inSentence.find(
                  (x) => x.start >= start - lead.length && x.end <= start && x !== subjectOf(start),
                )
              : undefined;
          if (objectBefore) {
            found.push(claim(start - lead.length + lead.search(/与|和|跟|同/), cueEnd, cue.kind));
            continue;
          }
          if (!object && !BENCHMARK_WORDS.test(clause)) continue;
          end = cueEnd + clause.trimEnd().length;
        } else if (cue.kind === 'comparison' || cue.kind === 'openness') {
          end = cueEnd + clause.trimEnd().length;
        }
        found.push(claim(start, end, cue.kind));
      }
    }
    for (const c of found.sort((a, b) => a.start - b.start)) claims.push(c);

    function subjectOf(start: number) {
      // The entity a claim is about: the first one named before the cue, else the first after.
      return inSentence.find((x) => x.end <= start) ?? inSentence.find((x) => x.start >= start) ?? mention;
    }
    function claim(start: number, end: number, kind: ClaimKind): Claim {
      return { start, end, kind, entityId: subjectOf(start).entityId, sentence };
    }
  }
  return claims;
}

const CJK_CUE = /^[\u3400-\u9fff]/;

/** The end of `lead` that is in the same clause as what follows it. */
function clauseBefore(lead: string): string {
  let cut = -1;
  for (const m of lead.matchAll(/[,;:，；：。.!?！？]/g)) cut = m.index;
  return lead.slice(cut + 1);
}

/** How much of `rest` completes a cue: to the clause's end, at most a few words. */
function clauseLength(rest: string, kind: ClaimKind): number {
  const boundary = CLAUSE_END.exec(rest);
  const limit = /^[\s\S]{0,4}[\u3400-\u9fff]/.test(rest) ? 24 : kind === 'money' ? 40 : 60;
  return Math.min(boundary ? boundary.index : rest.length, limit);
}
