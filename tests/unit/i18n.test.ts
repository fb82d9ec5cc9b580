import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCALE_DIRS, localeMessages } from '../../lib/i18n-locales';
import { fmt, stringsFor } from '../../lib/i18n';

/** Every leaf path of a catalog, with its placeholders. */
function leaves(node: unknown, path = ''): Record<string, string[]> {
  if (typeof node === 'string') return { [path]: [...node.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort() };
  return Object.assign(
    {},
    ...Object.entries(node as object).map(([k, v]) => leaves(v, path ? `${path}.${k}` : k)),
  );
}

describe('UI strings', () => {
  it('exist in both languages with the same placeholders', () => {
    expect(leaves(stringsFor('zh'))).toEqual(leaves(stringsFor('en')));
  });

  it.each(['en', 'zh'] as const)(
    '%s: public/_locales matches the catalog (run scripts/gen-locales.ts)',
    (lang) => {
      const file = resolve(import.meta.dirname, `../../public/_locales/${LOCALE_DIRS[lang]}/messages.json`);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(localeMessages(lang));
    },
  );

  it('fills placeholders', () => {
    expect(fmt(stringsFor('en').card.asOf, { date: '2026-11-29' })).toBe('Dataset as of 2026-11-29');
    expect(fmt(stringsFor('zh').popup.datasetLine, { count: 3, date: '2026' })).toBe(
      '3 个条目 · 数据截至 2026',
    );
  });
});
