/**
 * Settings: language, time zone, output folder (the view shown is the navigation slice's).
 */
import type { StateCreator } from 'zustand';
import type { AppInfo, Settings } from '../../main/api/contract';
import type { ErrorInfo } from '../../core/errors';
import { apiCall } from '../api/client';

export type Language = 'en' | 'zh-CN';

const languageStorageKey = 'shiplens.language';

function languageInitial(): Language {
  try {
    const stored = localStorage.getItem(languageStorageKey);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage unavailable: fall back to the browser language
  }
  return typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The time zone times are shown in until the settings say otherwise (the Log Service's home, China Standard Time). */
export const timeZoneDefault = '+08:00';

/** The time zone every view shows times in: the one selector for it. */
export function timeZoneOf(state: Pick<SettingsSlice, 'settings'>): string {
  return state.settings?.timeZone ?? timeZoneDefault;
}

export interface SettingsSlice {
  appInfo: AppInfo | null;
  settings: Settings | null;
  language: Language;
  settingsError: ErrorInfo | null;
  appLoad(): Promise<void>;
  languageSet(language: Language): Promise<void>;
  settingsSave(patch: Partial<Pick<Settings, 'outputDir' | 'timeZone'>>): Promise<void>;
}

/** The settings/UI slice. */
export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  appInfo: null,
  settings: null,
  language: languageInitial(),
  settingsError: null,
  appLoad: async () => {
    const [info, settings] = await Promise.all([apiCall('app.info', {}), apiCall('settings.get', {})]);
    if (info.ok) set({ appInfo: info.value });
    if (settings.ok) {
      set({ settings: settings.value });
      // A language chosen in this browser wins over the stored setting until changed again.
      if (!localStorage.getItem(languageStorageKey)) set({ language: settings.value.language });
    } else {
      set({ settingsError: settings.error });
    }
  },
  languageSet: async (language) => {
    set({ language });
    try {
      localStorage.setItem(languageStorageKey, language);
    } catch {
      // not remembered locally; the server setting still is
    }
    const response = await apiCall('settings.set', { language });
    if (response.ok) set({ settings: response.value });
  },
  settingsSave: async (patch) => {
    const response = await apiCall('settings.set', patch);
    if (response.ok) set({ settings: response.value, settingsError: null });
    else set({ settingsError: response.error });
  },
});
