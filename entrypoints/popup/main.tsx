import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/pages.css';
import '../../components/card.css';
import './popup.css';
import { SearchPanel } from '../../components/SearchPanel';
import { PageMentionList } from '../../components/PageMentionList';
import { EntityCard } from '../../components/EntityCard';
import type { EntityRef, EntityView, SearchHit } from '../../lib/messages/protocol';
import type { PageMentions, TabResponseMap } from '../../lib/messages/tab-protocol';
import { fmt } from '../../lib/i18n';
import { isSiteDisabled, withSite } from '../../lib/settings';
import { request } from '../../utils/messaging';
import { saveSettings } from '../../utils/settings';
import { useExtensionPage } from '../../utils/use-extension-page';
import { PageAlerts } from '../../components/PageAlerts';

// `?tab=ID` targets a given tab (tests open the popup as a page, where the active tab is itself).
const tabParam = new URLSearchParams(location.search).get('tab');

async function targetTab(): Promise<number | undefined> {
  if (tabParam) return Number(tabParam);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | (PageMentions & { status: 'ready'; items: (EntityRef & { count: number })[] });

function Popup() {
  const { settings, setSettings, meta, revision, error, fail, lang, strings } = useExtensionPage();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [view, setView] = useState<EntityView | null>(null);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const searchRef = useRef<HTMLInputElement | null>(null);

  const loadPage = async () => {
    const tabId = await targetTab();
    if (tabId === undefined) return setPage({ status: 'unavailable' });
    try {
      const info = (await browser.tabs.sendMessage(tabId, { type: 'pageMentions' })) as
        PageMentions | undefined;
      if (!info) return setPage({ status: 'unavailable' });
      const refs = new Map(
        (await request({ type: 'getRefs', ids: info.counts.map((c) => c.entityId) })).map((r) => [r.id, r]),
      );
      const items = info.counts.flatMap((c) => {
        const ref = refs.get(c.entityId);
        return ref ? [{ ...ref, count: c.count }] : [];
      });
      setPage({ ...info, status: 'ready', items: items.sort((a, b) => b.count - a.count) });
    } catch {
      setPage({ status: 'unavailable' }); // no content script here (browser pages, the web store)
    }
  };
  useEffect(() => {
    void loadPage();
  }, [revision]);

  useEffect(() => {
    let stale = false;
    request({ type: 'search', query, limit: 12 }).then((h) => {
      if (stale) return;
      setHits(h);
      setActive(h.length ? 0 : -1);
    }, fail);
    return () => {
      stale = true;
    };
  }, [query, revision]);

  const choose = (hit: SearchHit) =>
    request({ type: 'getEntity', id: hit.id }).then((v) => {
      setView(v);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.popup .assay-card')?.focus());
    }, fail);
  const back = () => {
    setView(null);
    requestAnimationFrame(() => searchRef.current?.focus());
  };
  const reveal = async (entityId: string) => {
    const tabId = await targetTab();
    if (tabId !== undefined) {
      await (browser.tabs.sendMessage(tabId, { type: 'revealMention', entityId }) as Promise<
        TabResponseMap['revealMention']
      >);
    }
  };
  const toggleSite = async (host: string, on: boolean) => {
    const next = withSite(settings, host, !on);
    setSettings(next);
    await saveSettings(next);
    // The page's content script reacts to the setting; ask it again once it has.
    setTimeout(() => void loadPage(), 300);
  };

  return (
    <main class="popup" onKeyDown={(e) => e.key === 'Escape' && view && (e.preventDefault(), back())}>
      {view ? (
        <>
          <button type="button" class="link-button back" onClick={back}>
            ← {strings.popup.back}
          </button>
          <EntityCard view={view} lang={lang} strings={strings} idPrefix="popup-card" />
        </>
      ) : (
        <>
          <div
            ref={(el) => {
              searchRef.current = el?.querySelector('input') ?? null;
            }}
          >
            <SearchPanel
              query={query}
              hits={hits}
              active={active}
              lang={lang}
              strings={strings}
              onQuery={setQuery}
              onActive={setActive}
              onChoose={(hit) => void choose(hit)}
            />
          </div>
          {page.status === 'ready' && query.trim() === '' && (
            <>
              <label class="site-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={!isSiteDisabled(settings, page.host)}
                  onChange={(e) => void toggleSite(page.host, e.currentTarget.checked)}
                />
                {fmt(strings.popup.siteSwitch, { host: page.host })}
              </label>
              {!isSiteDisabled(settings, page.host) && (
                <PageMentionList
                  items={page.items}
                  lang={lang}
                  strings={strings}
                  onReveal={(id) => void reveal(id)}
                />
              )}
            </>
          )}
          {page.status === 'unavailable' && query.trim() === '' && (
            <p class="empty">{strings.popup.pageUnavailable}</p>
          )}
        </>
      )}
      <PageAlerts degraded={meta?.degraded} error={error} strings={strings} />
      <p class="meta">
        {meta && (
          <span>
            {fmt(meta.packs ? strings.popup.bundledLine : strings.popup.datasetLine, {
              count: meta.entityCount,
              date: meta.asOf,
            })}
          </span>
        )}{' '}
        {meta?.packs?.map((pack) => (
          <span key={pack.id} class="pack-line">
            {fmt(strings.popup.packLine, { title: pack.title, version: pack.version, date: pack.asOf })}{' '}
          </span>
        ))}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {strings.popup.openOptions}
        </button>
      </p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
