/**
 * The matcher against hand-labelled news texts (English, Simplified and Traditional Chinese, with
 * decoys) and model-shaped tokens. Thresholds are the product's promise: precision 0.97, recall 0.95.
 */
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../scripts/scan-core';
import { loadLabelled, loadTokenCases, score, scoreTokens } from '../../scripts/labelled';

const scanner = createScanner();
const { fixtures, vocabulary } = loadLabelled();

describe('labelled fixtures', () => {
  it('are enough, in both languages, with tricky ones', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(16);
    expect(fixtures.filter((f) => f.lang === 'en').length).toBeGreaterThanOrEqual(8);
    expect(fixtures.filter((f) => f.lang !== 'en').length).toBeGreaterThanOrEqual(8);
    expect(fixtures.filter((f) => f.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter((f) => f.tricky).length).toBeGreaterThanOrEqual(4);
  });

  it.each(['en', 'zh-Hans', 'zh-Hant'] as const)('%s: precision ≥ 0.97 and recall ≥ 0.95', (lang) => {
    const s = score(
      scanner,
      fixtures.filter((f) => f.lang === lang),
      vocabulary,
    );
    expect(s.precision, s.errors.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(s.recall, s.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('links model-shaped tokens, misspellings included, and leaves look-alikes alone', () => {
    const s = scoreTokens(scanner, loadTokenCases());
    expect(s.precision, s.errors.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(s.recall, s.errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
