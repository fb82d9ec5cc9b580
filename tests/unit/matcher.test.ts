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
