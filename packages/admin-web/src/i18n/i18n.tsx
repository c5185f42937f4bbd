import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ErrorCode } from '@storelink/contracts';
import { ptBR, type MessageKey } from './messages.pt-BR';
import { en } from './messages.en';
import { errorCodeWords } from './error-codes';

export type Language = 'pt-BR' | 'en';
export const languages: readonly Language[] = ['pt-BR', 'en'];

const LANGUAGE_KEY = 'storelink.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { 'pt-BR': ptBR, en };

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = dictionaries[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Plain words for a stable error code of the API (`docs/errors.md`), in the given language. */
export function describeErrorCode(language: Language, code: string): string {
  const words = errorCodeWords[language];
  return words[code as ErrorCode | 'network_error'] ?? words.unknown;
}

function readLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === 'en' || saved === 'pt-BR' ? saved : 'pt-BR';
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Brazilian Portuguese by default; the choice is remembered in localStorage (SPEC §3). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>.');
  return context;
}
