import { describe, expect, it } from 'vitest';
import { findClaims } from '../../lib/claims/detect';
import { createScanner } from '../../scripts/scan-core';

/** Claims in `text` about the names given (each found by its first occurrence). */
const claims = (text: string, names: string[]) =>
  findClaims(
    text,
    names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, entityId: n })),
  ).map((c) => [text.slice(c.start, c.end), c.kind, c.entityId]);

describe('claim cues', () => {
  it('finds the four kinds in English, with what completes them', () => {
    expect(
      claims('Gemini Ultra beats GPT-4 on MMLU, Google said.', ['Gemini Ultra', 'GPT-4', 'Google']),
    ).toEqual([['beats GPT-4 on MMLU', 'comparison', 'Gemini Ultra']]);
    expect(claims('01.AI said it trained Yi-34B from scratch.', ['01.AI', 'Yi-34B'])).toEqual([
      ['from scratch', 'originality', '01.AI'],
    ]);
    expect(claims('OpenAI raised $6.6 billion at a valuation of $157 billion.', ['OpenAI'])).toEqual([
      ['raised $6.6 billion', 'money', 'OpenAI'],
      ['valuation of $157 billion', 'money', 'OpenAI'],
    ]);
    expect(claims('Meta open-sourced Llama 3 under a custom licence.', ['Meta', 'Llama 3'])).toEqual([
      ['open-sourced Llama 3 under a custom licence', 'openness', 'Meta'],
    ]);
  });

  it('finds them in Chinese, where the object may come first', () => {
    expect(claims('百度称文心一言的能力已与GPT-4持平。', ['百度', '文心一言', 'GPT-4'])).toEqual([
      ['与GPT-4持平', 'comparison', '百度'],
    ]);
    expect(claims('月之暗面完成10亿美元融资，估值超过25亿美元。', ['月之暗面'])).toEqual([
      ['10亿美元融资', 'money', '月之暗面'],
      ['估值超过25亿美元', 'money', '月之暗面'],
    ]);
    expect(claims('深度求索开放了DeepSeek-V3的全部模型权重。', ['深度求索', 'DeepSeek-V3'])).toEqual([
      ['开放了DeepSeek-V3的全部模型权重', 'openness', '深度求索'],
    ]);
  });

  it('leaves ordinary senses of the cue words alone', () => {
    expect(claims('Apple beat earnings expectations on Thursday.', ['Apple'])).toEqual([]);
    expect(claims('Critics raised concerns about OpenAI.', ['OpenAI'])).toEqual([]);
    expect(claims('OpenAI opened an office in Tokyo.', ['OpenAI'])).toEqual([]);
    expect(claims('腾讯坚持开源节流。', ['腾讯'])).toEqual([]);
    expect(claims('超过7亿用户的服务须向Meta申请许可。', ['Meta'])).toEqual([]);
    expect(claims('Built from scratch, or a LLaMA in disguise?', ['LLaMA'])).toEqual([]);
    // A sentence that names no entity is never read.
    expect(findClaims('The Lakers beat the Celtics.', [])).toEqual([]);
  });

  it('are reported by the scan with the entity they are about', () => {
    const { claims: found } = createScanner().scanTextFull(
      'DeepSeek says DeepSeek-R1 rivals OpenAI o1 on math benchmarks.',
    );
    expect(found).toEqual([
      expect.objectContaining({
        text: 'rivals OpenAI o1 on math benchmarks',
        kind: 'comparison',
        entity: { id: 'deepseek' },
      }),
    ]);
  });
});
