import { describe, expect, it } from 'vitest';
import { compileAliases } from '../../lib/match/compile';
import { otherSenseAt } from '../../lib/match/context';
import { ContextStage } from '../../lib/match/evidence';
import { ExactStage } from '../../lib/match/exact';
import { FuzzyLinker } from '../../lib/match/fuzzy';
import { addFuzzyLinks } from '../../lib/match/fuzzy-stage';
import { CUE_LEXICONS } from '../../lib/match/lexicons';
import { selectLeftmostLongest } from '../../lib/match/select';
import type { AliasRecord, Candidate } from '../../lib/match/types';
import { normalize } from '../../lib/text/fold';

// Each stage of AliasMatcher.find on its own: exact → selection → fuzzy → context.
const aliases: AliasRecord[] = [
  { text: 'GPT-4', entityId: 'gpt-4' },
  { text: 'GPT-4 Turbo', entityId: 'gpt-4-turbo' },
  { text: 'Qwen', entityId: 'qwen' },
  { text: 'OpenAI', entityId: 'openai' },
  { text: 'Gemini', entityId: 'gemini', ambiguous: true },
  { text: 'Amazon', entityId: 'amazon', ambiguous: true },
  { text: 'SenseChat', entityId: 'sensenova' },
  { text: '混元', entityId: 'hunyuan' },
  { text: 'Perplexity', entityId: 'perplexity-ai', ambiguous: true, caseSensitive: true },
  { text: 'Gemini 2.5 Pro', entityId: 'gemini-2-5-pro', caseSensitive: true },
  { text: 'Grok', entityId: 'grok', caseSensitive: true },
  { text: 'perplexity', entityId: 'perplexity-ai', decoy: true },
  { text: 'Meta', entityId: 'meta', ambiguous: true, caseSensitive: true },
  { text: 'Facebook', entityId: 'meta', ambiguous: true, caseSensitive: true, otherName: true },
  { text: 'H100', entityId: 'nvidia-h100', caseSensitive: true },
  { text: 'MI300X', entityId: 'amd-mi300x', caseSensitive: true },
];
const compiled = compileAliases(aliases);
const exact = new ExactStage(aliases, compiled, new Set(['openai', 'amazon', 'meta']));
const linker = new FuzzyLinker({ get: (key) => exact.nameFor(key), correctable: compiled.correctable });
const context = new ContextStage(new Map([['gemini', ['openai']]]), {
  companies: new Set(['amazon', 'meta']),
  cues: CUE_LEXICONS,
});
const spans = (text: string, list: readonly { start: number; end: number; entityId: string }[]) =>
  list.map((c) => [text.slice(c.start, c.end), c.entityId]);
const exactSpans = (text: string) => spans(text, exact.candidates(text, normalize(text)));
const candidate = (start: number, end: number, entityId: string): Candidate => ({
  start,
  end,
  entityId,
  alias: entityId,
  match: 'exact',
  score: 1,
  ambiguous: false,
  decoy: false,
});

describe('exact stage', () => {
  it('keeps every candidate, overlaps included, and refuses names inside words or file names', () => {
    const text = 'GPT-4 Turbo beats GPT-45; see openai.yaml and OpenAI.';
    // "GPT-4" takes the edition after it, as a name the data lacks ("SenseChat Lite" below) would.
    expect(exactSpans(text)).toEqual([
      ['GPT-4 Turbo', 'gpt-4'],
      ['GPT-4 Turbo', 'gpt-4-turbo'],
      ['OpenAI', 'openai'],
    ]);
  });

  it('extends a model name over a spaced edition word, never a company name or a plan', () => {
    const text = 'SenseChat Lite and Amazon Pro and SenseChat Plus';
    expect(exactSpans(text)).toEqual([
      ['SenseChat Lite', 'sensenova'],
      ['Amazon', 'amazon'],
      ['SenseChat', 'sensenova'],
    ]);
  });

  it('reads a company\'s ".com" name in prose as the company, never an address', () => {
    const text = 'Amazon.com Inc. sued; see amazon.com, www.Amazon.com or Amazon.com/deals; Qwen.com.';
    expect(exactSpans(text)).toEqual([['Amazon', 'amazon']]);
  });

  it("takes a chip's form factor and a plural after a number into the name", () => {
    const text = 'Two H100 SXMs and an H100 PCIe card beat two MI300Xs; no H100Xyz.';
    expect(exactSpans(text)).toEqual([
      ['H100 SXMs', 'nvidia-h100'],
      ['H100 PCIe', 'nvidia-h100'],
      ['MI300Xs', 'amd-mi300x'],
    ]);
  });

  it('never reads a name ending in a number inside a longer version ("GPT-4" of "GPT-4.1")', () => {
    const text = 'GPT-4.1 nano, GPT-4. 1 point, GPT-4';
    expect(exactSpans(text)).toEqual([
      ['GPT-4', 'gpt-4'],
      ['GPT-4', 'gpt-4'],
    ]);
  });

  it('reads a case-kept name as an API id ("gemini-2.5-pro") or in any case after its version', () => {
    const found = exactSpans(
      'Call gemini-2.5-pro, Gemini 2.5 pro or Gemini 2.5 Pro, not gemini 2.5 pro.',
    ).filter(([, id]) => id === 'gemini-2-5-pro');
    expect(found).toEqual([
      ['gemini-2.5-pro', 'gemini-2-5-pro'],
      ['Gemini 2.5 pro', 'gemini-2-5-pro'],
      ['Gemini 2.5 Pro', 'gemini-2-5-pro'],
    ]);
  });

  it('leaves a lower-case name that is a setting in code or a command line, not prose', () => {
    expect(exactSpans('model_id: gpt-4\nllm -m gpt-4 "hi"\n  engine: gpt-4')).toEqual([]);
    // A plain word's colon in a sentence is prose.
    expect(exactSpans('The reply was direct: gpt-4 wins')).toEqual([['gpt-4', 'gpt-4']]);
    expect(exactSpans('Note: GPT-4 and then gpt-4 again')).toEqual([
      ['GPT-4', 'gpt-4'],
      ['gpt-4', 'gpt-4'],
    ]);
  });

  it('extends a Chinese name over an edition written onto it, never a plan or a date', () => {
    const text = '混元TurboS和混元T1，混元Plus，混元3月';
    expect(exactSpans(text)).toEqual([
      ['混元TurboS', 'hunyuan'],
      ['混元T1', 'hunyuan'],
      ['混元', 'hunyuan'],
      ['混元', 'hunyuan'],
    ]);
  });

  it('looks up the name a normalised key spells, for the fuzzy stage', () => {
    expect(exact.nameFor('gpt4')?.entityId).toBe('gpt-4');
    expect(exact.nameFor('gpt5')).toBeUndefined();
  });
});

describe('selection stage', () => {
  it('keeps the leftmost candidate, and the longest of those starting together', () => {
    const picked = selectLeftmostLongest([
      candidate(0, 5, 'a'),
      candidate(0, 11, 'b'),
      candidate(3, 14, 'c'),
      candidate(12, 16, 'd'),
    ]);
    expect(picked.map((c) => c.entityId)).toEqual(['b', 'd']);
  });

  it('of two equal spans, keeps the name known as written over one extended by an edition', () => {
    const text = 'GPT-4 Turbo is out.';
    const picked = selectLeftmostLongest(exact.candidates(text, normalize(text)));
    expect(spans(text, picked)).toEqual([['GPT-4 Turbo', 'gpt-4-turbo']]);
  });
});

describe('fuzzy stage', () => {
  it('links a model-shaped token that exact matching covers only in part, replacing what is inside', () => {
    const text = 'GPT-4-0613, Qwen1.5-72B-Chat and OpenAI';
    const selected = selectLeftmostLongest(exact.candidates(text, normalize(text)));
    expect(spans(text, selected)).toEqual([
      ['GPT-4', 'gpt-4'],
      ['OpenAI', 'openai'],
    ]);
    expect(spans(text, addFuzzyLinks(text, selected, linker))).toEqual([
      ['GPT-4-0613', 'gpt-4'],
      ['Qwen1.5-72B-Chat', 'qwen'],
      ['OpenAI', 'openai'],
    ]);
  });

  it('links a case-kept name in lower case when a version is written onto it', () => {
    const text = 'grok-4.1-thinking tops the board; to grok 4 ideas is hard';
    expect(spans(text, addFuzzyLinks(text, [], linker))).toEqual([['grok-4.1-thinking', 'grok']]);
  });

  it('links no model-shaped setting value in code', () => {
    const text = 'model_name: qwen1.5-72b-chat';
    expect(
      addFuzzyLinks(text, selectLeftmostLongest(exact.candidates(text, normalize(text))), linker),
    ).toEqual([]);
  });

  it('adds nothing to a text without digits, and no link for prose around a number', () => {
    const plain = 'Qwen and OpenAI';
    const selected = selectLeftmostLongest(exact.candidates(plain, normalize(plain)));
    expect(addFuzzyLinks(plain, selected, linker)).toBe(selected);
    const numbers = 'more than 20 people, Open 24 hours';
    expect(addFuzzyLinks(numbers, [], linker)).toEqual([]);
  });
});

describe('context stage', () => {
  const weigh = (text: string) =>
    context.weigh(text, selectLeftmostLongest(exact.candidates(text, normalize(text))));

  it('passes unambiguous names through and weighs ambiguous ones on their block', () => {
    const result = weigh('OpenAI said Gemini trails its model.');
    expect(spans('OpenAI said Gemini trails its model.', result.mentions)).toEqual([['OpenAI', 'openai']]);
    expect(result.ambiguous.map((m) => [m.entityId, m.evidence > 0])).toEqual([['gemini', true]]);
  });

  it('decides an ambiguous name with its region: a related entity there vouches for it', () => {
    const text = 'Gemini was praised.';
    const result = weigh(text);
    const none = { entities: new Set<string>(), otherSense: new Set<string>() };
    expect(context.resolve(result, none)).toEqual([]);
    expect(
      spans(text, context.resolve(result, { entities: new Set(['openai']), otherSense: new Set() })),
    ).toEqual([['Gemini', 'gemini']]);
  });

  it('reads a company name in business news as the company', () => {
    const text = 'Amazon shares rose after quarterly revenue beat forecasts.';
    const result = weigh(text);
    expect(spans(text, context.resolve(result, { entities: new Set(), otherSense: new Set() }))).toEqual([
      ['Amazon', 'amazon'],
    ]);
  });

  it("reads a company's other name as its product where users use it, not as the company", () => {
    const region = { entities: new Set<string>(), otherSense: new Set<string>() };
    const marked = (text: string) => spans(text, context.resolve(weigh(text), region));
    for (const text of [
      'A Meta outage hit Facebook, Instagram and Messenger on Tuesday.',
      'More than 104,000 Facebook users reported problems with the company’s services.',
      'Users attempting to access Facebook saw blank screens, the company said.',
    ])
      expect(marked(text)).not.toContainEqual(['Facebook', 'meta']);
    expect(marked('A Meta outage hit Facebook, Instagram and Messenger on Tuesday.')).toEqual([]);
    // The company by its former name, and the company's own name in the same position.
    expect(marked('Investors said the Facebook deal would lift shares.')).toEqual([['Facebook', 'meta']]);
    expect(marked('Amazon, YouTube and Google Play sell the film; Amazon shares rose.')).toContainEqual([
      'Amazon',
      'amazon',
    ]);
  });

  it('reads a capitalised name at a sentence start as the word its block uses in another sense', () => {
    const region = { entities: new Set<string>(), otherSense: new Set<string>() };
    const marked = (text: string) => spans(text, context.resolve(weigh(text), region));
    expect(
      marked('The AI metric is called perplexity. Perplexity is a poor guide to model quality.'),
    ).toEqual([]);
    expect(marked('Lower perplexity helps, and the AI startup Perplexity agrees.')).toEqual([
      ['Perplexity', 'perplexity-ai'],
    ]);
  });

  it('names nothing for a block without candidates, with one shared empty result', () => {
    expect(context.weigh('nothing here', [])).toBe(context.weigh('nor here', []));
  });
});

describe('another sense at a name', () => {
  it('reads a capitalised word after a bare name as a surname, not after a versioned one', () => {
    const at = (text: string, name: string) => otherSenseAt(text, 0, name.length);
    expect(at('Claude Martin cooks.', 'Claude')).toBe(true);
    expect(at('Claude 4 Did Not Just Win Coding Headlines', 'Claude 4')).toBe(false);
  });
});
