/**
 * Page side of the popup search benchmark: the background's own search index (lib/data/search.ts,
 * what the `search` handler answers with), one search per keystroke of typed queries.
 */
import type { Entity } from '../../lib/schema';
import { SearchIndex } from '../../lib/data/search';
import { now } from './harness';

export interface SearchResult {
  entities: number;
  /** Building the index (the first search after the service worker starts pays it). */
  buildMs: number;
  keystrokes: { query: string; ms: number; hits: number }[];
}

function run(entitiesJson: string, queries: string[]): SearchResult {
  const entities = JSON.parse(entitiesJson) as Entity[];
  const t0 = now();
  const index = new SearchIndex(entities);
  const buildMs = now() - t0;
  const keystrokes: SearchResult['keystrokes'] = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      const t = now();
      const hits = index.search(typed, 20);
      keystrokes.push({ query: typed, ms: now() - t, hits: hits.length });
    }
  }
  return { entities: entities.length, buildMs, keystrokes };
}

declare global {
  interface Window {
    __searchBench: { run: typeof run };
  }
}
window.__searchBench = { run };
