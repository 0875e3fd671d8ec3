/**
 * localStorage that never throws: Office's webviews and private browser windows may refuse it,
 * and a pane must still open. Keys are prefixed with Office's partition key where Office gives
 * one (`Office.context.partitionKey`), as Office asks of add-ins, so that the same add-in in two
 * partitions (Excel on the web in two tenants, say) keeps its settings apart. Nothing here is
 * secret; only the user's own choices.
 */

let partition = '';

/** Sets the partition key (null or empty: none). Call before the first read, at start. */
export function setStoragePartition(key: string | null): void {
  partition = key ?? '';
}

/** The key as stored: `partitionKey` + key, or the key alone. */
export function storageKey(key: string): string {
  return `${partition}${key}`;
}

/** The stored string, or null when absent or storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(key));
  } catch {
    return null;
  }
}

/**
 * Stores a string. Returns false when storage refused it (full, disabled, a private window): the
 * caller says so, since the choice then lasts for this session only.
 */
export function writeStored(key: string, value: string): boolean {
  try {
    window.localStorage.setItem(storageKey(key), value);
    return true;
  } catch {
    return false;
  }
}
