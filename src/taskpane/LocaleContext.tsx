/**
 * The pane's language: Swedish unless the user switched to English (remembered in localStorage).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Locale, type Messages } from './messages';
import { readStored, writeStored } from './storage';

const LOCALE_KEY = 'namndplan.locale';

interface LocaleState {
  messages: Messages;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ messages: MESSAGES.sv, setLocale: () => {} });

/** Provides the language; `initial` overrides what was remembered (tests). */
export function LocaleProvider(props: { initial?: Locale; children: ReactNode }): JSX.Element {
  const [locale, setLocaleState] = useState<Locale>(() => {
    if (props.initial) return props.initial;
    return readStored(LOCALE_KEY) === 'en' ? 'en' : 'sv';
  });
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    writeStored(LOCALE_KEY, next);
  }, []);
  const value = useMemo(() => ({ messages: MESSAGES[locale], setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{props.children}</LocaleContext.Provider>;
}

/** The current language's messages. */
export function useMessages(): Messages {
  return useContext(LocaleContext).messages;
}

/** Switches between Swedish and English. */
export function useLocaleSwitch(): () => void {
  const { messages, setLocale } = useContext(LocaleContext);
  return useCallback(
    () => setLocale(messages.locale === 'sv' ? 'en' : 'sv'),
    [messages.locale, setLocale],
  );
}
