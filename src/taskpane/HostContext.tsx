/**
 * The workbook host as React context: components reach Excel (or the picked file) only through
 * `useHost()`, so they render in tests with a stand-in host and never touch `Office`/`Excel`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { WorkbookHost } from './host';

const HostContext = createContext<WorkbookHost | null>(null);

/** Provides `host` to everything below it. */
export function HostProvider(props: { host: WorkbookHost; children: ReactNode }): JSX.Element {
  return <HostContext.Provider value={props.host}>{props.children}</HostContext.Provider>;
}

/** The host given by the nearest `HostProvider`; throws when there is none (a wiring fault). */
export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost() outside <HostProvider>');
  return host;
}
