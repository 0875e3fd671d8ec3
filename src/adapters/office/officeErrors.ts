/**
 * Excel's own errors (OfficeExtension.Error codes) as one error class of ours, with a Swedish
 * message (and an English one) for the task pane's MessageBar, and whether a retry can help.
 */

/** What went wrong, in terms a pane can act on. */
export type ExcelHostErrorKind =
  | 'busy' // a cell is being edited, or Excel or its service is busy: wait or finish editing, retry
  | 'too-large' // a request or response exceeded Excel's payload limit
  | 'range-limit' // one range holds more cells than Excel handles in one operation
  | 'not-found' // a sheet or cell no longer exists
  | 'hidden-sheet' // the cell to select is on a hidden sheet
  | 'inactive-workbook' // several workbooks are open and ours lost the focus
  | 'table-conflict' // a report table would overlap a table, PivotTable or merged cells
  | 'stale-context' // an object was used across Excel.run calls (our fault; a retry starts afresh)
  | 'changed' // the workbook changed between the question and the write
  | 'unsupported' // this Excel lacks an API we need
  | 'unknown';

const MESSAGES: Record<ExcelHostErrorKind, { sv: string; en: string; retry: boolean }> = {
  busy: {
    sv: 'Excel är upptaget, till exempel för att en cell redigeras. Avsluta redigeringen (Enter eller Esc) och försök igen.',
    en: 'Excel is busy, for example because a cell is being edited. Finish editing (Enter or Esc) and try again.',
    retry: true,
  },
  'too-large': {
    sv: 'Arbetsboken är för stor för att läsas eller skrivas i ett svep i Excel på webben. Försök igen; hjälper det inte, använd skrivbordsversionen av Excel.',
    en: 'The workbook is too large to read or write in one go in Excel on the web. Try again; if that fails, use Excel for desktop.',
    retry: true,
  },
  'range-limit': {
    sv: 'Ett område i arbetsboken har fler celler än Excel klarar i ett steg. Ta bort tomma rader och kolumner längst ned och till höger på bladen (de räknas som använda) och försök igen.',
    en: 'A range in the workbook has more cells than Excel handles in one step. Delete empty rows and columns at the bottom and right of the sheets (they count as used) and try again.',
    retry: true,
  },
  'not-found': {
    sv: 'Bladet eller cellen finns inte längre i arbetsboken. Analysera arbetsboken igen.',
    en: 'The sheet or cell no longer exists in the workbook. Analyse the workbook again.',
    retry: false,
  },
  'hidden-sheet': {
    sv: 'Cellen ligger på ett dolt blad. Visa bladet (högerklicka på en bladflik och välj Ta fram) och klicka på fyndet igen.',
    en: 'The cell is on a hidden sheet. Unhide the sheet (right-click a sheet tab, Unhide) and click the finding again.',
    retry: true,
  },
  'inactive-workbook': {
    sv: 'Arbetsboken är inte aktiv: flera arbetsböcker är öppna och den här har tappat fokus. Klicka i arbetsboken och försök igen.',
    en: 'The workbook is not active: several workbooks are open and this one lost the focus. Click in the workbook and try again.',
    retry: true,
  },
  'table-conflict': {
    sv: 'Rapportens tabell skulle överlappa en annan tabell, en pivottabell eller sammanfogade celler på rapportbladet. Ta bort dem från rapportbladet, eller ta bort bladet, och försök igen.',
    en: "The report's table would overlap another table, a PivotTable or merged cells on the report sheet. Remove them from the report sheet, or delete the sheet, and try again.",
    retry: true,
  },
  'stale-context': {
    sv: 'Nämndplan tappade kontakten med arbetsboken (ett internt fel). Försök igen.',
    en: 'Nämndplan lost its connection to the workbook (an internal error). Try again.',
    retry: true,
  },
  changed: {
    sv: 'Arbetsboken ändrades medan frågan var öppen, så inget skrevs. Försök igen.',
    en: 'The workbook changed while the question was open, so nothing was written. Try again.',
    retry: true,
  },
  unsupported: {
    sv: 'Den här versionen av Excel saknar en funktion som tillägget behöver. Uppdatera Excel eller använd Excel på webben.',
    en: 'This version of Excel lacks a feature the add-in needs. Update Excel or use Excel on the web.',
    retry: false,
  },
  unknown: {
    sv: 'Excel kunde inte slutföra åtgärden. Försök igen.',
    en: 'Excel could not complete the operation. Try again.',
    retry: true,
  },
};

/** An Excel failure as the pane shows it: `message` is Swedish, `messageEn` English. */
export class ExcelHostError extends Error {
  override readonly name = 'ExcelHostError';
  readonly messageEn: string;
  readonly retryable: boolean;
  constructor(
    readonly kind: ExcelHostErrorKind,
    /** Office's error code (`InvalidOperationInCellEditMode`), when there was one. */
    readonly officeCode: string | null,
    /** Office's own (English) message, for the console and bug reports. */
    readonly detail: string,
  ) {
    super(MESSAGES[kind].sv);
    this.messageEn = MESSAGES[kind].en;
    this.retryable = MESSAGES[kind].retry;
  }
}

/**
 * Classifies an Office error code. "Busy" is kept for what waiting cures: cell-edit mode, the
 * activity limit and the service's own codes; `InvalidOperation` and `GeneralException` say
 * nothing of the kind and are `unknown`.
 */
export function kindOfOfficeCode(code: string | null): ExcelHostErrorKind {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
    case 'ActivityLimitReached':
    case 'WriteNotSupportedWhenModalDialogOpen':
    case 'ServiceNotAvailable':
    case 'Timeout':
    case 'RequestAborted':
    case 'ConnectionFailure':
    case 'Conflict':
      return 'busy';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'too-large';
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      return 'range-limit';
    case 'ItemNotFound':
    case 'InvalidReference':
    case 'InvalidObjectPath':
      return 'not-found';
    case 'InactiveWorkbook':
      return 'inactive-workbook';
    case 'MergedRangeConflict':
    case 'PivotTableRangeConflict':
      return 'table-conflict';
    case 'InvalidRequestContext':
      return 'stale-context';
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/**
 * Turns anything an `Excel.run` threw into an ExcelHostError (ours pass through unchanged).
 * @example toExcelHostError({ code: 'InvalidOperationInCellEditMode', message: '…' }).retryable // true
 */
export function toExcelHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const e = (error ?? {}) as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  const code =
    typeof e.code === 'string'
      ? e.code
      : typeof e.debugInfo?.code === 'string'
        ? e.debugInfo.code
        : null;
  const detail = typeof e.message === 'string' ? e.message : String(error);
  return new ExcelHostError(kindOfOfficeCode(code), code, detail);
}
