import type { SearchHit } from '../lib/messages/protocol';
import { fmt, type Lang, type Strings } from '../lib/i18n';
import { displayNames } from './names';

export interface SearchPanelProps {
  query: string;
  hits: SearchHit[];
  /** Index of the highlighted result (arrow keys), -1 for none. */
  active: number;
  lang: Lang;
  strings: Strings;
  onQuery: (query: string) => void;
  onActive: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

/** The popup's search box: a combobox with a listbox of results (arrows move, Enter opens). */
export function SearchPanel({
  query,
  hits,
  active,
  lang,
  strings,
  onQuery,
  onActive,
  onChoose,
}: SearchPanelProps) {
  const s = strings.popup;
  const open = query.trim() !== '';
  const optionId = (i: number) => `assay-hit-${i}`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      onActive((active + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        event.preventDefault();
        onChoose(hit);
      }
    }
  };
  return (
    <div class="search">
      <label class="visually-hidden" for="assay-search">
        {s.searchLabel}
      </label>
      <input
        id="assay-search"
        type="search"
        role="combobox"
        list={undefined}
        aria-expanded={open && hits.length > 0}
        aria-controls="assay-results"
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && hits[active] ? optionId(active) : undefined}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={s.searchPlaceholder}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {open && hits.length === 0 && (
        <p class="empty" role="status">
          {s.noResults}
        </p>
      )}
      {open && hits.length > 0 && (
        <ul class="hits" id="assay-results" role="listbox" aria-label={s.results}>
          {hits.map((hit, i) => {
            const [primary, secondary] = displayNames(hit.name, lang);
            return (
              <li
                key={`${hit.id}/${hit.noteId ?? ''}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                class={`hit hit-${hit.kind}${i === active ? ' active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onChoose(hit)}
                onMouseEnter={() => onActive(i)}
              >
                {hit.kind === 'entity' ? (
                  <>
                    <span class="hit-name">{primary}</span>
                    {secondary && <span class="hit-secondary"> · {secondary}</span>}
                    <span class="hit-type">{strings.types[hit.type]}</span>
                  </>
                ) : (
                  <>
                    <span class="hit-note-of">{fmt(s.noteHit, { name: primary })}</span>
                    <span class="hit-snippet">{hit.matched}</span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
