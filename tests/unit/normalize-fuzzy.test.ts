import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUE_LEXICONS } from '../../lib/match/lexicons';
import { AliasMatcher, type AliasRecord } from '../../lib/match/matcher';
import { foldText, foldWidth, installT2S, normalize, normalizeKey } from '../../lib/text/fold';
import { T2S_PAIRS } from '../../lib/text/t2s-table';
import { MODEL_TOKEN, modelTokens } from '../../lib/match/fuzzy';

const aliases: AliasRecord[] = [
  { text: 'OpenAI', entityId: 'openai' },
  { text: 'ChatGPT', entityId: 'chatgpt' },
  { text: 'DeepSeek', entityId: 'deepseek' },
  { text: 'GPT-4', entityId: 'gpt-4' },
  { text: 'Yi-34B', entityId: 'yi-34b' },
  { text: 'Llama 2', entityId: 'llama-2' },
  { text: 'Llama', entityId: 'llama', caseSensitive: true, ambiguous: true },
  { text: 'Qwen', entityId: 'qwen' },
  { text: 'Qwen1.5', entityId: 'qwen' },
  { text: 'Mixtral', entityId: 'mixtral' },
  { text: 'Mixtral 8x7B', entityId: 'mixtral' },
  { text: 'ERNIE Bot', entityId: 'ernie-bot' },
  { text: 'A100', entityId: 'a100', caseSensitive: true, ambiguous: true },
  { text: 'NVIDIA', entityId: 'nvidia' },
  { text: '英伟达', entityId: 'nvidia' },
  { text: '微软', entityId: 'microsoft' },
  { text: '通义千问', entityId: 'qwen' },
  { text: '百川', entityId: 'baichuan', ambiguous: true },
  { text: '百川智能', entityId: 'baichuan' },
];
const matcher = new AliasMatcher(aliases, { baichuan: ['baichuan-2'] }, { cues: CUE_LEXICONS });
const found = (text: string) =>
  matcher.findResolved(text).map((m) => [text.slice(m.start, m.end), m.entityId, m.match]);

describe('normalisation', () => {
  it('treats separator variants of a name alike', () => {
    for (const text of ['Yi-34B', 'Yi 34B', 'Yi34B', 'yi_34b']) {
      expect(found(`The ${text} model`), text).toEqual([[text, 'yi-34b', 'exact']]);
    }
    for (const text of ['GPT-4', 'GPT4', 'GPT 4', 'gpt‑4'])
      expect(found(`${text} leads`), text).toEqual([[text, 'gpt-4', 'exact']]);
    for (const text of ['Llama 2', 'Llama-2', 'LLaMA2'])
      expect(found(`${text} is open`), text).toEqual([[text, 'llama-2', 'exact']]);
  });

  it('folds full-width forms to ASCII and keeps case when folding width only', () => {
    expect(foldWidth('ＧＰＴ－４\u3000Ｔｕｒｂｏ 与 Llama')).toBe('GPT-4 Turbo 与 Llama');
    expect(foldWidth('GPT-4 Turbo')).toBe('GPT-4 Turbo');
  });

  it('folds Traditional Chinese to Simplified', () => {
    // The content script gets the table with its matcher index (createMatcher); here it is installed by hand.
    expect(foldText('臺積電')).toBe('臺積電');
    installT2S(T2S_PAIRS);
    expect(found('輝達與微軟合作，通義千問開源')).toEqual([
      ['微軟', 'microsoft', 'exact'],
      ['通義千問', 'qwen', 'exact'],
    ]);
    expect(normalizeKey('英偉達')).toBe(normalizeKey('英伟达'));
  });

  it('links names split by a space between letters, as fuzzy', () => {
    expect(found('Open AI and Chat GPT; Deep Seek too')).toEqual([
      ['Open AI', 'openai', 'fuzzy'],
      ['Chat GPT', 'chatgpt', 'fuzzy'],
      ['Deep Seek', 'deepseek', 'fuzzy'],
    ]);
    expect(found('A 100-page report on NVIDIA')).toEqual([['NVIDIA', 'nvidia', 'exact']]);
  });

  it('folding and normalising are idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
        expect(normalizeKey(normalizeKey(text))).toBe(normalizeKey(text));
        const n = normalize(text);
        for (let i = 0; i < n.length; i++) expect(n.origin[i]).toBeLessThan(text.length);
      }),
    );
  });
});

describe('fuzzy linking of model-shaped tokens', () => {
  it('links variants to the most specific known name', () => {
    expect(found('Qwen1.5-72B-Chat and Llama-2-13b-hf and Mixtral-8x7B-Instruct')).toEqual([
      ['Qwen1.5-72B-Chat', 'qwen', 'fuzzy'],
      ['Llama-2-13b-hf', 'llama-2', 'fuzzy'],
      ['Mixtral-8x7B-Instruct', 'mixtral', 'fuzzy'],
    ]);
    expect(found('Baidu shipped ERNIE-Bot 4.0')).toEqual([['ERNIE-Bot 4.0', 'ernie-bot', 'fuzzy']]);
  });

  it('forgives a misspelt name but never a different number', () => {
    expect(found('Mixtrall-8x7B is out')).toEqual([['Mixtrall-8x7B', 'mixtral', 'fuzzy']]);
    expect(found('GPT-45 and GPT4All')).toEqual([]);
    // No Llama 3 in this index: the family is the most specific known entity.
    expect(found('Llama-3-8B')).toEqual([['Llama-3-8B', 'llama', 'fuzzy']]);
  });

  it('scores exact matches 1 and fuzzy ones below', () => {
    const [exact, fuzzy] = matcher.findResolved('GPT-4 and Qwen1.5-72B');
    expect(exact!.score).toBe(1);
    expect(fuzzy!.score).toBeGreaterThan(0);
    expect(fuzzy!.score).toBeLessThan(1);
  });
});

describe('ambiguous names', () => {
  it('need context: a cue, a suffix, a name in the block, or a related entity on the page', () => {
    expect(found('百川汇海，风景很好。')).toEqual([]);
    expect(found('百川发布了新的大模型。')).toEqual([['百川', 'baichuan', 'exact']]);
    const result = matcher.find('百川的股价上升。');
    expect(result.mentions).toEqual([]);
    expect(result.ambiguous.map((m) => m.entityId)).toEqual(['baichuan']);
    const region = (entities: string[], otherSense: string[] = []) => ({
      entities: new Set(entities),
      otherSense: new Set(otherSense),
    });
    expect(matcher.resolve(result, region(['baichuan-2']))).toHaveLength(1);
    expect(matcher.resolve(result, region(['nvidia']))).toHaveLength(0);
    // The same region also uses the name in another sense: a related name alone is not enough.
    expect(matcher.resolve(result, region(['baichuan-2'], ['baichuan']))).toHaveLength(0);
  });
});

describe('invariants (property)', () => {
  const pieces = [
    'OpenAI',
    'GPT-4',
    'Yi 34B',
    ' ',
    '. ',
    'yield',
    'A100s',
    '英伟达',
    '微軟',
    'Qwen1.5-7B',
    'x',
    '-',
    'Llama',
  ];
  it('mentions lie inside the text, in order, without overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        let last = 0;
        for (const m of matcher.findResolved(text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          last = m.end;
        }
      }),
    );
  });
});

describe('modelTokens', () => {
  /** The definition: every match of MODEL_TOKEN along the text, those with a digit kept. */
  const reference = (text: string) =>
    [...text.matchAll(new RegExp(MODEL_TOKEN.source, MODEL_TOKEN.flags))]
      .filter((m) => /\d/.test(m[0]))
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));

  it('finds model-shaped tokens with their versions and editions', () => {
    const text =
      "Google's Gemini 1.5 Pro beat GPT-4 in 2023; Qwen1.5-72B-Chat and Llama 3 8B, v2 of Yi 34B, Mixtral 8x7B.";
    // A size after a spaced version belongs to the checkpoint's name ("Llama 3 8B").
    expect(modelTokens(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Gemini 1.5 Pro',
      'GPT-4',
      'Qwen1.5-72B-Chat',
      'Llama 3 8B',
      'v2',
      'Yi 34B',
      'Mixtral 8x7B',
    ]);
  });

  it('gives exactly the matches of the pattern that hold a digit (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      'v',
      'x',
      '1',
      '2',
      '34',
      '.',
      '-',
      '_',
      ' ',
      ' ',
      'Pro',
      'Flash',
      'é',
      '模',
      ',',
      '(',
      'GPT',
      'Gemini',
      '4.0',
      'v2',
      '１',
      'Opus ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(modelTokens(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
