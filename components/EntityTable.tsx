import type { EntityListPage } from '../lib/messages/protocol';
import type { Lang, Strings } from '../lib/i18n';
import { displayNames } from './names';

export interface EntityTableProps {
  page: EntityListPage;
  lang: Lang;
  strings: Strings;
}

/** The options page's list of dataset entries. */
export function EntityTable({ page, lang, strings }: EntityTableProps) {
  return (
    <table class="entity-table">
      <caption>{strings.entities(page.total)}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.name}</th>
          <th scope="col">{strings.type}</th>
          <th scope="col">{strings.notes}</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((item) => {
          const [primary, secondary] = displayNames(item.name, lang);
          return (
            <tr key={item.id} data-id={item.id}>
              <td>
                {primary}
                {secondary && <span class="secondary"> · {secondary}</span>}
                {item.edited && <span class="edited-marker"> ({strings.edited})</span>}
              </td>
              <td>{strings.types[item.type]}</td>
              <td>{item.noteCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
