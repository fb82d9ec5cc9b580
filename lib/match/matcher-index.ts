/**
 * The matcher index: what the background compiles from the database and the content script (or the
 * scan CLI) turns into an AliasMatcher. Plain data, so it travels in one message.
 */
import type { CompiledAliases } from './compile';
import { AliasMatcher, type AliasRecord, type MatcherOptions } from './matcher';
import type { CueLexicons } from './context';
import { installT2S } from '../text/fold';

export interface MatcherIndex {
  asOf: string;
  /** Every alias and name, short forms and decoy phrases, tagged with its entity. */
  aliases: AliasRecord[];
  /** Per entity, the entities whose mention in a page region gives its ambiguous names context. */
  related: Record<string, string[]>;
  /** Per entity, words that signal another sense of its ambiguous names. */
  negativeCues: Record<string, string[]>;
  /** Entities that are companies or labs (business news is context for their names). */
  companies: string[];
  /** Words that never begin a fuzzily linked name. */
  functionWords: string[];
  /** AI and business cue words. */
  cues: CueLexicons;
  /** Class and id words of page widgets (for the annotator's page-chrome check). */
  chromeWords: string;
  /** The aliases compiled for the matcher, so each page adopts them instead of compiling them. */
  compiled: CompiledAliases;
  /** Traditional → Simplified pairs: the page folds its text with them (not in the content script's bundle). */
  t2s: string;
}

/** The matcher for an index. */
export function createMatcher(
  index: MatcherIndex,
  options: Omit<MatcherOptions, 'negativeCues' | 'compiled' | 'companies' | 'functionWords' | 'cues'> = {},
) {
  installT2S(index.t2s);
  return new AliasMatcher(index.aliases, index.related, {
    ...options,
    negativeCues: index.negativeCues,
    compiled: index.compiled,
    companies: index.companies,
    functionWords: index.functionWords,
    cues: index.cues,
  });
}
