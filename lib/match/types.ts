/**
 * The types the matching stages share: an alias as the index carries it, a candidate as the stages
 * pass it on (exact → fuzzy → selection → context), and a mention as the page receives it.
 */

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
  /**
   * A company's name other than its own ("Facebook" of Meta): it may name one of the company's
   * products, which is not the company (see namesProductUse).
   */
  otherName?: boolean;
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

/** A name found in a block before context decides it: a mention, or a decoy phrase, or an ambiguous name. */
export interface Candidate extends Mention {
  ambiguous: boolean;
  decoy: boolean;
  /** The alias is a company's other name (AliasRecord.otherName). */
  otherName?: boolean;
  /** For a short form, the entities it may stand for. */
  shortFor?: readonly string[];
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
  /** Ambiguous names, to be decided with resolve. */
  ambiguous: AmbiguousMention[];
  /** Entities whose names this block uses in another sense (decoy phrases, people, compounds). */
  otherSense: string[];
}

/** What a page region knows: entities named unambiguously in it, names used in another sense. */
export interface RegionContext {
  entities: ReadonlySet<string>;
  otherSense: ReadonlySet<string>;
}
