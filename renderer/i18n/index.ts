/**
 * UI language lookup: `useT()` gives a translate function for the chosen language.
 */
import { useCallback } from 'react';
import { useStore } from '../state/store';
import { en } from './en';
import type { MessageKey, Messages } from './en';
import { zhCN } from './zhCN';

export type { MessageKey } from './en';

const dictionaries: Record<'en' | 'zh-CN', Messages> = { en, 'zh-CN': zhCN };

/** Translate one key, filling `{name}` placeholders. */
export function translate(language: 'en' | 'zh-CN', key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[language][key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function for the current UI language (re-renders on switch). */
export function useT(): Translate {
  const language = useStore((state) => state.language);
  return useCallback((key, vars) => translate(language, key, vars), [language]);
}
