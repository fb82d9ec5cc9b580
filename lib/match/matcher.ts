/**
 * Finds mentions of known names in a block of text, in two tiers. Exact: a trie (lib/match/trie.ts)
 * over normalised aliases (case, width, Traditional/Simplified, separators), filtered by word
 * boundaries, letter case and, for ambiguous aliases, AI context. Fuzzy: model-shaped tokens that
 * exact matching missed or only partly covered. The result is leftmost-longest and never overlaps.
 */
import { foldWidth, isLetterCode, isWordCode, normalizeScratch, type Normalized } from '../text/fold';
import { compileAliases, type CompiledAliases } from './compile';
import { Trie } from './trie';
import {
  compileCues,
  compileCueTests,
  hasCompanySuffix,
  type CueLexicons,
  type CueTests,
  hasModelSuffix,
  hasNegativeCue,
  isModelShaped,
  namesOwnedProduct,
  otherSenseAt,
  sentenceAround,
} from './context';
import { FuzzyLinker, modelTokens } from './fuzzy';

/** One alias as the matcher index carries it. */
export interface AliasRecord {
  text: string;
  entityId: string;
  caseSensitive?: boolean;
  ambiguous?: boolean;
  /** A phrase that contains a name but means something else ("文心雕龙", "Apache Spark"). */
  decoy?: boolean;
  /**
   * A name's short form without its maker ("Copilot" of "GitHub Copilot"): it names the entity only
   * where the region has named it in full (see lib/match/short-forms.ts).
   */
  shortForm?: boolean;
}

/** A mention of an entity in a text, as UTF-16 offsets into that text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  /** The alias that matched, as the dataset spells it. */
  alias: string;
  match: 'exact' | 'fuzzy';
  /** Confidence in (0, 1]: 1 for an exact match. */
  score: number;
}

/** An ambiguous name, with the evidence found for it inside its block. */
export interface AmbiguousMention extends Mention {
  evidence: number;
  /** For a short form, the entities it may stand for: the one the region names wins. */
  shortFor?: readonly string[];
}

/** What one block's scan found, before page-level context decides its ambiguous names. */
export interface FindResult {
  /** Names that need no context. */
  mentions: Mention[];
  /** Ambiguous names, to be decided with resolveAmbiguous. */
  ambiguous: AmbiguousMention[];
  /** Entities whose names this block uses in another sense (decoy phrases, people, compounds). */
  otherSense: string[];
}

/** What a page region knows: entities named unambiguously in it, names used in another sense. */
export interface RegionContext {
  entities: ReadonlySet<string>;
  otherSense: ReadonlySet<string>;
}

export interface MatcherOptions {
  fuseThreshold?: number;
  /** Per entity, words whose presence in a sentence signals another sense of its ambiguous names. */
  negativeCues?: Record<string, readonly string[]>;
  /** The aliases compiled ahead (by the background): skips compiling them here. */
  compiled?: CompiledAliases;
  /** Entities that are companies or labs: business news is context for their ambiguous names. */
  companies?: readonly string[];
  /** Words that never begin a fuzzily linked name ("than 20"): see lib/match/function-words.ts. */
  functionWords?: readonly string[];
  /** AI and business cue words (lib/match/lexicons.ts); without them no passage counts as either. */
  cues?: CueLexicons;
}

// A version is short ("4.0", "2", "V3"); "2021年" is a year and "3亿" an amount, not versions.
const HAS_DIGIT = /\d/;

const CJK_VERSION = /^[vV]?\d{1,2}(?:\.\d+)*(?![A-Za-z0-9.年月日号號亿億万萬个個家名位%％倍])/;

/** Confidence given to a name matched with a separator the alias does not have ("Open AI"). */
const SPLIT_SCORE = 0.95;

/**
 * Evidence weights for ambiguous names (tuned on the labelled fixtures): a name is marked when the
 * sum reaches ACCEPT. A cue or unambiguous name in the same sentence is strong, in the block weaker;
 * a related entity named in the page region helps, another sense of the name in that region hurts.
 */
const WEIGHTS = {
  sentence: 2,
  suffix: 2,
  block: 1,
  region: 1,
  otherSenseInRegion: -1,
  otherSenseHere: -3,
  negativeCue: -3,
};
const ACCEPT = 1;

interface KeyInfo {
  /** The aliases spelt this way, case-sensitive ones first. */
  records: AliasRecord[];
  /** Per record, the exact form a case-sensitive one must have in the text (width-folded, no separators). */
  exactForms: (string | undefined)[];
  /** Offsets in the key before which some spelling of the alias has a separator. */
  separators: readonly number[];
}

interface Candidate extends Mention {
  ambiguous: boolean;
  decoy: boolean;
  shortFor?: readonly string[];
}

export class AliasMatcher {
  private readonly trie: Trie;
  private readonly aliases: readonly AliasRecord[];
  /** First alias of each key, and the next alias of the same key (-1 ends a list). */
  private readonly firstAlias: Int32Array;
  private readonly nextAlias: Int32Array;
  private readonly separators = new Map<number, number[]>();
  /** The keys this page has met. */
  private readonly keyInfos = new Map<number, KeyInfo>();
  private readonly fuzzy: FuzzyLinker;
  private readonly related: ReadonlyMap<string, readonly string[]>;
  private readonly negativeCues: ReadonlyMap<string, RegExp[]>;
  private readonly companies: ReadonlySet<string>;
  private readonly cues: CueTests;
  private readonly functionWords: ReadonlySet<string>;

  /**
   * Compiles the aliases (and decoy phrases). `related` lists, per entity, the entities whose
   * unambiguous mention in the same page region is context for its ambiguous names.
   */
  constructor(
    aliases: readonly AliasRecord[],
    related: Record<string, readonly string[]> = {},
    options: MatcherOptions = {},
  ) {
    const compiled = options.compiled ?? compileAliases(aliases);
    this.trie = new Trie(compiled.trie);
    this.aliases = aliases;
    // Each key's aliases as a linked list in alias order: two typed arrays, nothing per key until
    // a page meets it (keyInfo).
    this.firstAlias = new Int32Array(this.trie.keyCount).fill(-1);
    this.nextAlias = new Int32Array(aliases.length);
    for (let i = aliases.length - 1; i >= 0; i--) {
      const key = compiled.keyOf[i]!;
      if (key < 0) continue;
      this.nextAlias[i] = this.firstAlias[key]!;
      this.firstAlias[key] = i;
    }
    for (let i = 0; i + 1 < compiled.separators.length; i += 2) {
      const key = compiled.separators[i]!;
      const list = this.separators.get(key);
      if (list) list.push(compiled.separators[i + 1]!);
      else this.separators.set(key, [compiled.separators[i + 1]!]);
    }
    this.functionWords = new Set(options.functionWords);
    this.fuzzy = new FuzzyLinker(
      { get: (key) => this.nameOf(this.trie.lookup(key)), correctable: compiled.correctable },
      options.fuseThreshold,
      this.functionWords,
    );
    this.related = new Map(Object.entries(related));
    this.companies = new Set(options.companies ?? []);
    this.cues = compileCueTests(options.cues);
    this.negativeCues = new Map(
      Object.entries(options.negativeCues ?? {}).map(([id, cues]) => [id, compileCues(cues)]),
    );
  }

  /** A key's spellings, case-sensitive ones first (an exact-case form wins over a folded one). */
  private keyInfo(key: number): KeyInfo {
    let info = this.keyInfos.get(key);
    if (!info) {
      const records: AliasRecord[] = [];
      for (const caseSensitive of [true, false]) {
        for (let i = this.firstAlias[key]!; i !== -1; i = this.nextAlias[i]!) {
          if (!!this.aliases[i]!.caseSensitive === caseSensitive) records.push(this.aliases[i]!);
        }
      }
      info = {
        records,
        exactForms: records.map((r) =>
          r.caseSensitive ? stripSeparators(foldWidth(r.text.trim())) : undefined,
        ),
        separators: this.separators.get(key) ?? [],
      };
      this.keyInfos.set(key, info);
    }
    return info;
  }

  /** The first name (not a decoy) spelt as key `key`: what the fuzzy tier links to. */
  private nameOf(key: number): AliasRecord | undefined {
    if (key < 0) return undefined;
    for (let i = this.firstAlias[key]!; i !== -1; i = this.nextAlias[i]!) {
      if (!this.aliases[i]!.decoy) return this.aliases[i];
    }
    return undefined;
  }

  /** Scans one block of text: unambiguous mentions, scored ambiguous ones, other-sense evidence. */
  find(text: string): FindResult {
    const norm = normalizeScratch(text);
    const exact: Candidate[] = [];
    for (const hit of this.trie.scan(norm, text)) {
      const candidate = this.exactCandidate(text, norm, hit.start, hit.end, this.keyInfo(hit.key));
      if (candidate) exact.push(candidate);
    }
    const selected = this.addFuzzy(text, selectLeftmostLongest(exact));
    // Most blocks of most pages name nothing: one shared empty result, no garbage.
    if (selected.length === 0) return NOTHING_FOUND;

    const mentions: Mention[] = [];
    const pending: Candidate[] = [];
    const otherSense = new Set<string>();
    for (const c of selected) {
      if (c.decoy) otherSense.add(c.entityId);
      else if (c.ambiguous) pending.push(c);
      else mentions.push(strip(c));
    }
    const ambiguous: AmbiguousMention[] = [];
    const blockCue = pending.length > 0 && (mentions.length > 0 || this.cues.ai(text));
    // Business news matters only to companies' names: asked once, and only when one is pending.
    let blockBusiness: boolean | undefined;
    const businessBlock = () => (blockBusiness ??= this.cues.business(text));
    for (const c of pending) {
      if (c.shortFor) {
        // A short form needs its entity named in its region; here only its other senses count, and
        // the tail of a longer name ("Office 365 Copilot") is that other name's.
        const before = /(?:^|[^\w.])([A-Z0-9](?:[\w.]*\w)?)[ \u00a0]$/.exec(
          text.slice(Math.max(0, c.start - 24), c.start),
        );
        if (before && !this.functionWords.has(before[1]!.toLowerCase())) continue;
        const here = otherSenseAt(text, c.start, c.end, this.companies.has(c.entityId));
        ambiguous.push({ ...strip(c), evidence: here ? WEIGHTS.otherSenseHere : 0, shortFor: c.shortFor });
        continue;
      }
      // "Facebook parent Meta": the owner is named next; this name is its product, whatever the context.
      if (namesOwnedProduct(text, c.end)) continue;
      const [from, to] = sentenceAround(text, c.start, c.end);
      const sentence = text.slice(from, to);
      const company = this.companies.has(c.entityId);
      // A short Latin name ("R1", "Pi", "GLM") names many things in tech news (a gadget, a letter, a
      // statistics method): only a related entity named near it vouches for it, never AI words alone.
      const short = isShortName(c.alias);
      const related = this.related.get(c.entityId) ?? [];
      const relatedIn = (a: number, b: number) =>
        mentions.some(
          (m) => m.start >= a && m.end <= b && (m.entityId === c.entityId || related.includes(m.entityId)),
        );
      const sentenceCue = short
        ? relatedIn(from, to)
        : this.cues.ai(sentence) ||
          (company && (this.cues.business(sentence) || hasCompanySuffix(text, c.end))) ||
          mentions.some((m) => m.start >= from && m.end <= to);
      const here = otherSenseAt(text, c.start, c.end, company);
      const negative = hasNegativeCue(sentence, this.negativeCues.get(c.entityId));
      const evidence =
        (sentenceCue ? WEIGHTS.sentence : 0) +
        (hasModelSuffix(text, c.end) ||
        (c.alias.length < c.end - c.start && isModelShaped(text.slice(c.start, c.end)))
          ? WEIGHTS.suffix
          : 0) +
        ((short ? relatedIn(0, text.length) : blockCue || (company && businessBlock())) ? WEIGHTS.block : 0) +
        (here ? WEIGHTS.otherSenseHere : 0) +
        (negative ? WEIGHTS.negativeCue : 0);
      // Only an occurrence that no region could vouch for establishes another sense of the name.
      if ((here || negative) && evidence + WEIGHTS.region < ACCEPT) otherSense.add(c.entityId);
      ambiguous.push({ ...strip(c), evidence });
    }
    return { mentions, ambiguous, otherSense: [...otherSense] };
  }

  /**
   * The entities a block names for sure: its unambiguous mentions, and ambiguous names whose own
   * evidence suffices. The region counts them as context, so one name is read one way across a
   * section ("Amazon" the company in every paragraph of a story about its grocery business).
   */
  namedFor(result: FindResult): Set<string> {
    const ids = new Set(result.mentions.map((m) => m.entityId));
    // Per spelling: "Llama 3" read as the model says nothing of "羊駝" in a travel paragraph.
    for (const m of result.ambiguous) if (m.evidence >= ACCEPT && !m.shortFor) ids.add(spellingKey(m));
    return ids;
  }

  /** The block's mentions once its region's context has weighed in on the ambiguous names. */
  resolve(result: FindResult, region: RegionContext): Mention[] {
    if (result.ambiguous.length === 0) return result.mentions;
    const accepted: Mention[] = [];
    for (const { evidence, shortFor, ...m } of result.ambiguous) {
      if (shortFor) {
        // The entity named in full, else one whose maker or relative the region names ("GitHub").
        const named =
          shortFor.find((id) => region.entities.has(id)) ??
          shortFor.find((id) => (this.related.get(id) ?? []).some((r) => region.entities.has(r)));
        if (named && evidence >= 0) accepted.push({ ...m, entityId: named });
        continue;
      }
      const related =
        region.entities.has(m.entityId) ||
        region.entities.has(spellingKey(m)) ||
        (this.related.get(m.entityId) ?? []).some((id) => region.entities.has(id));
      const total =
        evidence +
        (related ? WEIGHTS.region : 0) +
        (region.otherSense.has(m.entityId) ? WEIGHTS.otherSenseInRegion : 0);
      if (total >= ACCEPT) accepted.push(m);
    }
    return [...result.mentions, ...accepted].sort((a, b) => a.start - b.start);
  }

  /** find + resolve with the block as its own region (for single texts, tests and tools). */
  findResolved(text: string): Mention[] {
    const result = this.find(text);
    return this.resolve(result, {
      entities: new Set(result.mentions.map((m) => m.entityId)),
      otherSense: new Set(result.otherSense),
    });
  }

  private exactCandidate(
    text: string,
    norm: Normalized,
    ns: number,
    ne: number,
    info: KeyInfo,
  ): Candidate | null {
    const start = norm.origin[ns]!;
    let end = norm.origin[ne - 1]! + 1;
    end = endAtWordBoundary(text, start, end);
    if (end < 0 || inFileName(text, start, end)) return null;
    // A separator in the text where no spelling of the alias has one is allowed only between two
    // letters ("Open AI", "Deep Seek"); "A 100" is not "A100".
    let split = false;
    for (let k = ns + 1; k < ne; k++) {
      if (norm.origin[k]! - norm.origin[k - 1]! > 1 && !info.separators.includes(k - ns)) {
        if (
          !isLetterCode(text.charCodeAt(norm.origin[k - 1]!)) ||
          !isLetterCode(text.charCodeAt(norm.origin[k]!))
        )
          return null;
        split = true;
      }
    }
    // The text's spelling, for case-sensitive aliases only (most keys have none).
    let surface: string | undefined;
    // Chinese text attaches versions without a space ("文心一言4.0"): the version joins the mention.
    // (A company has no versions: "谷歌V8" is Google's V8 engine.)
    const version =
      text.charCodeAt(end - 1) >= 0x2e80 && !info.records.every((r) => this.companies.has(r.entityId))
        ? CJK_VERSION.exec(text.slice(end, end + 16))
        : null;
    for (let r = 0; r < info.records.length; r++) {
      const record = info.records[r]!;
      // A name that is also a phrase ("Step-1" and "Step 1") is that name only as it is spelt.
      if (record.ambiguous && (split || !sameSeparators(text, start, end, record.text))) continue;
      const exact = info.exactForms[r];
      if (exact !== undefined) {
        surface ??= stripSeparators(foldWidth(text.slice(start, norm.origin[ne - 1]! + 1)));
        if (surface !== exact) continue;
      }
      const length = end - start;
      const shortFor = record.shortForm
        ? info.records.filter((r) => r.shortForm && r.text === record.text).map((r) => r.entityId)
        : undefined;
      return {
        ...(shortFor && { shortFor }),
        start,
        end: end + (version?.[0].length ?? 0),
        entityId: record.entityId,
        alias: record.text,
        match: split || version ? 'fuzzy' : 'exact',
        score: version
          ? Math.round((length / (length + version[0].length)) * 1000) / 1000
          : split
            ? SPLIT_SCORE
            : 1,
        ambiguous: !!record.ambiguous,
        decoy: !!record.decoy,
      };
    }
    return null;
  }

  /** Adds fuzzy links for model-shaped tokens that exact mentions miss or cover only in part. */
  private addFuzzy(text: string, exact: Candidate[]): Candidate[] {
    if (!HAS_DIGIT.test(text)) return exact; // model-shaped tokens all contain a digit
    const tokens = modelTokens(text);
    if (tokens.length === 0) return exact;
    const out: Candidate[] = [];
    let i = 0;
    for (const token of tokens) {
      while (i < exact.length && exact[i]!.end <= token.start) out.push(exact[i++]!);
      const inside: Candidate[] = [];
      let j = i;
      while (j < exact.length && exact[j]!.start < token.end) inside.push(exact[j++]!);
      const covered = inside.length === 1 && inside[0]!.start === token.start && inside[0]!.end >= token.end;
      const startsAtToken =
        inside.length === 0 || (inside[0]!.start === token.start && inside.every((m) => m.end <= token.end));
      if (covered) continue;
      if (!startsAtToken) {
        // A name inside another model's name ("Chinese-Alpaca-2-13B", after a capitalised part) is
        // not a mention of its own; "pre-GPT-4" still names GPT-4.
        const first = inside[0]!;
        if (first.start > token.start && text[first.start - 1] === '-' && /[A-Z]/.test(text[token.start]!))
          i = j;
        continue; // otherwise leave exact results as they are
      }
      const link = this.fuzzy.link(text.slice(token.start, token.end));
      if (!link) continue;
      out.push({
        start: token.start,
        end: token.end,
        entityId: link.record.entityId,
        alias: link.record.text,
        match: 'fuzzy',
        score: Math.round(link.score * 1000) / 1000,
        ambiguous: !!link.record.ambiguous,
        decoy: false,
      });
      i = j; // the fuzzy mention replaces the exact ones inside the token
    }
    while (i < exact.length) out.push(exact[i++]!);
    return out;
  }
}

/** A short Latin name: two characters, or three letters ("R1", "Pi", "GLM"; not "H20"). */
function isShortName(alias: string): boolean {
  return /^[A-Za-z0-9]{1,2}$|^[A-Za-z]{3}$/.test(alias.replace(/[\s\-_.]/g, ''));
}

/** How a region remembers an ambiguous name it read as the entity: by entity and spelling. */
function spellingKey(m: Mention): string {
  return `${m.entityId}\u0000${m.alias}`;
}

/** The result of a block that names nothing (shared: never mutate it). */
export const NOTHING_FOUND: FindResult = Object.freeze({
  mentions: Object.freeze([]) as unknown as Mention[],
  ambiguous: Object.freeze([]) as unknown as AmbiguousMention[],
  otherSense: Object.freeze([]) as unknown as string[],
});

function strip({ ambiguous: _a, decoy: _d, shortFor: _s, ...mention }: Candidate): Mention {
  return mention;
}

/**
 * True when a Latin name sits in a file name or path ("extra-openai-models.yaml", "src/openai/"),
 * which is code, not prose about the entity.
 */
function inFileName(text: string, start: number, end: number): boolean {
  // Only a name touching . / - or _ can sit in a file name or path (most names touch spaces).
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const joiner = (c: number) => c === 0x2e || c === 0x2f || c === 0x2d || c === 0x5f;
  if (!joiner(before) && !joiner(after)) return false;
  if (!/[A-Za-z]/.test(text[start] ?? '')) return false;
  let a = start;
  while (a > 0 && /[\w./-]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && /[\w./-]/.test(text[b]!)) b++;
  const token = text.slice(a, b);
  // A path: from the root, relative, or two directories deep ("OpenAI/Microsoft", "Yi-9B/6B" are prose).
  const path = /^(?:\.{0,2}\/|[\w.-]*\/[\w.-]*\/)/.test(token);
  return (
    path || /[\w-]\.(?:ya?ml|json|jsonl|py|js|ts|md|txt|toml|cfg|ini|sh|gguf|bin|safetensors)$/i.test(token)
  );
}

/** What separates a name's parts ("Yi-34B", "Yi 34B", "书生·浦语"), and a dot where spellings are compared. */
const SEPARATOR = /[.\s\-_\u00b7\u30fb\u2010-\u2013]/;

/** True when the text's name [start, end) has the alias's separators (most names have none at all). */
function sameSeparators(text: string, start: number, end: number, alias: string): boolean {
  const slice = text.slice(start, end);
  if (!SEPARATOR.test(slice) && !SEPARATOR.test(alias)) return true;
  return separatorsOf(slice) === separatorsOf(alias);
}

/** The separators between a name's parts, in order ("Step-1" → "-", "Step 1" → " ", "Step1" → ""). */
function separatorsOf(text: string): string {
  return text.replace(/[^.\s\-_\u00b7\u30fb\u2010-\u2013]+/g, '').replace(/\s+/g, ' ');
}

function stripSeparators(text: string): string {
  return text.replace(/[\s\-_\u00b7\u30fb\u2010-\u2013]/g, '');
}

/**
 * Where a hit ends once boundaries are checked, or -1 when it sits inside a word. A Latin edge may
 * not touch a Latin letter or digit; CJK edges need none. A name ending in a digit may take a plural
 * "s" ("A100s"), which is then part of the mention.
 */
function endAtWordBoundary(text: string, start: number, end: number): number {
  if (isWordCode(text.charCodeAt(start)) && start > 0 && isWordCode(text.charCodeAt(start - 1))) return -1;
  const last = text.charCodeAt(end - 1);
  if (!isWordCode(last) || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const isDigit = last >= 0x30 && last <= 0x39;
  const plural = text.charCodeAt(end) === 0x73; // "s"
  if (isDigit && plural && (end + 1 >= text.length || !isWordCode(text.charCodeAt(end + 1)))) return end + 1;
  return -1;
}

function selectLeftmostLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    out.push(c);
    covered = c.end;
  }
  return out;
}
