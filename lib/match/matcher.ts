/**
 * Finds mentions of known names in a block of text, in plain stages over one list of candidates:
 * exact (lib/match/exact.ts: a trie over normalised aliases, word boundaries, letter case),
 * selection (leftmost-longest, no overlaps), fuzzy (model-shaped tokens exact matching missed or
 * only partly covered) and context (lib/match/evidence.ts: ambiguous names weighed in their block,
 * then decided with their page region). The block is normalised once, for all of them.
 */
import { normalizeScratch } from '../text/fold';
import { compileAliases, type CompiledAliases } from './compile';
import type { CueLexicons } from './context';
import { ContextStage } from './evidence';
import { ExactStage } from './exact';
import { FuzzyLinker } from './fuzzy';
import { addFuzzyLinks } from './fuzzy-stage';
import { selectLeftmostLongest } from './select';
import type { AliasRecord, FindResult, Mention, RegionContext } from './types';

export type { AliasRecord, AmbiguousMention, FindResult, Mention, RegionContext } from './types';

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

export class AliasMatcher {
  private readonly exact: ExactStage;
  private readonly fuzzy: FuzzyLinker;
  private readonly context: ContextStage;

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
    const companies = new Set(options.companies ?? []);
    const functionWords = new Set(options.functionWords);
    const relatedMap = new Map(Object.entries(related));
    this.exact = new ExactStage(aliases, compiled, companies, relatedMap);
    this.fuzzy = new FuzzyLinker(
      { get: (key) => this.exact.nameFor(key), correctable: compiled.correctable },
      options.fuseThreshold,
      functionWords,
    );
    this.context = new ContextStage(relatedMap, {
      negativeCues: options.negativeCues,
      companies,
      functionWords,
      cues: options.cues,
    });
  }

  /** Scans one block of text: unambiguous mentions, scored ambiguous ones, other-sense evidence. */
  find(text: string): FindResult {
    const exact = this.exact.candidates(text, normalizeScratch(text));
    const selected = addFuzzyLinks(text, selectLeftmostLongest(exact), this.fuzzy);
    return this.context.weigh(text, selected);
  }

  /** The entities a block names for sure, as its region counts them (see ContextStage.namedFor). */
  namedFor(result: FindResult): Set<string> {
    return this.context.namedFor(result);
  }

  /** The block's mentions once its region's context has weighed in on the ambiguous names. */
  resolve(result: FindResult, region: RegionContext): Mention[] {
    return this.context.resolve(result, region);
  }

  /** find + resolve with the block as its own region (for single texts, tests and tools). */
  findResolved(text: string): Mention[] {
    const result = this.find(text);
    return this.resolve(result, {
      entities: new Set(result.mentions.map((m) => m.entityId)),
      otherSense: new Set(result.otherSense),
    });
  }
}
