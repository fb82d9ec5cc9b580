/**
 * Reader settings: where Assay is off, how cards open, how marks look, which UI language. Stored
 * by the extension (browser storage); parsed leniently so a bad stored value falls back to the
 * default for that field instead of breaking every page.
 */
import * as v from 'valibot';

export const CARD_TRIGGERS = ['hover', 'click'] as const;
export const MARK_STYLES = ['underline', 'background', 'quiet'] as const;
export const LANGUAGES = ['auto', 'en', 'zh'] as const;
/** Every mention marked, or only the first of each name per paragraph. */
export const MARK_DENSITIES = ['all', 'first'] as const;

const HostSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9.-]{1,253}$/, 'must be a host name'),
);

export const SettingsSchema = v.object({
  disabledSites: v.fallback(v.pipe(v.array(HostSchema), v.maxLength(10_000)), []),
  cardTrigger: v.fallback(v.picklist(CARD_TRIGGERS), 'hover'),
  markStyle: v.fallback(v.picklist(MARK_STYLES), 'underline'),
  language: v.fallback(v.picklist(LANGUAGES), 'auto'),
  markDensity: v.fallback(v.picklist(MARK_DENSITIES), 'all'),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type CardTrigger = Settings['cardTrigger'];
export type MarkStyle = Settings['markStyle'];

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  cardTrigger: 'hover',
  markStyle: 'underline',
  language: 'auto',
  markDensity: 'all',
};

/** Reads stored settings; anything missing or invalid takes its default. */
export function parseSettings(raw: unknown): Settings {
  const result = v.safeParse(SettingsSchema, raw && typeof raw === 'object' ? raw : {});
  return result.success ? result.output : DEFAULT_SETTINGS;
}

/** True when Assay is off for this host (the switch is per host name, "www." ignored). */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = siteKey(host);
  return settings.disabledSites.some((s) => siteKey(s) === h);
}

/** The host name a site switch is stored under. */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** Settings with the site switched on or off. */
export function withSite(settings: Settings, host: string, disabled: boolean): Settings {
  const key = siteKey(host);
  const rest = settings.disabledSites.filter((s) => siteKey(s) !== key);
  return { ...settings, disabledSites: disabled ? [...rest, key].sort() : rest };
}

/** The highlight name a mark style paints with (page.css styles each). */
export function highlightName(style: MarkStyle): string {
  return style === 'underline' ? 'assay-mention' : `assay-mention-${style}`;
}
