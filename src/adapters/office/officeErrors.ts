/**
 * Excel's own errors (OfficeExtension.Error codes) as one error class of ours, with a Swedish
 * message (and an English one) for the task pane's MessageBar, and whether a retry can help.
 */

/** What went wrong, in terms a pane can act on. */
export type ExcelHostErrorKind =
  | 'busy' // a cell is being edited, or Excel is busy: finish editing and retry
  | 'too-large' // a request or response exceeded Excel's payload limit
  | 'not-found' // a sheet or cell no longer exists
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
  'not-found': {
    sv: 'Bladet eller cellen finns inte längre i arbetsboken. Analysera arbetsboken igen.',
    en: 'The sheet or cell no longer exists in the workbook. Analyse the workbook again.',
    retry: false,
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

/** Classifies an Office error code. */
export function kindOfOfficeCode(code: string | null): ExcelHostErrorKind {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
    case 'InvalidOperation':
    case 'GeneralException':
    case 'ActivityLimitReached':
    case 'RequestAborted':
    case 'Conflict':
    case 'ServiceNotAvailable':
    case 'Timeout':
    case 'WriteNotSupportedWhenModalDialogOpen':
      return 'busy';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'too-large';
    case 'ItemNotFound':
    case 'InvalidReference':
    case 'InvalidObjectPath':
      return 'not-found';
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
