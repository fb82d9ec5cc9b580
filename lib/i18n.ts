/**
 * UI strings in English and Simplified Chinese. Components take a `Strings` object as a prop so
 * they render the same in tests, fixtures and every extension context.
 */
import type { EntityType, NoteKind, NoteStatus, RelationKind } from './schema';

export type Lang = 'en' | 'zh';

const en = {
  sections: {
    provenance: 'Provenance',
    benchmark: 'Benchmark robustness',
    funding: 'Funding',
    compute: 'Compute',
  } satisfies Record<NoteKind, string>,
  types: {
    company: 'Company',
    lab: 'Research lab',
    'model-family': 'Model family',
    model: 'Model',
    product: 'Product',
    chip: 'Chip',
  } satisfies Record<EntityType, string>,
  statuses: {
    confirmed: 'Confirmed',
    reported: 'Reported',
    disputed: 'Disputed',
    'company-claim': 'Company claim',
    refuted: 'Refuted',
  } satisfies Record<NoteStatus, string>,
  relations: {
    'original-pretraining': 'pretrained from scratch',
    'architecture-reuse': 'reuses the architecture of',
    'continued-pretraining': 'continued pretraining of',
    'fine-tune': 'fine-tuned from',
    distillation: 'trained on outputs of',
    merge: 'merged from',
    quantisation: 'quantised from',
    'api-wrapper': 'wraps the API of',
  } satisfies Record<RelationKind, string>,
  verdicts: {
    derived: {
      'original-pretraining': 'Pretrained from scratch on the design of',
      'architecture-reuse': 'Architecture reuse of',
      'continued-pretraining': 'Continued pretraining of',
      'fine-tune': 'Fine-tune of',
      distillation: 'Trained on outputs of',
      merge: 'Merge of',
      quantisation: 'Quantised from',
      'api-wrapper': 'API wrapper of',
    } satisfies Record<RelationKind, string>,
    alleged: 'alleged',
    original: 'Original pretraining',
    'holds-up': 'Benchmarks hold up independently',
    drops: 'Scores drop under perturbation or contamination',
    'no-independent-evidence': 'No independent benchmark evidence',
    why: 'Why this badge',
    basedOn: 'Based on these notes:',
    fromLinks: 'Recorded in the dataset’s lineage links.',
  },
  by: 'by',
  parent: 'part of',
  family: 'family',
  fromFamily: (name: string) => `About the ${name} family`,
  investors: 'Investors',
  response: 'Response',
  sources: 'Sources',
  asOf: (date: string) => `Dataset as of ${date}`,
  edited: 'Edited by you',
  noNotes: 'No sourced notes yet.',
  close: 'Close',
  matchedAs: (text: string, fuzzy: boolean) => `Matched as “${text}”${fuzzy ? ' (fuzzy)' : ''}`,
  cardLabel: (name: string) => `Assay facts: ${name}`,
  keyboardHint: 'Alt+Shift+J / K: next / previous name · Esc: close',
  searchLabel: 'Search AI models, companies and chips',
  searchPlaceholder: 'Search: GPT-4, 零一万物, H100…',
  noResults: 'No matches',
  back: 'Back to results',
  loading: 'Loading…',
  entities: (n: number) => `${n} entities`,
  openOptions: 'Manage dataset',
  optionsTitle: 'Assay dataset',
  name: 'Name',
  type: 'Type',
  notes: 'Notes',
  loadError: (message: string) => `Could not load data: ${message}`,
};

export type Strings = typeof en;

const zh: Strings = {
  sections: { provenance: '来源与谱系', benchmark: '评测可信度', funding: '融资', compute: '算力' },
  types: {
    company: '公司',
    lab: '研究机构',
    'model-family': '模型系列',
    model: '模型',
    product: '产品',
    chip: '芯片',
  },
  statuses: {
    confirmed: '已证实',
    reported: '据报道',
    disputed: '有争议',
    'company-claim': '公司自称',
    refuted: '已被驳斥',
  },
  relations: {
    'original-pretraining': '从头预训练',
    'architecture-reuse': '沿用架构：',
    'continued-pretraining': '继续预训练自',
    'fine-tune': '微调自',
    distillation: '使用其输出训练：',
    merge: '合并自',
    quantisation: '量化自',
    'api-wrapper': '封装 API：',
  },
  verdicts: {
    derived: {
      'original-pretraining': '按以下模型的设计从头预训练：',
      'architecture-reuse': '沿用架构：',
      'continued-pretraining': '在其基础上继续预训练：',
      'fine-tune': '微调自',
      distillation: '使用其输出训练：',
      merge: '合并自',
      quantisation: '量化自',
      'api-wrapper': '封装 API：',
    },
    alleged: '指控',
    original: '原创预训练',
    'holds-up': '评测经独立检验成立',
    drops: '扰动或污染下成绩下降',
    'no-independent-evidence': '无独立评测证据',
    why: '徽章依据',
    basedOn: '依据以下条目：',
    fromLinks: '见数据集中的谱系链接。',
  },
  by: '开发方',
  parent: '隶属',
  family: '所属系列',
  fromFamily: (name: string) => `关于 ${name} 系列`,
  investors: '投资方',
  response: '回应',
  sources: '来源',
  asOf: (date: string) => `数据截至 ${date}`,
  edited: '已由你编辑',
  noNotes: '暂无带来源的条目。',
  close: '关闭',
  matchedAs: (text: string, fuzzy: boolean) => `匹配文本：“${text}”${fuzzy ? '（模糊匹配）' : ''}`,
  cardLabel: (name: string) => `Assay 事实卡：${name}`,
  keyboardHint: 'Alt+Shift+J / K：下一个 / 上一个名称 · Esc：关闭',
  searchLabel: '搜索 AI 模型、公司和芯片',
  searchPlaceholder: '搜索：GPT-4、零一万物、H100…',
  noResults: '没有匹配项',
  back: '返回结果',
  loading: '加载中…',
  entities: (n: number) => `${n} 个条目`,
  openOptions: '管理数据集',
  optionsTitle: 'Assay 数据集',
  name: '名称',
  type: '类型',
  notes: '条目',
  loadError: (message: string) => `无法加载数据：${message}`,
};

/** Picks the UI language from a BCP 47 tag: any Chinese tag gets Chinese, the rest English. */
export function langFromTag(tag: string | undefined): Lang {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The UI language for a setting: "auto" follows the browser. */
export function resolveLang(setting: 'auto' | 'en' | 'zh', browserLang: Lang): Lang {
  return setting === 'auto' ? browserLang : setting;
}

/** The strings for a language. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'zh' ? zh : en;
}
