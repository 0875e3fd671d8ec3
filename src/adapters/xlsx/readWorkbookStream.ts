/**
 * Reads .xlsx bytes into the engine's plain grid (`WorkbookSnapshot`), the same snapshot
 * `readWorkbook` (SheetJS) gives, but faster and in less memory on large sheets: the worksheets'
 * XML is inflated by native zlib and parsed as a stream (`readSheetXml`), never held whole. The
 * rest of the workbook (sheet order and names, date system, shared strings, number formats) is
 * still read by SheetJS (`readBookWithoutSheets`), which is small work. Node only; the browser
 * uses `readWorkbook`.
 *
 * Whatever the streaming path cannot read exactly as SheetJS does (zip64, an .xlsb, a chart sheet,
 * a date cell `t="d"`, XML that is not well-formed, a damaged entry, ...) is read by `readWorkbook`
 * instead, which then also decides which `UnreadableWorkbookError` a bad file gets. One exception:
 * a zip cut short or garbled past its directory (no end record, offsets past the end) is `corrupt`
 * here at once, where SheetJS would read garbage offsets (and for some files never return).
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import { NotStreamableError, UnreadableWorkbookError } from '../../errors';
import { detectFileKind } from './detectFileKind';
import { readBookWithoutSheets } from './readBookWithoutSheets';
import { readSheetXml } from './readSheetXml';
import { readWorkbook } from './readWorkbook';
import { entryChunks, readZipEntries } from './zipArchive';

/** Options of `readWorkbookStream`. */
export interface ReadWorkbookStreamOptions {
  /** Told why, when the workbook is read by `readWorkbook` (SheetJS) instead. For tests. */
  readonly onFallback?: (reason: string) => void;
}

/**
 * Reads a workbook from its bytes; the snapshot equals `readWorkbook(bytes, name)`'s.
 *
 * Values: numbers as numbers (a `0%` cell holding 0.92 stays 0.92, its format `0%` beside it),
 * text as strings (rich text flattened), booleans, dates as ISO `YYYY-MM-DD`, formula cells as
 * their cached result, error cells and empty cells as `null`; each sheet trimmed to its last value,
 * merged areas as A1 ranges, hidden sheets included.
 *
 * @example (await readWorkbookStream(bytes, 'plan.xlsx')).sheets[0].values[3][1] // → -10882
 * @throws UnreadableWorkbookError as `readWorkbook`: `empty-file`, `not-a-workbook`, `old-xls`,
 *   `encrypted`, `corrupt`.
 */
export async function readWorkbookStream(
  bytes: Uint8Array,
  name: string,
  options: ReadWorkbookStreamOptions = {},
): Promise<WorkbookSnapshot> {
  // Anything but a zip is refused by readWorkbook's magic-byte checks, with the right reason.
  if (detectFileKind(bytes) !== 'zip') return readWorkbook(bytes, name);
  try {
    return await streamWorkbook(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      name,
    );
  } catch (error) {
    if (error instanceof NotStreamableError && error.damaged) {
      throw new UnreadableWorkbookError(name, 'corrupt', error.reason);
    }
    // Not only NotStreamableError: a damaged zip, malformed XML or a bug here all leave the
    // verdict to SheetJS, which reads the file or says why it cannot.
    options.onFallback?.(
      error instanceof NotStreamableError
        ? error.reason
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : String(error),
    );
    return readWorkbook(bytes, name);
  }
}

async function streamWorkbook(bytes: Buffer, name: string): Promise<WorkbookSnapshot> {
  const entries = readZipEntries(bytes);
  const book = readBookWithoutSheets(bytes, entries);
  const sheets = [];
  for (const [i, sheetName] of book.sheetNames.entries()) {
    const entry = book.sheetEntries[i];
    sheets.push(
      entry
        ? await readSheetXml(sheetName, entryChunks(bytes, entry), book)
        : { name: sheetName, origin: { row: 1, col: 1 }, values: [], formats: [], merges: [] },
    );
  }
  return { name, sheets };
}
