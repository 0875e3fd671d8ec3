/**
 * localStorage that never throws: Office's webviews and private browser windows may refuse it,
 * and a pane must still open. Nothing here is secret; only the user's own settings.
 */

/** The stored string, or null when absent or storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a string; silently does nothing when storage is unavailable. */
export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Settings then last for this session only.
  }
}
