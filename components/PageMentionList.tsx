import type { EntityRef } from '../lib/messages/protocol';
import { fmt, type Lang, type Strings } from '../lib/i18n';
import { displayNames } from './names';

export interface PageMentionListProps {
  items: (EntityRef & { count: number })[];
  lang: Lang;
  strings: Strings;
  onReveal: (entityId: string) => void;
}

/** "On this page": the entities the current tab mentions, with counts; choosing one shows it there. */
export function PageMentionList({ items, lang, strings, onReveal }: PageMentionListProps) {
  const s = strings.popup;
  return (
    <section class="on-page" aria-labelledby="assay-on-page">
      <h2 id="assay-on-page">{s.onThisPage}</h2>
      {items.length === 0 ? (
        <p class="empty">{s.nothingOnPage}</p>
      ) : (
        <ul>
          {items.map((item) => {
            const [primary, secondary] = displayNames(item.name, lang);
            return (
              <li key={item.id}>
                <button type="button" class="page-mention" onClick={() => onReveal(item.id)}>
                  <span class="hit-name">{primary}</span>
                  {secondary && <span class="hit-secondary"> · {secondary}</span>}
                  <span class="count">{fmt(s.mentionCount, { count: item.count })}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
