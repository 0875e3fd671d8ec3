/**
 * Words for what went wrong, from any thrown value: Excel's own errors (Office.js `code`s such as
 * `InvalidOperationInCellEditMode`), our unreadable-file error (Swedish; in English from its reason code), or anything else.
 * Never touches `Office`: Office.js errors are recognised by their `code` field.
 */
import type { Messages } from './messages';

/**
 * Office.js error codes meaning "Excel cannot take requests right now; retry": cell-edit mode,
 * the activity limit and the service's own codes only (`GeneralException` says nothing of the
 * kind). The Excel host already turns these into ExcelHostError; this is for raw ones.
 */
const CELL_EDIT_CODES = new Set(['InvalidOperationInCellEditMode']);
const BUSY_CODES = new Set([
  'ActivityLimitReached',
  'RequestAborted',
  'ServiceNotAvailable',
  'Timeout',
  'Busy',
]);

/** A one-paragraph explanation for the error bar. */
export function describeError(error: unknown, m: Messages): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  // The Excel host's own error already carries both languages.
  if (error instanceof Error && error.name === 'ExcelHostError') {
    const en = (error as Error & { messageEn?: unknown }).messageEn;
    return m.locale === 'en' && typeof en === 'string' ? en : error.message;
  }
  if (CELL_EDIT_CODES.has(code)) return m.errorCellEditMode;
  if (BUSY_CODES.has(code)) return m.errorBusy;
  if (error instanceof Error && error.name === 'UnreadableWorkbookError') {
    // Its message is Swedish; English says it again from its file and reason code.
    const { fileName, reason } = error as Error & { fileName?: unknown; reason?: unknown };
    return m.unreadableWorkbook !== null &&
      typeof fileName === 'string' &&
      typeof reason === 'string'
      ? m.unreadableWorkbook(fileName, reason)
      : error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return m.errorGeneric(detail);
}
