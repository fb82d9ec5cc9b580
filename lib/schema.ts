/**
 * The one schema for Assay's dataset: bundled data, imports and message payloads are all checked
 * against it, and the TypeScript types below are derived from it, so the two cannot drift.
 */
import * as v from 'valibot';

/** Entity kinds the dataset distinguishes. */
export const ENTITY_TYPES = ['company', 'lab', 'model-family', 'model', 'product', 'chip'] as const;
/** Card sections, in the order the card shows them. */
export const NOTE_KINDS = ['provenance', 'benchmark', 'funding', 'compute'] as const;
/**
 * How sure the dataset is of a note: "confirmed" rests on a primary source or independent outlets
 * reporting it as fact, "reported" on unnamed sources, "alleged" on a lawsuit's claims,
 * "company-claim" on self-reported figures.
 */
export const NOTE_STATUSES = [
  'confirmed',
  'reported',
  'alleged',
  'disputed',
  'company-claim',
  'refuted',
] as const;
/** How a model relates to the model it is built on. */
export const RELATION_KINDS = [
  'original-pretraining',
  'architecture-reuse',
  'continued-pretraining',
  'fine-tune',
  'distillation',
  'merge',
  'quantisation',
  'api-wrapper',
] as const;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A date as precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export function isPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** True for absolute http(s) URLs; anything else (javascript:, data:, relative) is refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const NonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be lowercase letters, digits and single hyphens'),
  v.maxLength(80),
);

export const PartialDateSchema = v.pipe(
  v.string(),
  v.check(isPartialDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const HttpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check(isHttpUrl, 'must be an http(s) URL'),
);

/** Text in English, optionally in Simplified Chinese. */
export const LocalisedTextSchema = v.strictObject({
  en: NonEmpty(4000),
  zh: v.optional(NonEmpty(4000)),
});

export const SourceSchema = v.pipe(
  v.strictObject({
    /** The original, canonical (see lib/sources/url). Absent only for an original cited by name via a copy. */
    url: v.optional(HttpUrlSchema),
    title: NonEmpty(400),
    publisher: NonEmpty(200),
    /** Publication date shown on the source; absent when the page shows none. */
    published: v.optional(PartialDateSchema),
    /** The source's language (ISO 639-1, optionally with a script or region: "en", "zh"). */
    lang: v.optional(
      v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/, 'must be a language code')),
    ),
    /** The copy actually read, when it differs from the original (shown "via …"). */
    via: v.optional(HttpUrlSchema),
  }),
  v.check(
    (s) => s.url !== undefined || s.via !== undefined,
    'needs a url, or a via for an original cited by name',
  ),
);

/** An amount of money as the source states it. */
export const MoneySchema = v.strictObject({
  value: v.pipe(v.number(), v.minValue(0), v.finite()),
  currency: v.picklist(['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'HKD']),
});

/** Structured facts of a funding round, for funding notes whose source gives them. */
export const FundingRoundSchema = v.strictObject({
  /** The round's name as reported ("Series B", "strategic"). */
  stage: v.optional(NonEmpty(80)),
  amount: v.optional(MoneySchema),
  valuation: v.optional(
    v.strictObject({ ...MoneySchema.entries, basis: v.optional(v.picklist(['pre-money', 'post-money'])) }),
  ),
  /** Lead investors: entity ids where the dataset has them, else names. */
  leads: v.optional(v.pipe(v.array(NonEmpty(120)), v.maxLength(20))),
});

/** A benchmark score someone claims, with independent or perturbed results beside it. */
/** What independent checks found about a benchmark claim; drives the card's robustness badge. */
export const BENCHMARK_OUTCOMES = ['holds-up', 'drops', 'contaminated', 'unverified'] as const;

export const BenchmarkClaimSchema = v.strictObject({
  benchmark: v.optional(NonEmpty(120)),
  /**
   * holds-up: independent or perturbed tests confirm the claim; drops: scores fall under
   * perturbation or on fresh tests; contaminated: test data leaked into training or the method is
   * flawed; unverified: only the claimant's own figures.
   */
  outcome: v.optional(v.picklist(BENCHMARK_OUTCOMES)),
  /** The score as claimed, written as the source writes it ("90.0%", "1417 Elo"). */
  claimed: v.optional(NonEmpty(60)),
  /** Entity id of whoever claims it. */
  claimedBy: v.optional(IdSchema),
  /** Independent, contamination-checked or perturbed results. */
  independent: v.optional(
    v.pipe(v.array(v.strictObject({ label: NonEmpty(200), score: NonEmpty(60) })), v.maxLength(20)),
  ),
});

export const NoteSchema = v.strictObject({
  id: IdSchema,
  kind: v.picklist(NOTE_KINDS),
  text: LocalisedTextSchema,
  /** When the event happened (not when it was reported). */
  date: PartialDateSchema,
  status: v.picklist(NOTE_STATUSES),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'every note needs a source'), v.maxLength(20)),
  /** Structured round facts (funding notes only). */
  round: v.optional(FundingRoundSchema),
  /** Structured score claims (benchmark notes only). */
  benchmark: v.optional(BenchmarkClaimSchema),
  /** The other side's answer, for disputed claims. */
  response: v.optional(
    v.strictObject({
      text: LocalisedTextSchema,
      sources: v.pipe(v.array(SourceSchema), v.minLength(1), v.maxLength(20)),
    }),
  ),
});

/** How a model can be used (Epoch AI's "Model accessibility", in words the card shows). */
export const ACCESS_KINDS = [
  'open-weights',
  'open-weights-restricted',
  'open-weights-non-commercial',
  'api',
  'hosted',
  'unreleased',
] as const;
/** Where a chip stands under US export rules for China. */
export const EXPORT_CONTROLS = ['china-variant', 'licence-required', 'entity-list', 'none'] as const;
/** How sure Epoch AI is of a compute estimate. */
export const ESTIMATE_CONFIDENCES = ['confident', 'likely', 'speculative', 'unknown'] as const;

const PositiveNumber = v.pipe(v.number(), v.finite(), v.gtValue(0));

/**
 * Structured facts, as data rather than prose (the card renders them in both languages), with the
 * sources that state them: for imported rows the row's own primary link and the dataset credited.
 */
export const FactsSchema = v.strictObject({
  released: v.optional(PartialDateSchema),
  parameters: v.optional(PositiveNumber),
  /** Training compute in FLOP, and how sure the estimate is. */
  trainingCompute: v.optional(
    v.strictObject({ flop: PositiveNumber, confidence: v.optional(v.picklist(ESTIMATE_CONFIDENCES)) }),
  ),
  /** The training hardware as the source names it, the chip entity where the dataset has it. */
  trainingHardware: v.optional(
    v.strictObject({
      name: NonEmpty(120),
      chip: v.optional(IdSchema),
      quantity: v.optional(PositiveNumber),
    }),
  ),
  /** Training data size in data points (tokens for language models), as Epoch AI counts them. */
  datasetSize: v.optional(PositiveNumber),
  access: v.optional(v.picklist(ACCESS_KINDS)),
  /** Countries of the organisation, ISO 3166 alpha-2. */
  country: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO country code'))),
      v.maxLength(30),
    ),
  ),
  /** A chip's architecture or generation ("Hopper", "Blackwell"). */
  generation: v.optional(NonEmpty(80)),
  /** The figure people compare chips by ("141 GB HBM3e, 4.8 TB/s"). */
  keyFigure: v.optional(LocalisedTextSchema),
  exportControl: v.optional(v.picklist(EXPORT_CONTROLS)),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'facts need a source'), v.maxLength(10)),
});

export const AliasSchema = v.strictObject({
  text: NonEmpty(120),
  lang: v.optional(v.picklist(['en', 'zh', 'zh-Hant'])),
  /** Match only with this exact letter case (e.g. "Yi", "Kimi"). */
  caseSensitive: v.optional(v.boolean()),
  /** Also an ordinary word or name: needs AI context before it is marked. */
  ambiguous: v.optional(v.boolean()),
  /** Found by search, never marked on pages (a name that is mostly an ordinary word: "Transformer"). */
  searchOnly: v.optional(v.literal(true)),
});

export const BaseLinkSchema = v.strictObject({
  id: IdSchema,
  relation: v.picklist(RELATION_KINDS),
  /** How established the relation is ("disputed", "reported" make the card say "alleged"). */
  status: v.optional(v.picklist(NOTE_STATUSES)),
  /** Ids of this entity's notes that document the relation (shown when the badge is explained). */
  notes: v.optional(v.pipe(v.array(IdSchema), v.maxLength(20))),
});

/** A claim or finding that a model was pretrained from scratch (no base model). */
export const PretrainingSchema = v.strictObject({
  status: v.picklist(NOTE_STATUSES),
  notes: v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(20)),
});

export const EntitySchema = v.strictObject({
  id: IdSchema,
  type: v.picklist(ENTITY_TYPES),
  name: v.strictObject({
    en: NonEmpty(200),
    zh: v.optional(NonEmpty(200)),
    zhHant: v.optional(NonEmpty(200)),
    /** Chinese media write this name in Latin letters: there is no Chinese name to add. */
    zhUsesLatin: v.optional(v.literal(true)),
  }),
  aliases: v.pipe(v.array(AliasSchema), v.maxLength(200)),
  summary: v.optional(LocalisedTextSchema),
  /** Phrases that contain one of its names but mean something else ("文心雕龙", "Apache Spark"). */
  decoys: v.optional(v.pipe(v.array(NonEmpty(80)), v.maxLength(100))),
  /** Words that, in the same sentence, signal another sense of its ambiguous names ("NASA", "羊毛"). */
  negativeCues: v.optional(v.pipe(v.array(NonEmpty(60)), v.maxLength(100))),
  /** Set when sources say the model was pretrained from scratch (with how sure that is). */
  pretraining: v.optional(PretrainingSchema),
  links: v.optional(
    v.strictObject({
      developer: v.optional(IdSchema),
      parent: v.optional(IdSchema),
      /** The model family a model belongs to: its card also shows the family's notes. */
      family: v.optional(IdSchema),
      base: v.optional(v.pipe(v.array(BaseLinkSchema), v.maxLength(20))),
      investors: v.optional(v.pipe(v.array(IdSchema), v.maxLength(100))),
    }),
  ),
  facts: v.optional(FactsSchema),
  notes: v.pipe(v.array(NoteSchema), v.maxLength(500)),
});

export const DatasetSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(1),
    version: NonEmpty(40),
    asOf: PartialDateSchema,
    entities: v.array(EntitySchema),
  }),
  v.check(
    (d) => new Set(d.entities.map((e) => e.id)).size === d.entities.length,
    'entity ids must be unique',
  ),
);

export type EntityType = (typeof ENTITY_TYPES)[number];
export type NoteKind = (typeof NOTE_KINDS)[number];
export type NoteStatus = (typeof NOTE_STATUSES)[number];
export type RelationKind = (typeof RELATION_KINDS)[number];
export type Source = v.InferOutput<typeof SourceSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type BenchmarkOutcome = (typeof BENCHMARK_OUTCOMES)[number];
export type BaseLink = v.InferOutput<typeof BaseLinkSchema>;
export type FundingRound = v.InferOutput<typeof FundingRoundSchema>;
export type BenchmarkClaim = v.InferOutput<typeof BenchmarkClaimSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Facts = v.InferOutput<typeof FactsSchema>;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export type Dataset = v.InferOutput<typeof DatasetSchema>;

/** Formats valibot issues as "path: message" lines a curator can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Validates a whole dataset; throws an Error listing every problem. */
export function parseDataset(input: unknown): Dataset {
  const result = v.safeParse(DatasetSchema, input);
  if (!result.success) {
    throw new Error(`Invalid dataset:\n${describeIssues(result.issues).slice(0, 50).join('\n')}`);
  }
  return result.output;
}
