/** Writes public/_locales/{en,zh_CN}/messages.json from lib/i18n.ts. Run: npx tsx scripts/gen-locales.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCALE_DIRS, localeMessages } from '../lib/i18n-locales';

for (const lang of ['en', 'zh'] as const) {
  const dir = resolve(import.meta.dirname, `../public/_locales/${LOCALE_DIRS[lang]}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/messages.json`, JSON.stringify(localeMessages(lang), null, 2) + '\n');
  console.log(`wrote ${dir}/messages.json`);
}
