import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bundled from '../../data/dataset.json';
import { parseDataset } from '../../lib/schema';
import { createMatcher } from '../../lib/match/matcher-index';
import { buildMatcherIndex } from '../../lib/match/build-index';
import { editDistance } from '../../lib/match/fuzzy';

const dataset = parseDataset(bundled);
const matcher = createMatcher(buildMatcherIndex(dataset.entities, dataset.asOf));
const fuzzy = (text: string) =>
  matcher
    .findResolved(text)
    .filter((m) => m.match === 'fuzzy')
    .map((m) => `${text.slice(m.start, m.end)} → ${m.entityId}`);

/** Words of crime, sports, finance and documentation prose, the kinds that sit next to numbers. */
const ENGLISH = (
  'the a an more than less then over under about around nearly at least page chapter open closed internet ' +
  'hours minutes people police said were arrested after before during season game scored points team won lost ' +
  'shares rose fell percent revenue quarter year market index fund price table column row select from where ' +
  'order by limit version release build station route highway room floor apartment street open now daily ' +
  'weather temperature degrees rain storm wind north south east west county court judge case filed report ' +
  'then later early late first last next top best new old big small high low fast slow city state country'
).split(' ');
/** Everyday Chinese news words (no AI names among them). */
const CHINESE = (
  '警方 表示 超过 名 嫌疑人 被 逮捕 比赛 中 球队 得分 股价 上涨 下跌 百分之 营收 季度 市场 指数 基金 ' +
  '天气 气温 度 降雨 风力 北部 南部 城市 省份 法院 案件 报道 今年 去年 第 页 章 小时 分钟 人 元 万 亿 ' +
  '公司 员工 学生 学校 医院 患者 游客 景区 门票 航班 列车 公路 街道 房间 楼层 居民 社区 的 了 在 是 和'
).split(' ');
const NUMBER = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n}%`),
);

describe('the fuzzy tier justifies every link', () => {
  it.each([
    'The police said more than 20 people were arrested.',
    'Then 20 minutes later the game restarted.',
    'The pharmacy is Open 24 hours a day.',
    'Internet 13 was slower than the others.',
    'The build links openh264 for video.',
    'SELECT name FROM users WHERE age > 20 LIMIT 10',
  ])('links nothing in "%s"', (text) => {
    expect(fuzzy(text)).toEqual([]);
  });

  it('still links misspelt and versioned model names', () => {
    expect(fuzzy('Mixtrall-8x7B and DeepSeak-V3 were compared with Qwen1.5-72B-Chat.')).toEqual([
      'Mixtrall-8x7B → mixtral',
      'DeepSeak-V3 → deepseek-v3',
      'Qwen1.5-72B-Chat → qwen',
    ]);
    expect(fuzzy('Baidu shipped ERNIE-Bot 4.0 in October.')).toEqual(['ERNIE-Bot 4.0 → ernie-bot']);
  });

  it("ends a name before a compound adjective's tail ('a16z-backed', 'GPT-4-powered')", () => {
    const text = 'This a16z-backed startup sells a GPT-4-powered app built on Llama-2-based models.';
    expect(
      matcher.findResolved(text).map((m) => `${text.slice(m.start, m.end)} → ${m.entityId} (${m.match})`),
    ).toEqual(['a16z → andreessen-horowitz (exact)', 'GPT-4 → gpt-4 (exact)', 'Llama-2 → llama-2 (exact)']);
  });

  it('links no fuzzy name in English prose full of numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...ENGLISH), NUMBER), { minLength: 3, maxLength: 40 }),
        (words) => {
          const text = words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ') + '.';
          expect(fuzzy(text)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('links no fuzzy name in Chinese prose full of numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...CHINESE), NUMBER), { minLength: 3, maxLength: 40 }),
        (words) => {
          expect(fuzzy(words.join('') + '。')).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('measures edits on whole words, not substrings', () => {
    expect(editDistance('open', 'openai')).toBe(2);
    expect(editDistance('mixtrall', 'mixtral')).toBe(1);
    expect(editDistance('baichaun', 'baichuan')).toBe(1); // a swap is one edit
    expect(editDistance('than', 'thunlp')).toBe(3);
  });
});
