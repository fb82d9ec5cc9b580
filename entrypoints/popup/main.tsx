import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/pages.css';
import '../../components/card.css';
import './popup.css';
import { SearchPanel } from '../../components/SearchPanel';
import { EntityCard } from '../../components/EntityCard';
import type { DatasetMeta, EntityView, SearchHit } from '../../lib/messages/protocol';
import { langFromTag, stringsFor } from '../../lib/i18n';
import { request } from '../../utils/messaging';

const lang = langFromTag(browser.i18n.getUILanguage());
const strings = stringsFor(lang);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

function Popup() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [view, setView] = useState<EntityView | null>(null);
  const [meta, setMeta] = useState<DatasetMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(strings.loadError(e instanceof Error ? e.message : String(e)));

  useEffect(() => {
    request({ type: 'getMeta' }).then(setMeta, fail);
  }, []);
  useEffect(() => {
    let stale = false;
    request({ type: 'search', query, limit: 12 }).then((h) => !stale && setHits(h), fail);
    return () => {
      stale = true;
    };
  }, [query]);

  const select = (id: string) => request({ type: 'getEntity', id }).then(setView, fail);

  return (
    <main class="popup">
      {view ? (
        <>
          <button type="button" class="link-button back" onClick={() => setView(null)}>
            ← {strings.back}
          </button>
          <EntityCard view={view} lang={lang} strings={strings} idPrefix="popup-card" />
        </>
      ) : (
        <SearchPanel
          query={query}
          hits={hits}
          lang={lang}
          strings={strings}
          onQuery={setQuery}
          onSelect={select}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="meta">
        {meta && (
          <span>
            {strings.entities(meta.entityCount)} · {strings.asOf(meta.asOf)}
          </span>
        )}{' '}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {strings.openOptions}
        </button>
      </p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
