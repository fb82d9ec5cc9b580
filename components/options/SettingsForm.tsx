import { useState } from 'preact/hooks';
import {
  CARD_TRIGGERS,
  LANGUAGES,
  MARK_DENSITIES,
  MARK_STYLES,
  siteKey,
  type Settings,
} from '../../lib/settings';
import type { Strings } from '../../lib/i18n';

export interface SettingsFormProps {
  settings: Settings;
  strings: Strings;
  onChange: (settings: Settings) => void;
}

/** Reader settings; each change is saved at once and reaches open tabs without a reload. */
export function SettingsForm({ settings, strings, onChange }: SettingsFormProps) {
  const s = strings.settings;
  const [site, setSite] = useState('');
  const labels = {
    hover: s.hover,
    click: s.click,
    underline: s.underline,
    background: s.background,
    quiet: s.quiet,
    all: s.all,
    first: s.first,
    auto: s.auto,
    en: s.english,
    zh: s.chinese,
  };
  const radios = <K extends 'cardTrigger' | 'markStyle' | 'markDensity' | 'language'>(
    key: K,
    values: readonly Settings[K][],
    legend: string,
  ) => (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label class="check" key={value}>
          <input
            type="radio"
            name={key}
            value={value}
            checked={settings[key] === value}
            onChange={() => onChange({ ...settings, [key]: value })}
          />
          {labels[value]}
        </label>
      ))}
    </fieldset>
  );
  const addSite = (event: Event) => {
    event.preventDefault();
    const host = siteKey(
      site
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .split('/')[0] ?? '',
    );
    if (!host) return;
    onChange({ ...settings, disabledSites: [...new Set([...settings.disabledSites, host])].sort() });
    setSite('');
  };
  return (
    <div class="settings">
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{s.disabledSites}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="empty">{s.noDisabledSites}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span>{host}</span>{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    onChange({ ...settings, disabledSites: settings.disabledSites.filter((h) => h !== host) })
                  }
                >
                  {s.turnOn} <span class="visually-hidden">{host}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-site" onSubmit={addSite}>
          <label for="add-site">{s.addSite}</label>
          <input
            id="add-site"
            type="text"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
            placeholder="example.com"
          />
          <button type="submit" class="secondary">
            {s.add}
          </button>
        </form>
      </section>
      {radios('cardTrigger', CARD_TRIGGERS, s.cardTrigger)}
      {radios('markStyle', MARK_STYLES, s.markStyle)}
      {radios('markDensity', MARK_DENSITIES, s.markDensity)}
      {radios('language', LANGUAGES, s.language)}
    </div>
  );
}
