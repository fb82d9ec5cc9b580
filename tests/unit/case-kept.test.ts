import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundled } from '../../scripts/bundled-data';
import { createMatcher } from '../../lib/match/matcher-index';
import { buildMatcherIndex } from '../../lib/match/build-index';
import { fitsKeptCase, keptForm } from '../../lib/match/kept-case';

// Names kept in their letter case ("Grok", "Gopher", "Falcon 180B") are words in lower case: prose
// that writes them in lower case, spaced, with numbers around, never names them.
const dataset = loadBundled();
const index = buildMatcherIndex(dataset.entities, dataset.asOf);
const matcher = createMatcher(index);
const caseKept = index.aliases.filter((a) => a.caseSensitive && !a.decoy && /[A-Z]/.test(a.text));
const keptTexts = new Set(caseKept.map((a) => `${a.entityId}\u0000${a.text}`));
/** The lower-case words the case-kept names are made of ("grok", "falcon", "gopher"). */
const WORDS = [
  ...new Set(
    caseKept.flatMap((a) => a.text.toLowerCase().split(/[\s-]+/)).filter((w) => /^[a-z]{3,}$/.test(w)),
  ),
];
const FILLER =
  'the a more than then about over after police said team scored game shares rose page hours'.split(' ');
const NUMBER = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}`),
);

describe('names kept in their letter case', () => {
  it('are never read in lower-case prose, spaced, next to numbers', () => {
    expect(WORDS.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...FILLER), NUMBER), {
          minLength: 3,
          maxLength: 30,
        }),
        (words) => {
          const text = `${words.join(' ')}.`;
          const kept = matcher
            .findResolved(text)
            .filter((m) => keptTexts.has(`${m.entityId}\u0000${m.alias}`))
            .map((m) => text.slice(m.start, m.end));
          expect(kept).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('fit as spelt, as a joined lower-case API id, or in any case after their version', () => {
    const fits = (written: string, name: string, joined = written) =>
      fitsKeptCase(keptForm(written), keptForm(name), joined);
    expect(fits('Grok', 'Grok')).toBe(true);
    expect(fits('grok', 'Grok')).toBe(false);
    expect(fits('grok', 'Grok', 'grok-4.1-thinking')).toBe(true);
    expect(fits('grok 4', 'Grok 4')).toBe(false);
    expect(fits('Gemini 2.5 pro', 'Gemini 2.5 Pro')).toBe(true);
    expect(fits('gemini 2.5 pro', 'Gemini 2.5 Pro')).toBe(false);
    expect(fits('t5', 'T5')).toBe(false);
  });

  it('are read as an API writes them, joined with their version', () => {
    const found = (text: string) => matcher.findResolved(text).map((m) => text.slice(m.start, m.end));
    expect(found('The API serves gemini-2.5-pro and grok-4 today.')).toEqual(['gemini-2.5-pro', 'grok-4']);
  });
});
