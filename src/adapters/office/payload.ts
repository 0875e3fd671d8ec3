/**
 * Payload budgets for Excel on the web, whose requests and responses may not exceed 5 MB each.
 * The adapter keeps every sync well below that, and packs as much as fits into each sync.
 */

/** Excel on the web's limit per request and per response (bytes). */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What the adapter lets one sync carry (bytes): 4 MB, leaving room for envelopes. */
export const SYNC_BUDGET_BYTES = 4_000_000;

/** Cells read per block (one `getRange(...).load('values,numberFormat')`). */
export const READ_BLOCK_CELLS = 50_000;

/**
 * Cells read per sync. At ~20 bytes per cell (value + format as JSON) that is ~2 MB; a sync
 * whose response is refused as too large (long texts) is split in half and retried.
 */
export const READ_SYNC_CELLS = 100_000;

/** What each read sync after the first aims at, once bytes per cell are known (3 MB). */
export const READ_SYNC_BYTES = 3_000_000;

/** Never more cells in one read sync, however small they are. */
export const READ_MAX_SYNC_CELLS = 1_000_000;

/** A conservative estimate of one action's envelope in Office.js's JSON (ids, object path). */
export const ACTION_BYTES = 150;

/** Bytes of a value as JSON. */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** True for Office's "request/response too large" errors. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
