import { describe, expect, it } from 'vitest';
import bundled from '../../data/dataset.json';
import { parseDataset, type Dataset } from '../../lib/schema';
import { lintDataset } from '../../lib/data/lint';
import { datasetStats } from '../../lib/data/stats';
import { createMatcher } from '../../lib/match/matcher-index';
import { buildMatcherIndex } from '../../lib/match/build-index';
import { testDataset, testRegistry } from '../helpers/dataset';
import { bundledRegistry } from '../../lib/sources/bundled';

const dataset = parseDataset(bundled);

/** Entities the founding brief discusses: the dataset must cover every one. */
const REQUIRED = [
  'openai',
  'gpt-4',
  'chatgpt',
  'microsoft',
  'nvidia-a100',
  'nvidia-h100',
  'nvidia-a800',
  'nvidia-h800',
  'nvidia-h20',
  '01-ai',
  'yi-34b',
  'meta',
  'llama',
  'llama-2',
  'llama-3',
  'bytedance',
  'doubao',
  'skylark',
  'baidu',
  'ernie-bot',
  'alibaba',
  'qwen',
  'tencent',
  'hunyuan',
  'sensetime',
  'megvii',
  'cloudwalk',
  'yitu',
  'scale-ai',
  'semianalysis',
  'zhipu-ai',
  'glm',
  'baichuan',
  'moonshot-ai',
  'kimi',
  'minimax',
  'stepfun',
  'deepseek',
  'spark',
  'pangu',
  'huawei-ascend',
  'kling',
  'qihoo-360',
  'kunlun-tech',
  'skywork',
  'shanghai-ai-lab',
  'internlm',
  'modelbest',
  'minicpm',
  'anthropic',
  'claude',
  'google',
  'gemini',
  'gemma',
  'xai',
  'grok',
  'mistral-ai',
  'mixtral',
  'cohere',
  'ai21-labs',
  'tii',
  'falcon',
  'phi',
  'stability-ai',
  'hugging-face',
  'perplexity-ai',
  'character-ai',
  'inflection-ai',
];

describe('bundled dataset', () => {
  it('passes the schema, the cross-entity checks and the editorial lint', () => {
    expect(lintDataset(dataset, bundledRegistry())).toEqual([]);
  });

  it('has the coverage the product promises', () => {
    const stats = datasetStats(dataset, bundledRegistry());
    expect(stats.entities).toBeGreaterThanOrEqual(150);
    expect(stats.notes).toBeGreaterThanOrEqual(350);
    expect(stats.notesByKind.benchmark).toBeGreaterThanOrEqual(40);
    expect(stats.notesWithSource).toBe(stats.notes);
    expect(stats.notesWithPrimaryOrOutlet).toBe(stats.notes);
    expect(stats.refusedHostUrls).toBe(0);
    const ids = new Set(dataset.entities.map((e) => e.id));
    expect(REQUIRED.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('finds each entity by its own English name in an AI sentence (short names beside their developer)', () => {
    const matcher = createMatcher(buildMatcherIndex(dataset.entities, dataset.asOf));
    const byId = new Map(dataset.entities.map((e) => [e.id, e]));
    const missed = dataset.entities.filter((e) => {
      // A short Latin name needs its developer nearby (an AI word alone does not vouch for "Phi").
      const dev = e.links?.developer ? byId.get(e.links.developer)?.name.en : undefined;
      const text = `The AI model news${dev ? ` from ${dev}` : ''}: ${e.name.en} was discussed.`;
      return !matcher.findResolved(text).some((m) => m.entityId === e.id);
    });
    expect(missed.map((e) => e.id)).toEqual([]);
  });

  it('reads 阿里巴巴 as the company in business news, not the woodcutter of the folk tale', () => {
    const matcher = createMatcher(buildMatcherIndex(dataset.entities, dataset.asOf));
    const ids = (text: string) => matcher.findResolved(text).map((m) => m.entityId);
    expect(ids('从前，樵夫阿里巴巴在林中砍柴，发现了四十大盗的宝藏。')).toEqual([]);
    expect(ids('阿里巴巴集团公布季度财报，云业务营收增长。')).toEqual(['alibaba']);
  });

  it("marks a company's other names, not its own, as names its products may carry", () => {
    const { aliases } = buildMatcherIndex(dataset.entities, dataset.asOf);
    const other = (text: string) => aliases.find((a) => a.text === text && !a.decoy)?.otherName ?? false;
    expect([other('Facebook'), other('Meta'), other('Amazon')]).toEqual([true, false, false]);
  });
});

describe('lintDataset', () => {
  const broken = (mutate: (d: Dataset) => void): string[] => {
    const d = structuredClone(testDataset());
    const note = d.entities[0]!.notes[0]!;
    for (const e of d.entities) {
      if (!e.name.zh) e.name.zhUsesLatin = true;
      // Give every entity the note its type requires, so each case breaks exactly one rule.
      if (e.notes.length === 0)
        e.notes.push({ ...note, kind: e.type === 'company' ? 'funding' : 'provenance' });
    }
    mutate(d);
    return lintDataset(d, testRegistry());
  };

  it('accepts the clean test dataset', () => {
    expect(broken(() => {})).toEqual([]);
  });

  it.each([
    [
      'an unknown link',
      (d: Dataset) => (d.entities[3]!.links!.developer = 'nobody'),
      /unknown entity "nobody"/,
    ],
    [
      'a shared alias',
      (d: Dataset) => d.entities[2]!.aliases.push({ text: 'Lingyiwanwu' }),
      /also a name of 01-ai/,
    ],
    ['a note dated after asOf', (d: Dataset) => (d.entities[0]!.notes[0]!.date = '2027-01'), /after asOf/],
    [
      'a note with only an http source',
      (d: Dataset) => (d.entities[0]!.notes[0]!.sources[0]!.url = 'http://www.reuters.com/a'),
      /must use https/,
    ],
    ['a missing Chinese name', (d: Dataset) => delete d.entities[2]!.name.zhUsesLatin, /add name\.zh/],
    [
      'a decoy without the name',
      (d: Dataset) => (d.entities[0]!.decoys = ['unrelated words']),
      /contains none of/,
    ],
  ])('rejects %s', (_, mutate, message) => {
    expect(broken(mutate).join('\n')).toMatch(message);
  });
});
