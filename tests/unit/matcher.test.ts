import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUE_LEXICONS } from '../../lib/match/lexicons';
import { AliasMatcher, type AliasRecord } from '../../lib/match/matcher';
import { buildTrie, Trie } from '../../lib/match/trie';
import { normalize, normalizeKey } from '../../lib/text/fold';

const aliases: AliasRecord[] = [
  { text: 'OpenAI', entityId: 'openai' },
  { text: 'GPT-4', entityId: 'gpt-4' },
  { text: 'GPT-4 Turbo', entityId: 'gpt-4-turbo' },
  { text: 'Yi', entityId: 'yi', caseSensitive: true, ambiguous: true },
  { text: 'Yi-34B', entityId: 'yi-34b' },
  { text: 'Meta', entityId: 'meta', caseSensitive: true, ambiguous: true },
  { text: 'LLaMA', entityId: 'llama' },
  { text: 'Gemini', entityId: 'gemini', ambiguous: true },
  { text: '零一万物', entityId: '01-ai' },
  { text: '文心', entityId: 'ernie', ambiguous: true },
  { text: '文心一言', entityId: 'ernie' },
  { text: '百度', entityId: 'baidu' },
  { text: 'NVIDIA', entityId: 'nvidia' },
  { text: 'A100', entityId: 'a100', caseSensitive: true, ambiguous: true },
];
const matcher = new AliasMatcher(aliases, {}, { cues: CUE_LEXICONS });
const found = (text: string) =>
  matcher.findResolved(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('AliasMatcher', () => {
  it('finds names with possessives and punctuation around them', () => {
    expect(found("OpenAI's GPT-4, (NVIDIA) and Meta's LLaMA model.")).toEqual([
      ['OpenAI', 'openai'],
      ['GPT-4', 'gpt-4'],
      ['NVIDIA', 'nvidia'],
      ['Meta', 'meta'],
      ['LLaMA', 'llama'],
    ]);
  });

  it('never matches inside a word', () => {
    expect(found('Yield curves and metadata about the OpenAIX project, GPT-45 too.')).toEqual([]);
  });

  it('prefers the longest name at a position and never overlaps', () => {
    expect(found('GPT-4 Turbo beat Yi-34B.')).toEqual([
      ['GPT-4 Turbo', 'gpt-4-turbo'],
      ['Yi-34B', 'yi-34b'],
    ]);
    expect(found('百度发布文心一言。')).toEqual([
      ['百度', 'baidu'],
      ['文心一言', 'ernie'],
    ]);
  });

  it('matches Chinese names without spaces', () => {
    expect(found('李开复创办的零一万物发布了大模型')).toEqual([['零一万物', '01-ai']]);
  });

  it('folds case and full-width forms but respects case-sensitive aliases', () => {
    expect(found('openai and ＧＰＴ－４ and nvidia')).toEqual([
      ['openai', 'openai'],
      ['ＧＰＴ－４', 'gpt-4'],
      ['nvidia', 'nvidia'],
    ]);
    expect(found('the model from META and yi')).toEqual([]);
  });

  it('marks ambiguous names only in AI context', () => {
    expect(found('Gemini: a good week for romance.')).toEqual([]);
    expect(found('Google said Gemini is its most capable model.')).toEqual([['Gemini', 'gemini']]);
    expect(found('Gemini 1.5 arrives.')).toEqual([['Gemini 1.5', 'gemini']]);
  });

  it('accepts an ambiguous name next to an unambiguous one in the same block', () => {
    expect(found('NVIDIA shipped the A100s to China.')).toEqual([
      ['NVIDIA', 'nvidia'],
      ['A100s', 'a100'],
    ]);
    expect(found('Take the A100 north to London.')).toEqual([]);
  });

  it('agrees with a naive scan on random keys and text (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '零', '一');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.oneof(unit, fc.constantFrom('A', ' ')), maxLength: 40 }),
        (keys, text) => {
          const { trie: data, ids } = buildTrie(keys);
          const trie = new Trie(data);
          const keyOf = (id: number) => keys[ids.indexOf(id)];
          const folded = normalizeKey(text);
          const expected: string[] = [];
          for (let end = 1; end <= folded.length; end++) {
            for (const key of keys) {
              if (end >= key.length && folded.slice(end - key.length, end) === key)
                expected.push(`${end - key.length}:${key}`);
            }
          }
          const actual = trie.scan(normalize(text)).map((h) => `${h.start}:${keyOf(h.key)}`);
          expect(actual.sort()).toEqual(expected.sort());
          for (const key of keys) expect(keyOf(trie.lookup(key))).toBe(key);
          expect(trie.lookup(`${keys[0]}zz`)).toBe(-1);
        },
      ),
    );
  });
});

describe('names as Chinese and technical writing spell them', () => {
  const lines: AliasRecord[] = [
    { text: '文心大模型', entityId: 'ernie' },
    { text: '星火', entityId: 'spark' },
    { text: '昇腾', entityId: 'ascend', caseSensitive: true },
    { text: '升腾', entityId: 'ascend', ambiguous: true },
    { text: '910B', entityId: 'ascend-910b', caseSensitive: true, ambiguous: true },
    { text: '海螺AI', entityId: 'minimax' },
    { text: 'H100', entityId: 'h100' },
    { text: 'Amazon', entityId: 'amazon', caseSensitive: true, ambiguous: true },
    { text: 'Amazon River', entityId: 'amazon', decoy: true },
  ];
  const m = new AliasMatcher(
    lines,
    { 'ascend-910b': ['ascend'], ascend: ['ascend-910b'] },
    { cues: CUE_LEXICONS },
  );
  const spans = (text: string) => m.findResolved(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('joins a spaced version, a chip number or an edition to a Chinese name, never a date or a count', () => {
    expect(spans('百度发布文心大模型 X1 和文心大模型 4.5。')).toEqual([
      ['文心大模型 X1', 'ernie'],
      ['文心大模型 4.5', 'ernie'],
    ]);
    expect(spans('讯飞星火4.0 Turbo 上线')).toEqual([['星火4.0 Turbo', 'spark']]);
    expect(spans('文心大模型 3 月 16 日发布,星火 2 款')).toEqual([
      ['文心大模型', 'ernie'],
      ['星火', 'spark'],
    ]);
  });

  it('gives the line name and a member number the member when they are related', () => {
    expect(spans('华为昇腾 910B 的算力')).toEqual([['昇腾 910B', 'ascend-910b']]);
  });

  it('keeps a brand written with a variant character to how it is written: 升腾 is a verb', () => {
    expect(spans('烟雾升腾而起。')).toEqual([]);
    expect(spans('华为昇腾芯片')).toEqual([['昇腾', 'ascend']]);
  });

  it('reads Chinese and Latin spaced apart as one name, and a count written onto a chip', () => {
    expect(spans('用户可登录「海螺 AI」体验')).toEqual([['海螺 AI', 'minimax']]);
    expect(spans('trained on 8xH100 nodes')).toEqual([['H100', 'h100']]);
    expect(spans('trained on GH100 nodes')).toEqual([]);
  });

  it('weighs a phrase of another sense in the same block against an ambiguous name', () => {
    expect(spans('Amazon AI models are trained here.')).toEqual([['Amazon', 'amazon']]);
    expect(spans('The Amazon River is long; Amazon AI models are trained near it.')).toEqual([]);
  });
});

describe('Latin names with editions, chip numbers and addresses', () => {
  const names: AliasRecord[] = [
    { text: 'Qwen', entityId: 'qwen' },
    { text: 'Qwen-7B', entityId: 'qwen' },
    { text: 'GPT-4o', entityId: 'gpt-4o' },
    { text: 'Ascend', entityId: 'ascend', caseSensitive: true, ambiguous: true },
    { text: 'Huawei', entityId: 'huawei' },
    { text: 'Grok', entityId: 'grok' },
    { text: 'Alibaba', entityId: 'alibaba' },
  ];
  const m = new AliasMatcher(
    names,
    { ascend: ['huawei'] },
    { cues: CUE_LEXICONS, companies: ['alibaba', 'huawei'] },
  );
  const spans = (text: string) => m.findResolved(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('takes a hyphenated edition into a model’s name, never into a company’s', () => {
    expect(spans('Qwen-Turbo and Qwen-Long got cheaper; Alibaba-Pro is not a model.')).toEqual([
      ['Qwen-Turbo', 'qwen'],
      ['Qwen-Long', 'qwen'],
      ['Alibaba', 'alibaba'],
    ]);
    expect(spans('Qwen-based apps')).toEqual([['Qwen', 'qwen']]);
  });

  it('reads an edition after a versioned name and a chip number after a spaced name as one name', () => {
    expect(spans('OpenAI unveiled GPT-4o mini today.')).toEqual([['GPT-4o mini', 'gpt-4o']]);
    expect(spans('Huawei will test the Ascend 910D chip.')).toEqual([
      ['Huawei', 'huawei'],
      ['Ascend 910D', 'ascend'],
    ]);
  });

  it('does not version a name twice, nor read a web address as a mention', () => {
    expect(spans('Qwen-7B 7 First open-source model')).toEqual([['Qwen-7B', 'qwen']]);
    expect(spans('The chatbot is at Grok.com, and Grok answers.')).toEqual([['Grok', 'grok']]);
    expect(spans('It is accessible through Grok.com. Grok answers.')).toEqual([['Grok', 'grok']]);
  });
});
