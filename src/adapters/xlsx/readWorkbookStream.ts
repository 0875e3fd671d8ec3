/**
 * Reads .xlsx bytes into the engine's plain grid (`WorkbookSnapshot`), the same snapshot
 * `readWorkbook` (SheetJS) gives, but faster, in less memory on large sheets, and within the read
 * budget (`readBudget.ts`): the zip is listed and every part inflated by native zlib, never past
 * its declared size and never past the budget, and the worksheets' XML is read as a stream
 * (`readSheetXml`: a byte scanner, the XML parser saxes where it refuses), never held whole; the
 * shared strings by the same scanner (`scanSharedStrings`). The rest of the workbook (sheet order
 * and names, date system, number formats) is read by SheetJS (`readBookWithoutSheets`) from parts
 * inflated here. Node, and the pane's worker (with stand-ins for `node:zlib` and
 * `node:string_decoder`).
 *
 * What cannot be read is said, never dropped in silence:
 * - a zip broken past reading, or a damaged structure part (a cut-off `workbook.xml`), is
 *   `corrupt`; a bomb (past the budget, or a part inflating past the size it declares) is
 *   `too-large`;
 * - a sheet whose part is damaged (XML that is not well-formed, a damaged deflate stream, a
 *   shared string that does not exist) or missing is passed to `onUnreadableSheet` and read as
 *   an empty sheet; the others are read.
 *
 * Whatever the streaming path cannot read exactly as SheetJS does (an .xlsb or .ods, a chart
 * sheet, a date cell `t="d"`, ...) is read by `readWorkbook` instead, from a stored copy of the
 * parts inflated here (so SheetJS never inflates anything itself either).
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/grid';
import { NotStreamableError, UnreadableWorkbookError } from '../../errors';
import { detectFileKind } from './detectFileKind';
import { readBookWithoutSheets, type BookWithoutSheets } from './readBookWithoutSheets';
import { ReadBudget } from './readBudget';
import { readSheetXml } from './readSheetXml';
import { libraryError, readWorkbook, type ReadWorkbookOptions } from './readWorkbook';
import { readWorkbookParts, storedCopy, wholeSheet, type WorkbookParts } from './workbookParts';
import { entryChunks, overran, type ZipEntry } from './zipArchive';

/** Options of `readWorkbookStream`. */
export interface ReadWorkbookStreamOptions extends ReadWorkbookOptions {
  /** Told why, when the workbook is read by `readWorkbook` (SheetJS) instead. For tests. */
  readonly onFallback?: (reason: string) => void;
  /**
   * Told which part and why, when the byte scanner leaves a part to the slower general way (a
   * sheet to the XML parser, the shared strings to SheetJS). For tests and the bench.
   */
  readonly onSlowPath?: (part: string, reason: string) => void;
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
 * @throws UnreadableWorkbookError `empty-file`, `not-a-workbook`, `old-xls`, `encrypted`,
 *   `corrupt`, `too-large`.
 */
export async function readWorkbookStream(
  bytes: Uint8Array,
  name: string,
  options: ReadWorkbookStreamOptions = {},
): Promise<WorkbookSnapshot> {
  // Anything but a zip is refused by readWorkbook's magic-byte checks, with the right reason.
  if (detectFileKind(bytes) !== 'zip') return readWorkbook(bytes, name);
  const budget = options.budget ?? new ReadBudget(name, bytes.length);
  const parts = readWorkbookParts(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    budget,
  );
  if (parts.sharedStringsRefused !== undefined) {
    options.onSlowPath?.('xl/sharedStrings.xml', parts.sharedStringsRefused);
  }
  let book: BookWithoutSheets;
  try {
    book = readBookWithoutSheets(parts);
  } catch (error) {
    if (error instanceof NotStreamableError) return fallback(parts, new Set(), error, options);
    throw libraryError(name, error);
  }
  const sheets: SheetSnapshot[] = [];
  const unreadable: string[] = [];
  const damaged = new Set<ZipEntry>();
  for (const [i, sheetName] of book.sheetNames.entries()) {
    if (book.reportSheets.has(sheetName)) continue; // our own report sheet: never analysed again
    const entry = book.sheetEntries[i] ?? null;
    try {
      if (entry === null) throw new NotStreamableError('no part', true);
      const { onSlowPath } = options;
      sheets.push(
        await readSheetXml(
          sheetName,
          () => entryChunks(parts.bytes, entry),
          { ...book, budget },
          onSlowPath && ((reason) => onSlowPath(entry.name, reason)),
        ),
      );
    } catch (error) {
      // A header that lies about its part's size is a bomb, not a damaged sheet.
      if (entry && overran(error)) throw budget.overrun(entry.name, entry.size);
      if (isDamage(error)) {
        if (entry) damaged.add(entry);
        unreadable.push(sheetName);
        sheets.push({
          name: sheetName,
          origin: { row: 1, col: 1 },
          values: [],
          formats: [],
          merges: [],
        });
        continue;
      }
      if (error instanceof UnreadableWorkbookError) throw error;
      // A sheet only SheetJS reads as it does (or a bug here): SheetJS reads the whole workbook.
      return fallback(parts, damaged, error, options);
    }
  }
  for (const sheet of unreadable) options.onUnreadableSheet?.(sheet);
  return { name, sheets };
}

function isDamage(error: unknown): boolean {
  return error instanceof NotStreamableError && error.damaged;
}

/** Reads the workbook with SheetJS from the parts inflated here, damaged sheets left out. */
function fallback(
  parts: WorkbookParts,
  damaged: ReadonlySet<ZipEntry>,
  why: unknown,
  options: ReadWorkbookStreamOptions,
): WorkbookSnapshot {
  options.onFallback?.(
    why instanceof NotStreamableError
      ? why.reason
      : why instanceof Error
        ? `${why.name}: ${why.message}`
        : String(why),
  );
  const copy = storedCopy(parts, (entry) => (damaged.has(entry) ? null : wholeSheet(parts, entry)));
  const { fileName, fileSize } = parts.budget;
  // Cells are counted afresh: those streamed before are read again.
  return readWorkbook(copy, fileName, { ...options, budget: new ReadBudget(fileName, fileSize) });
}
