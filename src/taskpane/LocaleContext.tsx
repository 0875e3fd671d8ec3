/**
 * The pane's language: the one the user chose (remembered in storage), else Office's display
 * language (Swedish for `sv-*` and the other Scandinavian languages, English otherwise), else
 * Swedish (a browser without Office: the product is Swedish first).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Locale, type Messages } from './messages';
import { readStored, writeStored } from './storage';

const LOCALE_KEY = 'namndplan.locale';

/**
 * The pane's language for a display language (BCP 47: `sv-SE`, `en-US`, `nb-NO`), or null when
 * there is none. Danish and Norwegian readers read Swedish more easily than English.
 * @example localeFor('sv-FI') // 'sv';  localeFor('de-DE') // 'en';  localeFor(null) // null
 */
export function localeFor(language: string | null | undefined): Locale | null {
  if (!language) return null;
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return ['sv', 'nb', 'nn', 'no', 'da'].includes(primary) ? 'sv' : 'en';
}

/** The language the user chose earlier, or null. */
export function storedLocale(): Locale | null {
  const v = readStored(LOCALE_KEY);
  return v === 'en' || v === 'sv' ? v : null;
}

interface LocaleState {
  messages: Messages;
  setLocale: (locale: Locale) => void;
  /** True when the last choice could not be stored (it lasts for this session only). */
  notStored: boolean;
}

const LocaleContext = createContext<LocaleState>({
  messages: MESSAGES.sv,
  setLocale: () => {},
  notStored: false,
});

/**
 * Provides the language. `initial` overrides everything (tests); `displayLanguage` is Office's
 * (`Office.context.displayLanguage`), used when the user has not chosen.
 */
export function LocaleProvider(props: {
  initial?: Locale;
  displayLanguage?: string | null;
  children: ReactNode;
}): JSX.Element {
  const [chosen, setChosen] = useState<Locale | null>(() => props.initial ?? storedLocale());
  const [notStored, setNotStored] = useState(false);
  const locale: Locale = chosen ?? localeFor(props.displayLanguage) ?? 'sv';
  const setLocale = useCallback((next: Locale) => {
    setChosen(next);
    setNotStored(!writeStored(LOCALE_KEY, next));
  }, []);
  const value = useMemo(
    () => ({ messages: MESSAGES[locale], setLocale, notStored }),
    [locale, setLocale, notStored],
  );
  return <LocaleContext.Provider value={value}>{props.children}</LocaleContext.Provider>;
}

/** The current language's messages. */
export function useMessages(): Messages {
  return useContext(LocaleContext).messages;
}

/** True when the language choice could not be stored. */
export function useLocaleNotStored(): boolean {
  return useContext(LocaleContext).notStored;
}

/** Switches between Swedish and English. */
export function useLocaleSwitch(): () => void {
  const { messages, setLocale } = useContext(LocaleContext);
  return useCallback(
    () => setLocale(messages.locale === 'sv' ? 'en' : 'sv'),
    [messages.locale, setLocale],
  );
}
