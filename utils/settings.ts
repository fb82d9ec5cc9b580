import { storage } from '#imports';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../lib/settings';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Bumped by the background after every data write: open pages and tabs refresh on it. */
export const dataRevision = storage.defineItem<number>('local:dataRevision', { fallback: 0 });

/** The reader's settings (invalid stored values fall back to defaults). */
export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Saves settings; every open page, popup and tab sees the change. */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Calls `callback` with the new settings whenever they change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
