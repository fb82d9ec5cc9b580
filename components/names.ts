import type { EntityRef } from '../lib/messages/protocol';
import type { Lang } from '../lib/i18n-card';

/** The reader's language first, the other language second (when the dataset has it). */
export function displayNames(name: EntityRef['name'], lang: Lang): [string, string | undefined] {
  if (lang === 'zh' && name.zh) return [name.zh, name.en];
  return [name.en, name.zh];
}
