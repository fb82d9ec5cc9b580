/**
 * The context stage: which selected candidates are mentions. Unambiguous names are; decoy phrases
 * mark another sense of their entity; ambiguous names are weighed on the block's own evidence
 * (`weigh`), then decided once their page region's context is known (`resolve`).
 */
import {
  compileCues,
  compileCueTests,
  hasCompanySuffix,
  hasModelSuffix,
  hasNegativeCue,
  isChinesePersonName,
  isModelShaped,
  namesOwnedProduct,
  namesProductUse,
  otherSenseAt,
  sentenceAround,
  type CueLexicons,
  type CueTests,
} from './context';
import type { AmbiguousMention, Candidate, FindResult, Mention, RegionContext } from './types';

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
  decoyInBlock: -2,
  otherSenseHere: -3,
  negativeCue: -3,
};
const ACCEPT = 1;

export interface ContextOptions {
  /** Per entity, words whose presence in a sentence signals another sense of its ambiguous names. */
  negativeCues?: Record<string, readonly string[]>;
  /** Entities that are companies or labs: business news is context for their ambiguous names. */
  companies?: ReadonlySet<string>;
  /** Words that never begin a name (lower case). */
  functionWords?: ReadonlySet<string>;
  /** AI and business cue words (lib/match/lexicons.ts); without them no passage counts as either. */
  cues?: CueLexicons;
}

/** The result of a block that names nothing (shared: never mutate it). */
const NOTHING_FOUND: FindResult = Object.freeze({
  mentions: Object.freeze([]) as unknown as Mention[],
  ambiguous: Object.freeze([]) as unknown as AmbiguousMention[],
  otherSense: Object.freeze([]) as unknown as string[],
});

export class ContextStage {
  private readonly related: ReadonlyMap<string, readonly string[]>;
  private readonly negativeCues: ReadonlyMap<string, RegExp[]>;
  private readonly companies: ReadonlySet<string>;
  private readonly functionWords: ReadonlySet<string>;
  private readonly cues: CueTests;

  /** `related` lists, per entity, the entities whose mention in a region is context for its names. */
  constructor(related: ReadonlyMap<string, readonly string[]>, options: ContextOptions = {}) {
    this.related = related;
    this.companies = options.companies ?? new Set();
    this.functionWords = options.functionWords ?? new Set();
    this.cues = compileCueTests(options.cues);
    this.negativeCues = new Map(
      Object.entries(options.negativeCues ?? {}).map(([id, cues]) => [id, compileCues(cues)]),
    );
  }

  /** Sorts a block's selected candidates into mentions and weighed ambiguous names. */
  weigh(text: string, selected: readonly Candidate[]): FindResult {
    // Most blocks of most pages name nothing: one shared empty result, no garbage.
    if (selected.length === 0) return NOTHING_FOUND;
    const mentions: Mention[] = [];
    const pending: Candidate[] = [];
    // A phrase of another sense in the same block ("the Amazon River", "lower perplexity") weighs
    // more than one elsewhere in the region.
    const decoys = new Set<string>();
    for (const c of selected) {
      if (c.decoy) decoys.add(c.entityId);
      else if (isChinesePersonName(text, c.start, c.end))
        continue; // "王清华表示": a person
      else if (c.ambiguous) pending.push(c);
      else mentions.push(strip(c));
    }
    const otherSense = new Set(decoys);
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
        if (text[c.start - 1] === '-') continue; // "Foo-V3": another name's version
        // "Opus 4.1" is another version's edition, not the one the region named ("Claude 3 Opus").
        if (/^[ -]?\d/.test(text.slice(c.end, c.end + 2))) continue;
        const here = otherSenseAt(text, c.start, c.end, this.companies.has(c.entityId));
        ambiguous.push({ ...strip(c), evidence: here ? WEIGHTS.otherSenseHere : 0, shortFor: c.shortFor });
        continue;
      }
      // "Facebook parent Meta": the owner is named next; this name is its product, whatever the context.
      if (namesOwnedProduct(text, c.end)) continue;
      const company = this.companies.has(c.entityId);
      // "Facebook users": a company's other name may be its product's, which is not the company.
      if (company && c.otherName && namesProductUse(text, c.start, c.end)) continue;
      const [from, to] = sentenceAround(text, c.start, c.end);
      const sentence = text.slice(from, to);
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
      // A capital says nothing at a sentence's start: there the word the block writes in another
      // sense ("called perplexity. Perplexity happens…") is read the same way.
      const here =
        otherSenseAt(text, c.start, c.end, company) ||
        (decoys.has(c.entityId) &&
          /[A-Z]/.test(text[c.start]!) &&
          /^[\s"“'‘(]*$/.test(text.slice(from, c.start)));
      const negative = hasNegativeCue(sentence, this.negativeCues.get(c.entityId));
      const evidence =
        (sentenceCue ? WEIGHTS.sentence : 0) +
        (hasModelSuffix(text, c.end) ||
        (c.alias.length < c.end - c.start && isModelShaped(text.slice(c.start, c.end)))
          ? WEIGHTS.suffix
          : 0) +
        ((short ? relatedIn(0, text.length) : blockCue || (company && businessBlock())) ? WEIGHTS.block : 0) +
        (here ? WEIGHTS.otherSenseHere : 0) +
        (negative ? WEIGHTS.negativeCue : 0) +
        (decoys.has(c.entityId) ? WEIGHTS.decoyInBlock : 0);
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
        // The entity named in full, else one whose maker or relative the region names ("GitHub");
        // a version ("K2") only the entity itself, as a maker has many.
        const named =
          shortFor.find((id) => region.entities.has(id)) ??
          (/\d/.test(m.alias)
            ? undefined
            : shortFor.find((id) => (this.related.get(id) ?? []).some((r) => region.entities.has(r))));
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
}

/** A short Latin name: two characters, or three letters ("R1", "Pi", "GLM"; not "H20"). */
function isShortName(alias: string): boolean {
  return /^[A-Za-z0-9]{1,2}$|^[A-Za-z]{3}$/.test(alias.replace(/[\s\-_.]/g, ''));
}

/** How a region remembers an ambiguous name it read as the entity: by entity and spelling. */
function spellingKey(m: Mention): string {
  return `${m.entityId}\u0000${m.alias}`;
}

function strip({ ambiguous: _a, decoy: _d, shortFor: _s, otherName: _o, ...mention }: Candidate): Mention {
  return mention;
}
