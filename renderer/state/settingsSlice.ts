/**
 * Settings and UI chrome: language, time zone, output folder, which view is shown.
 */
import type { StateCreator } from 'zustand';
import type { AppInfo, Settings } from '../../main/api/contract';
import type { ErrorInfo } from '../../core/errors';
import { apiCall } from '../api/client';
import type { ShiplensState } from './types';

export type ViewName = 'connect' | 'browse' | 'inspect' | 'decompress' | 'rules' | 'tasks' | 'query' | 'forward';
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

export interface SettingsSlice {
  appInfo: AppInfo | null;
  settings: Settings | null;
  language: Language;
  view: ViewName;
  settingsError: ErrorInfo | null;
  viewSet(view: ViewName): void;
  appLoad(): Promise<void>;
  languageSet(language: Language): Promise<void>;
  settingsSave(patch: Partial<Pick<Settings, 'outputDir' | 'timeZone'>>): Promise<void>;
}

/** The settings/UI slice. */
export const createSettingsSlice: StateCreator<ShiplensState, [], [], SettingsSlice> = (set) => ({
  appInfo: null,
  settings: null,
  language: languageInitial(),
  view: 'connect',
  settingsError: null,
  viewSet: (view) => set({ view }),
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
