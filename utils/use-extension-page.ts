import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DatasetMeta } from '../lib/messages/protocol';
import { fmt, langFromTag, resolveLang, stringsFor, type Lang, type Strings } from '../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { request } from './messaging';
import { dataRevision, loadSettings, watchSettings } from './settings';

const browserLang = langFromTag(browser.i18n.getUILanguage());

/**
 * What every extension page (popup, options) binds to: the reader's settings and language, the
 * dataset's meta, a revision that ticks whenever the data changes anywhere, and an error slot.
 */
export function useExtensionPage() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [meta, setMeta] = useState<DatasetMeta | null>(null);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const lang: Lang = resolveLang(settings.language, browserLang);
  const strings: Strings = stringsFor(lang);
  const fail = (e: unknown) =>
    setError(fmt(strings.options.loadError, { message: e instanceof Error ? e.message : String(e) }));

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    void loadSettings().then(setSettings);
    const unwatch = [watchSettings(setSettings), dataRevision.watch(() => setRevision((r) => r + 1))];
    return () => unwatch.forEach((f) => f());
  }, []);
  useEffect(() => {
    request({ type: 'getMeta' }).then(setMeta, fail);
  }, [revision]);

  return { settings, setSettings, meta, revision, error, setError, fail, lang, strings, browserLang };
}
