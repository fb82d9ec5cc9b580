import type { Dataset, Entity } from '../../lib/schema';
import { HostRegistry } from '../../lib/sources/registry';

const source = {
  url: 'https://www.chinamoneynetwork.com/2023/12/12/kai-fu-lees-01-ai-startup-addresses-controversy-surrounding-model-architecture',
  title: "Kai-Fu Lee's 01.AI startup addresses controversy surrounding model architecture",
  publisher: 'China Money Network',
  published: '2023-12-12',
};

/** A small dataset for store and message tests (real facts, from ../shared/research/facts.md). */
export function testDataset(version = '1', overrides: Partial<Record<string, Entity | null>> = {}): Dataset {
  const entities: Entity[] = [
    {
      id: '01-ai',
      type: 'company',
      name: { en: '01.AI', zh: '零一万物' },
      aliases: [{ text: 'Lingyiwanwu' }],
      links: { investors: ['alibaba'] },
      notes: [
        {
          id: 'alibaba-round',
          kind: 'funding',
          text: { en: 'Completed a round led by Alibaba Cloud, reportedly valued above US$1 billion.' },
          date: '2023',
          status: 'reported',
          sources: [source],
        },
      ],
    },
    {
      id: 'alibaba',
      type: 'company',
      name: { en: 'Alibaba', zh: '阿里巴巴' },
      aliases: [],
      notes: [],
    },
    {
      id: 'llama',
      type: 'model-family',
      name: { en: 'LLaMA' },
      aliases: [{ text: 'Llama 2' }],
      notes: [],
    },
    {
      id: 'yi-34b',
      type: 'model',
      name: { en: 'Yi-34B' },
      aliases: [{ text: 'Yi 34B' }],
      links: { developer: '01-ai', base: [{ id: 'llama', relation: 'architecture-reuse' }] },
      notes: [
        {
          id: 'llama-architecture',
          kind: 'provenance',
          text: { en: 'Developers said that apart from two renamed tensors Yi used the LLaMA architecture.' },
          date: '2023-11',
          status: 'disputed',
          sources: [source],
          response: {
            text: { en: '01.AI said it trained Yi-34B and Yi-6B from scratch.' },
            sources: [source],
          },
        },
      ],
    },
  ];
  const list = entities
    .filter((e) => overrides[e.id] !== null)
    .map((e) => overrides[e.id] ?? e)
    .concat(Object.values(overrides).filter((e): e is Entity => !!e && !entities.some((x) => x.id === e.id)));
  return { schemaVersion: 1, version, asOf: '2026-11-29', entities: list };
}

/** A small host registry for tests: one host of each tier, a refused mirror path, a refused host. */
export function testRegistry(): HostRegistry {
  return new HostRegistry([
    {
      host: 'chinamoneynetwork.com',
      publisher: 'China Money Network',
      tier: 'outlet',
      why: 'news site on China’s venture capital, with its own reporting',
    },
    { host: 'arxiv.org', publisher: 'arXiv', tier: 'primary', why: 'the paper as its authors posted it' },
    { host: 'reuters.com', publisher: 'Reuters', tier: 'outlet', why: 'news agency' },
    {
      host: 'finance.yahoo.com',
      publisher: 'Yahoo Finance',
      tier: 'relay',
      why: 'syndicates wire stories, naming them',
    },
    {
      host: 'huggingface.co',
      publisher: 'Hugging Face',
      tier: 'primary',
      why: 'model cards on the developer’s own account',
    },
    {
      host: 'huggingface.co',
      path: '/TheBloke',
      tier: 'refused',
      refusal: 'mirror',
      why: 'community re-uploads, not the developer’s card',
    },
    {
      host: 'summarizepaper.com',
      tier: 'refused',
      refusal: 'ai-summary',
      why: 'machine-written paper summaries',
    },
  ]);
}
