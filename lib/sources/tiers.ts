/**
 * Source tiers as cards show them: the words, the order, the key a card looks a rating up by. No
 * schema code here: the content script's card imports this, the registry (valibot) stays out of it.
 */
import type { Source } from '../schema';

/** Tiers a source can be shown with, best first. */
export const SOURCE_TIERS = ['primary', 'outlet', 'relay'] as const;
/** Why a host is refused as a source. */
export const REFUSALS = [
  'content-farm',
  'ai-summary',
  'scraper',
  'mirror',
  'forum',
  'social',
  'unrelated',
  'expired',
  'listing',
] as const;

export type SourceTier = (typeof SOURCE_TIERS)[number];
export type Refusal = (typeof REFUSALS)[number];
/** A tier as a card shows it: "unrated" for hosts the registry does not know (user notes may cite them). */
export type Rating = SourceTier | 'refused' | 'unrated';

/** How one source rates, with the registry's words for it. */
export interface SourceRating {
  tier: Rating;
  /** The publisher the registry knows at that host. */
  publisher?: string;
  why?: string;
  refusal?: Refusal;
  /** How the copy actually read (`via`) rates, when there is one. */
  via?: { tier: Rating; publisher?: string };
}

/** True for the tiers a bundled note must have one of: the subject itself, or a news organisation. */
export function isOriginal(tier: Rating): boolean {
  return tier === 'primary' || tier === 'outlet';
}

/** A key that tells a note's sources apart (a source cited by name has no URL of its own). */
export function sourceKey(source: Source): string {
  return `${source.url ?? ''}|${source.via ?? ''}|${source.publisher}`;
}

export const ORDER: Record<Rating, number> = { primary: 0, outlet: 1, relay: 2, unrated: 3, refused: 4 };

/** Sources best tier first (a stable sort: the curator's order within a tier stays). */
export function byTier<T>(items: readonly T[], tierOf: (item: T) => Rating): T[] {
  return [...items].sort((a, b) => ORDER[tierOf(a)] - ORDER[tierOf(b)]);
}
