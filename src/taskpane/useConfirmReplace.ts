/**
 * The "replace earlier report sheets?" question as a promise the host can await, answered by a
 * dialog in the pane.
 */
import { useCallback, useRef, useState } from 'react';

export interface ConfirmReplaceState {
  /** Sheet names being asked about, or null when no question is open. */
  pending: string[] | null;
  ask: (names: string[]) => Promise<boolean>;
  answer: (yes: boolean) => void;
}

/** One open question at a time; a second `ask` answers the first with no. */
export function useConfirmReplace(): ConfirmReplaceState {
  const [pending, setPending] = useState<string[] | null>(null);
  const resolver = useRef<((yes: boolean) => void) | null>(null);

  const ask = useCallback((names: string[]) => {
    resolver.current?.(false);
    setPending(names);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = useCallback((yes: boolean) => {
    resolver.current?.(yes);
    resolver.current = null;
    setPending(null);
  }, []);

  return { pending, ask, answer };
}
