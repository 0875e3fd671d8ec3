/**
 * Faults of the program or its environment: thrown, never returned. Problems in the user's
 * workbook are data (`Problem` in the report), not errors.
 */

/**
 * The input cannot be read as a workbook at all (CLI exit 2). `too-large`: it would cost more to
 * read than the read budget allows (a zip bomb, say; see `src/adapters/xlsx/readBudget.ts`).
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';
  constructor(
    readonly fileName: string,
    readonly reason:
      | 'not-a-workbook'
      | 'old-xls'
      | 'encrypted'
      | 'empty-file'
      | 'not-found'
      | 'no-access'
      | 'corrupt'
      | 'too-large',
    detail?: string,
  ) {
    super(UnreadableWorkbookError.describe(fileName, reason, detail));
  }

  private static describe(fileName: string, reason: string, detail?: string): string {
    const why: Record<string, string> = {
      'not-a-workbook': 'är inte en Excel-arbetsbok (.xlsx)',
      'old-xls': 'är en äldre .xls-fil; spara den som .xlsx i Excel och försök igen',
      encrypted: 'är lösenordsskyddad; ta bort skyddet i Excel och försök igen',
      'empty-file': 'är tom (0 byte)',
      'not-found': 'finns inte',
      'no-access': 'kan inte läsas (behörighet saknas)',
      corrupt: 'är skadad och kan inte läsas',
      'too-large': 'är för stor för att läsas',
    };
    return `${fileName}: ${why[reason] ?? reason}${detail ? ` (${detail})` : ''}`;
  }
}

/** Writing an output file failed; nothing half-written is left behind. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`Kunde inte skriva ${path}: ${detail}`);
  }
}

/**
 * The streaming xlsx reader met something it cannot read exactly as SheetJS does (zip64, a date
 * cell `t="d"`, a CDATA section, ...). Caught inside the adapter, which then reads the workbook
 * with SheetJS; it never reaches the CLI.
 */
export class NotStreamableError extends Error {
  override readonly name = 'NotStreamableError';
  constructor(
    readonly reason: string,
    /** The zip is broken past reading (no end record, offsets past the end): call it corrupt. */
    readonly damaged = false,
  ) {
    super(`Läses med SheetJS i stället för strömmande: ${reason}`);
  }
}
