/**
 * Precision and recall of the matcher on the labelled fixtures in tests/fixtures/labelled/: each
 * NN-slug.txt has an NN-slug.expected.json listing, in order, every mention (text + entity id).
 * Predictions of entities outside the fixtures' vocabulary (added to the dataset after labelling)
 * are not counted, so growing the dataset does not silently change the ground truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scanner } from './scan-core';
import { paragraphs } from './paragraphs';
import { inVocabulary, isOrInFamily } from './vocabulary';

export const LABELLED_DIR = resolve(import.meta.dirname, '../tests/fixtures/labelled');

export interface Labelled {
  name: string;
  lang: 'en' | 'zh-Hans' | 'zh-Hant';
  tricky: boolean;
  text: string;
  expected: { start: number; end: number; entity: string }[];
}

/** Loads every fixture, locating each expected mention after the previous one. */
export function loadLabelled(dir = LABELLED_DIR): { fixtures: Labelled[]; vocabulary: Set<string> } {
  const vocabulary = new Set<string>(JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')));
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const text = readFileSync(join(dir, file), 'utf8');
      const spec = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as {
        lang: Labelled['lang'];
        tricky?: boolean;
        mentions: { text: string; entity: string }[];
      };
      let from = 0;
      const expected = spec.mentions.map((m) => {
        const start = text.indexOf(m.text, from);
        if (start < 0)
          throw new Error(`${name}: expected mention "${m.text}" not found after offset ${from}`);
        from = start + m.text.length;
        return { start, end: from, entity: m.entity };
      });
      return { name, lang: spec.lang, tricky: !!spec.tricky, text, expected };
    });
  return { fixtures, vocabulary };
}

/** A fixture as a web page, one <p> per paragraph, so the browser sees the same blocks. */
export function labelledPage(fixture: Labelled): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lang = fixture.lang === 'en' ? 'en' : fixture.lang === 'zh-Hant' ? 'zh-Hant' : 'zh-CN';
  const body = paragraphs(fixture.text)
    .map((p) => `<p>${escape(p.text)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${fixture.name}</title></head><body><article>\n${body}\n</article></body></html>`;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  errors: string[];
}

/** Scores the scanner: a hit needs the exact span and the right entity. */
export function score(scanner: Scanner, fixtures: Labelled[], vocabulary: Set<string>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const fixture of fixtures) {
    const predicted = scanner
      .scanText(fixture.text)
      .map((m) => inVocabulary(scanner, m, vocabulary))
      .filter((m) => m !== undefined);
    const key = (m: { start: number; end: number; entity: string }) => `${m.start}:${m.end}:${m.entity}`;
    const want = new Set(fixture.expected.map(key));
    const got = new Set(predicted.map((m) => key({ start: m.start, end: m.end, entity: m.entity.id })));
    for (const m of predicted) {
      if (want.has(key({ start: m.start, end: m.end, entity: m.entity.id }))) tp++;
      else {
        fp++;
        errors.push(`${fixture.name}: false "${m.text}" → ${m.entity.id} (${m.match})`);
      }
    }
    for (const m of fixture.expected) {
      if (!got.has(key(m))) {
        fn++;
        errors.push(`${fixture.name}: missed "${fixture.text.slice(m.start, m.end)}" → ${m.entity}`);
      }
    }
  }
  return scoreOf(tp, fp, fn, errors);
}

/** Precision and recall from counts (1 where nothing was predicted or expected). */
export function scoreOf(tp: number, fp: number, fn: number, errors: string[]): Score {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    errors,
  };
}

export interface TokenCase {
  token: string;
  /** The entity the token should link to; undefined for tokens that name no known entity. */
  entity?: string;
}

/** The model-shaped token cases of tests/fixtures/fuzzy-tokens.json. */
export function loadTokenCases(): TokenCase[] {
  const file = resolve(import.meta.dirname, '../tests/fixtures/fuzzy-tokens.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as {
    positives: { token: string; entity: string }[];
    negatives: string[];
  };
  return [...spec.positives, ...spec.negatives.map((token) => ({ token }))];
}

/** Scores linking of single tokens, each set in a neutral sentence (no AI cue to lean on). */
export function scoreTokens(scanner: Scanner, cases: TokenCase[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const { token, entity } of cases) {
    const text = `The team looked at ${token} this week.`;
    const hit = scanner.scanText(text).find((m) => m.start === 19);
    const id = hit && entity && isOrInFamily(scanner, hit.entity.id, entity) ? entity : hit?.entity.id;
    const got = hit && hit.text === token ? id : hit ? `${id} (span "${hit.text}")` : undefined;
    if (entity && got === entity) tp++;
    else if (entity || got) {
      if (got) fp++;
      if (entity) fn++;
      errors.push(`${token}: expected ${entity ?? 'nothing'}, got ${got ?? 'nothing'}`);
    }
  }
  return scoreOf(tp, fp, fn, errors);
}
