import type { SearchHit } from '../lib/messages/protocol';
import type { Lang, Strings } from '../lib/i18n';
import { displayNames } from './names';

export interface SearchPanelProps {
  query: string;
  hits: SearchHit[];
  lang: Lang;
  strings: Strings;
  onQuery: (query: string) => void;
  onSelect: (id: string) => void;
}

/** The popup's search box and result list (data comes in through props). */
export function SearchPanel({ query, hits, lang, strings, onQuery, onSelect }: SearchPanelProps) {
  return (
    <div class="search">
      <label class="visually-hidden" for="assay-search">
        {strings.searchLabel}
      </label>
      <input
        id="assay-search"
        type="search"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={strings.searchPlaceholder}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      {query.trim() !== '' && (
        <ul class="hits" aria-label={strings.searchLabel}>
          {hits.length === 0 && <li class="empty">{strings.noResults}</li>}
          {hits.map((hit) => {
            const [primary, secondary] = displayNames(hit.name, lang);
            return (
              <li key={hit.id}>
                <button type="button" class="hit" onClick={() => onSelect(hit.id)}>
                  <span class="hit-name">{primary}</span>
                  {secondary && <span class="hit-secondary"> · {secondary}</span>}
                  <span class="hit-type">{strings.types[hit.type]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
