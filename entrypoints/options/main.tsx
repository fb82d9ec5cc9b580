import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/pages.css';
import './options.css';
import { EntityTable } from '../../components/EntityTable';
import type { DatasetMeta, EntityListPage } from '../../lib/messages/protocol';
import { langFromTag, stringsFor } from '../../lib/i18n';
import { request } from '../../utils/messaging';

const lang = langFromTag(browser.i18n.getUILanguage());
const strings = stringsFor(lang);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

function Options() {
  const [page, setPage] = useState<EntityListPage | null>(null);
  const [meta, setMeta] = useState<DatasetMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const fail = (e: unknown) => setError(strings.loadError(e instanceof Error ? e.message : String(e)));
    request({ type: 'getMeta' }).then(setMeta, fail);
    request({ type: 'listEntities', limit: 1000 }).then(setPage, fail);
  }, []);
  return (
    <main class="options">
      <h1>{strings.optionsTitle}</h1>
      {meta && (
        <p class="meta">
          {meta.version} · {strings.asOf(meta.asOf)}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {page ? <EntityTable page={page} lang={lang} strings={strings} /> : !error && <p>{strings.loading}</p>}
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
