/**
 * The strings a fact card needs (sections, statuses, badges, source tiers), in English and
 * Simplified Chinese: the content script carries only these, the extension pages the whole catalog
 * (lib/i18n.ts), which includes them.
 */
import type { AccessKind, EntityType, NoteKind, NoteStatus, RelationKind } from './schema';
import type { EXPORT_CONTROLS, ESTIMATE_CONFIDENCES } from './schema';
import type { Rating } from './sources/tiers';

export type Lang = 'en' | 'zh';

const cardEn = {
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
    alleged: 'Alleged',
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
  tiers: {
    primary: {
      label: 'primary',
      meaning: 'The subject’s own page, paper, code or filing; a court, regulator or benchmark owner.',
    },
    outlet: { label: 'outlet', meaning: 'A news organisation’s own reporting.' },
    relay: { label: 'relay', meaning: 'A copy or summary that names its source.' },
    unrated: { label: 'unrated', meaning: 'A site Assay’s registry does not know.' },
    refused: {
      label: 'refused',
      meaning: 'Not an acceptable source ({why}): find the original.',
    },
  } satisfies Record<Rating, { label: string; meaning: string }>,
  facts: {
    heading: 'Key facts',
    valuation: 'Latest valuation',
    models: 'Models',
    andMore: ' and {n} more',
    caveats: 'On its models',
    caveatCounts: '{disputes} provenance disputes, {caveats} benchmark caveats',
    notable: '; look first at {name} ({section})',
    raised: 'Raised',
    raisedValue: '{amount} in {n} recorded rounds',
    released: 'Released',
    parameters: 'Parameters',
    trainingCompute: 'Training compute',
    confidence: {
      confident: 'confident estimate',
      likely: 'likely estimate',
      speculative: 'speculative estimate',
      unknown: 'estimate, confidence unknown',
    } satisfies Record<(typeof ESTIMATE_CONFIDENCES)[number], string>,
    trainingHardware: 'Trained on',
    datasetSize: 'Training data',
    dataPoints: '{n} data points',
    access: 'Access',
    accessKinds: {
      'open-weights': 'Open weights',
      'open-weights-restricted': 'Open weights (restricted use)',
      'open-weights-non-commercial': 'Open weights (non-commercial)',
      api: 'API access',
      hosted: 'Hosted access, no API',
      unreleased: 'Unreleased',
    } satisfies Record<AccessKind, string>,
    country: 'Country',
    generation: 'Generation',
    keyFigure: 'Key figure',
    exportControl: 'US export rules',
    exportKinds: {
      'china-variant': 'China-specific variant',
      'licence-required': 'Licence required for China',
      'entity-list': 'Maker on the US Entity List',
      none: 'No US restriction known',
    } satisfies Record<(typeof EXPORT_CONTROLS)[number], string>,
    sources: 'Facts from',
  },
  timeline: {
    heading: 'Valuations over time',
    source: 'source:',
    hint: 'Point at or focus a value for its date and source.',
  },
  lineage: {
    heading: 'Lineage',
    builtOn: 'Built on',
    builtOnIt: 'Built on it:',
    more: 'and {n} more built on it',
  },
  claims: {
    lead: 'This sentence claims ({kind}):',
    kinds: { comparison: 'comparison', originality: 'originality', money: 'money', openness: 'openness' },
    record: 'The record: {count} {section} notes below.',
    recordOne: 'The record: 1 {section} note below.',
    recordAccess: 'The record: {access}.',
    noRecord: 'The dataset has no record on it.',
  },
  via: 'via {publisher}',
  card: {
    by: 'by',
    parent: 'part of',
    family: 'family',
    fromFamily: 'About the {name} family',
    investors: 'Investors',
    response: 'Response',
    asOf: 'Dataset as of {date}',
    stale: 'May be out of date (as of {date})',
    staleUndated: 'May be out of date (undated)',
    edited: 'Edited by you',
    noNotes: 'No sourced notes yet.',
    more: '{n} more',
    less: 'Show less',
    close: 'Close',
    matchedAs: 'Matched as “{text}”',
    matchedAsFuzzy: 'Matched as “{text}” (fuzzy)',
    versionNotInData: '“{text}”: this version is not in the dataset; shown is what it belongs to.',
  },
};

export type CardStrings = typeof cardEn;

const cardZh: CardStrings = {
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
    alleged: '诉讼指控',
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
  tiers: {
    primary: {
      label: '一手',
      meaning: '当事方自己的网页、论文、代码或公告；法院、监管机构或评测维护方。',
    },
    outlet: { label: '媒体', meaning: '新闻机构的原创报道。' },
    relay: { label: '转载', meaning: '注明出处的转载或摘要。' },
    unrated: { label: '未评级', meaning: 'Assay 的站点表中没有这个网站。' },
    refused: { label: '不可采信', meaning: '不可采信的来源（{why}），请查找原始出处。' },
  },
  facts: {
    heading: '关键信息',
    valuation: '最新估值',
    models: '模型',
    andMore: ' 等 {n} 个',
    caveats: '其模型',
    caveatCounts: '{disputes} 条来源争议，{caveats} 条评测存疑',
    notable: '；先看 {name}（{section}）',
    raised: '融资额',
    raisedValue: '已记录的 {n} 轮共 {amount}',
    released: '发布',
    parameters: '参数量',
    trainingCompute: '训练算力',
    confidence: {
      confident: '可信估计',
      likely: '较可能的估计',
      speculative: '推测性估计',
      unknown: '估计，可信度未知',
    },
    trainingHardware: '训练硬件',
    datasetSize: '训练数据',
    dataPoints: '{n} 个数据点',
    access: '开放程度',
    accessKinds: {
      'open-weights': '开放权重',
      'open-weights-restricted': '开放权重（限制用途）',
      'open-weights-non-commercial': '开放权重（非商用）',
      api: 'API 访问',
      hosted: '仅托管访问，无 API',
      unreleased: '未发布',
    },
    country: '国家/地区',
    generation: '架构代际',
    keyFigure: '关键指标',
    exportControl: '美国出口管制',
    exportKinds: {
      'china-variant': '中国特供版',
      'licence-required': '对华出口需许可',
      'entity-list': '制造商在美国实体清单上',
      none: '未知有美国限制',
    },
    sources: '信息来源',
  },
  timeline: {
    heading: '估值变化',
    source: '来源：',
    hint: '指向或聚焦一个数值，查看日期与来源。',
  },
  lineage: {
    heading: '谱系',
    builtOn: '基于',
    builtOnIt: '基于它的：',
    more: '另有 {n} 个基于它的模型',
  },
  claims: {
    lead: '本句声称（{kind}）：',
    kinds: { comparison: '比较', originality: '原创', money: '资金', openness: '开源' },
    record: '记录：下方有 {count} 条“{section}”条目。',
    recordOne: '记录：下方有 1 条“{section}”条目。',
    recordAccess: '记录：{access}。',
    noRecord: '数据集中没有相关记录。',
  },
  via: '经由 {publisher}',
  card: {
    by: '开发方',
    parent: '隶属',
    family: '所属系列',
    fromFamily: '关于 {name} 系列',
    investors: '投资方',
    response: '回应',
    asOf: '数据截至 {date}',
    stale: '可能已过时（截至 {date}）',
    staleUndated: '可能已过时（无日期）',
    edited: '已由你编辑',
    noNotes: '暂无带来源的条目。',
    more: '另有 {n} 条',
    less: '收起',
    close: '关闭',
    matchedAs: '匹配文本：“{text}”',
    matchedAsFuzzy: '匹配文本：“{text}”（模糊匹配）',
    versionNotInData: '“{text}”：数据集中没有这个版本，下面显示其所属条目。',
  },
};

/** The card strings for a language. */
export function cardStringsFor(lang: Lang): CardStrings {
  return lang === 'zh' ? cardZh : cardEn;
}

/** Fills {placeholders} in a catalog string. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** Picks the UI language from a BCP 47 tag: any Chinese tag gets Chinese, the rest English. */
export function langFromTag(tag: string | undefined): Lang {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The UI language for a setting: "auto" follows the browser. */
export function resolveLang(setting: 'auto' | 'en' | 'zh', browserLang: Lang): Lang {
  return setting === 'auto' ? browserLang : setting;
}
