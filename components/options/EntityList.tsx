import { ENTITY_TYPES, NOTE_KINDS, type EntityType, type NoteKind } from '../../lib/schema';
import type { EntityListPage } from '../../lib/messages/protocol';
import { fmt, type Lang, type Strings } from '../../lib/i18n';
import { displayNames } from '../names';

export interface ListFilters {
  query: string;
  entityType: EntityType | '';
  noteKind: NoteKind | '';
  editedOnly: boolean;
}

export interface EntityListProps {
  page: EntityListPage | null;
  filters: ListFilters;
  pageIndex: number;
  pageSize: number;
  lang: Lang;
  strings: Strings;
  onFilters: (filters: ListFilters) => void;
  onPage: (index: number) => void;
  onEdit: (id: string) => void;
  onNew: () => void;
}

/** The dataset's entries, filtered and paged (the background filters, so it stays fast at 10,000). */
export function EntityList({
  page,
  filters,
  pageIndex,
  pageSize,
  lang,
  strings,
  onFilters,
  onPage,
  onEdit,
  onNew,
}: EntityListProps) {
  const o = strings.options;
  const pages = page ? Math.max(1, Math.ceil(page.total / pageSize)) : 1;
  return (
    <section class="entity-list" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">{page ? fmt(o.entryCount, { count: page.total }) : o.loading}</h2>
        <button type="button" class="primary" onClick={onNew}>
          {o.newEntry}
        </button>
      </div>
      <div class="filters" role="search">
        <label>
          {o.filterSearch}
          <input
            type="search"
            value={filters.query}
            onInput={(e) => onFilters({ ...filters, query: e.currentTarget.value })}
          />
        </label>
        <label>
          {o.filterType}
          <select
            value={filters.entityType}
            onChange={(e) => onFilters({ ...filters, entityType: e.currentTarget.value as EntityType | '' })}
          >
            <option value="">{o.any}</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {strings.types[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {o.filterKind}
          <select
            value={filters.noteKind}
            onChange={(e) => onFilters({ ...filters, noteKind: e.currentTarget.value as NoteKind | '' })}
          >
            <option value="">{o.any}</option>
            {NOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {strings.sections[k]}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={filters.editedOnly}
            onChange={(e) => onFilters({ ...filters, editedOnly: e.currentTarget.checked })}
          />
          {o.filterEdited}
        </label>
      </div>
      {page && (
        <table class="entity-table">
          <thead>
            <tr>
              <th scope="col">{o.name}</th>
              <th scope="col">{o.type}</th>
              <th scope="col">{o.notes}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => {
              const [primary, secondary] = displayNames(item.name, lang);
              return (
                <tr key={item.id} data-id={item.id}>
                  <td>
                    <button type="button" class="link-button" onClick={() => onEdit(item.id)}>
                      {primary}
                    </button>
                    {secondary && <span class="secondary-name"> · {secondary}</span>}
                    {item.edited && <span class="edited-marker">{o.editedMarker}</span>}
                    {item.pack && <span class="pack-marker">{fmt(o.packMarker, { pack: item.pack })}</span>}
                  </td>
                  <td>{strings.types[item.type]}</td>
                  <td>{item.noteCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={fmt(o.pageOf, { page: pageIndex + 1, pages })}>
        <button
          type="button"
          class="secondary"
          disabled={pageIndex === 0}
          onClick={() => onPage(pageIndex - 1)}
        >
          {o.previous}
        </button>
        <span>{fmt(o.pageOf, { page: pageIndex + 1, pages })}</span>
        <button
          type="button"
          class="secondary"
          disabled={pageIndex + 1 >= pages}
          onClick={() => onPage(pageIndex + 1)}
        >
          {o.next}
        </button>
      </nav>
    </section>
  );
}
