/**
 * Everything about a workbook except its worksheets' cells, read by SheetJS itself, so that sheet
 * order and names, the date system, shared strings and number formats are exactly what
 * `readWorkbook` sees (the shared strings by the byte scanner when it read them, as SheetJS does). SheetJS is handed a copy of the zip in which every `xl/worksheets/*.xml` is
 * replaced by a one-cell marker sheet: it parses the rest as always (and finds each sheet's part
 * the way it always does), the marker says which zip entry holds the sheet, and the streaming
 * reader then parses that entry itself. Node only.
 */
import * as XLSX from '@e965/xlsx';
import { NotStreamableError } from '../../errors';
import { SHEETJS_OPTIONS } from './readWorkbook';
import { reportSheetNames } from './reportSheetMarks';
import { storedCopy, type WorkbookParts } from './workbookParts';
import type { ZipEntry } from './zipArchive';

/** A shared string as SheetJS parses it (`t` is the plain text; unset for an odd `<si>`). */
export interface SharedString {
  readonly t?: string;
}

/** A cell format (`<xf>` of `<cellXfs>`) as SheetJS parses it. */
export interface CellXf {
  readonly numFmtId?: unknown;
}

/** What the streaming reader needs besides the sheets' XML. */
export interface BookWithoutSheets {
  /** All sheets, hidden ones included, in workbook order. */
  readonly sheetNames: readonly string[];
  readonly date1904: boolean;
  /** The shared string table, by index. */
  readonly strings: readonly (SharedString | undefined)[];
  /** The cell formats, by the index cells give in `s`; `undefined` when the book has none. */
  readonly cellXfs: readonly (CellXf | undefined)[] | undefined;
  /** Number format strings by id: built-in ones (`9` → `0%`) and the book's own. */
  readonly formatTable: Readonly<Record<string, unknown>>;
  /**
   * Beside `sheetNames`: the entry holding the sheet's XML, or `null` where SheetJS found none (a
   * sheet the workbook names without a part: it cannot be read).
   */
  readonly sheetEntries: readonly (ZipEntry | null)[];
  /** Sheets that carry Nämndplan's report marker: left out of the snapshot. */
  readonly reportSheets: ReadonlySet<string>;
}

// The parts of SheetJS's result that its typings leave out.
interface ParsedBook extends XLSX.WorkBook {
  Strings?: (SharedString | undefined)[];
  Styles?: { CellXf?: (CellXf | undefined)[] };
  SSF?: Record<string, unknown>;
}

const MARKER = 'namndplan-stream-marker:';
const STRINGS_MARKER = 'namndplan-strings-marker';
/** The shared strings SheetJS is given when they were read already: one marker string. */
const STRINGS_MARKER_PART = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">' +
    `<si><t>${STRINGS_MARKER}</t></si></sst>`,
  'utf8',
);

function markerSheet(index: number): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${MARKER}${index}</t></is></c></row>` +
      '</sheetData></worksheet>',
    'utf8',
  );
}

/**
 * Reads everything but the worksheets' cells, from parts already inflated (`readWorkbookParts`).
 *
 * @example readBookWithoutSheets(readWorkbookParts(bytes, budget)).sheetNames // → ['Drift', 'Mål']
 * @throws NotStreamableError when a sheet is not an `xl/worksheets/*.xml` part (a chart sheet, an
 *   .xlsb, ...), and whatever SheetJS throws for a file it cannot read.
 */
export function readBookWithoutSheets(parts: WorkbookParts): BookWithoutSheets {
  const { entries, sharedStrings } = parts;
  // SheetJS reads the parts stored, never inflating anything itself; shared strings read already
  // are replaced by a marker, which says whether SheetJS took that part for the table.
  const book = XLSX.read(
    storedCopy(
      parts,
      (_entry, index) => markerSheet(index),
      (entry) => (entry === sharedStrings?.entry ? STRINGS_MARKER_PART : undefined),
    ),
    { type: 'buffer', ...SHEETJS_OPTIONS },
  ) as ParsedBook;
  const marked = book.Strings?.[0]?.t === STRINGS_MARKER;
  const sheetEntries = book.SheetNames.map((name): ZipEntry | null => {
    const sheet = book.Sheets[name];
    if (!sheet) return null; // SheetJS found no part for it, as readWorkbook finds none
    const marker: unknown = sheet['!data']?.[0]?.[0]?.v;
    const entry =
      typeof marker === 'string' && marker.startsWith(MARKER)
        ? entries[Number(marker.slice(MARKER.length))]
        : undefined;
    if (!entry || '!type' in sheet) throw new NotStreamableError(`${name}: not a worksheet part`);
    return entry;
  });
  const cellXfs = book.Styles?.CellXf;
  if (!book.SSF) throw new NotStreamableError('no number format table');
  return {
    sheetNames: book.SheetNames,
    date1904: Boolean(book.Workbook?.WBProps?.date1904),
    strings: sharedStrings && marked ? sharedStrings.strings : (book.Strings ?? []),
    cellXfs: Array.isArray(cellXfs) ? cellXfs : undefined,
    formatTable: book.SSF,
    sheetEntries,
    reportSheets: reportSheetNames(book),
  };
}
