/**
 * The parts of an .xlsx held in memory, listed and inflated within the read budget before any
 * library sees them (Node only). Every declared size is charged to the budget first, so a bomb is
 * refused before anything is inflated; a part that cannot be read is `corrupt` when the workbook's
 * structure needs it (workbook, relationships, content types, shared strings, styles) and
 * otherwise left out. SheetJS is only ever handed the copy `storedCopy` makes, of parts inflated
 * here, so it never inflates anything itself.
 */
import { SaxesParser } from 'saxes';
import { NotStreamableError, UnreadableWorkbookError } from '../../errors';
import type { SharedString } from './readBookWithoutSheets';
import type { ReadBudget } from './readBudget';
import { scanSharedStrings } from './scanSharedStrings';
import {
  crc32,
  entryData,
  overran,
  readZipEntries,
  type StoredFile,
  writeStoredZip,
  type ZipEntry,
} from './zipArchive';

/** A worksheet's part: streamed by the reader, never held whole (`readSheetXml`). */
export const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
// Parts SheetJS never opens when reading cells (pictures, pivot caches, printer settings,
// embedded files): never inflated, passed empty, so a 50 MB pivot cache costs nothing.
const UNREAD_PART = /^xl\/(?:media|pivotCache|printerSettings|embeddings)\//i;
// Parts without which the workbook's sheets, strings or formats cannot be known.
const STRUCTURE_PART =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml)$/i;
const SHARED_STRINGS_PART = /^xl\/sharedStrings\.xml$/i;
const EMPTY = Buffer.alloc(0);

/** A workbook's zip: its entries and the inflated data of those held whole. */
export interface WorkbookParts {
  readonly bytes: Buffer;
  readonly entries: readonly ZipEntry[];
  /** Every part but worksheets and unread ones, inflated; a damaged one left out. */
  readonly data: ReadonlyMap<ZipEntry, Buffer>;
  readonly budget: ReadBudget;
  /**
   * The shared string table, when the byte scanner read it (`scanSharedStrings`); else `null`,
   * with why in `sharedStringsRefused` (none: the workbook has no `xl/sharedStrings.xml`).
   */
  readonly sharedStrings: { readonly entry: ZipEntry; readonly strings: SharedString[] } | null;
  readonly sharedStringsRefused?: string;
}

/**
 * Lists and inflates the parts of `bytes` (a zip), charging the budget.
 *
 * @example readWorkbookParts(bytes, new ReadBudget('plan.xlsx', bytes.length)).entries.length // → 9
 * @throws UnreadableWorkbookError `corrupt` for a zip broken past reading or a damaged structure
 *   part, `encrypted` for encrypted entries, `too-large` past the budget or for a part whose data
 *   runs past the size it declares.
 */
export function readWorkbookParts(bytes: Buffer, budget: ReadBudget): WorkbookParts {
  const name = budget.fileName;
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (!(error instanceof NotStreamableError)) throw error;
    if (/encrypted/.test(error.reason)) throw new UnreadableWorkbookError(name, 'encrypted');
    throw new UnreadableWorkbookError(name, 'corrupt', error.reason);
  }
  chargeDeclared(entries, budget);
  const data = new Map<ZipEntry, Buffer>();
  let sharedStrings: WorkbookParts['sharedStrings'] = null;
  let sharedStringsRefused: string | undefined;
  for (const entry of entries) {
    if (WORKSHEET_PART.test(entry.name) || UNREAD_PART.test(entry.name)) continue;
    budget.wholePart(entry.size, entry.name);
    const structure = STRUCTURE_PART.test(entry.name);
    let part: Buffer;
    try {
      part = entryData(bytes, entry);
    } catch (error) {
      if (overran(error)) throw budget.overrun(entry.name, entry.size);
      if (structure && error instanceof NotStreamableError) {
        throw new UnreadableWorkbookError(name, 'corrupt', error.reason);
      }
      if (error instanceof NotStreamableError) continue; // a comment, a drawing: not needed
      throw error;
    }
    if (structure && !sharedStrings && SHARED_STRINGS_PART.test(entry.name)) {
      // Read here, and well-formed if read: else checked, and read by SheetJS, as any part.
      const scanned = scanSharedStrings(part);
      if (scanned.strings) sharedStrings = { entry, strings: scanned.strings };
      else sharedStringsRefused = scanned.reason;
    }
    if (structure && sharedStrings?.entry !== entry) checkWellFormed(name, entry.name, part);
    data.set(entry, part);
  }
  return {
    bytes,
    entries,
    data,
    budget,
    sharedStrings,
    ...(sharedStringsRefused === undefined ? {} : { sharedStringsRefused }),
  };
}

/** Charges every declared size at once, naming the largest part when they pass the budget. */
function chargeDeclared(entries: readonly ZipEntry[], budget: ReadBudget): void {
  let total = 0;
  let largest: ZipEntry | undefined;
  for (const entry of entries) {
    if (UNREAD_PART.test(entry.name)) continue;
    total += entry.size;
    if (!largest || entry.size > largest.size) largest = entry;
  }
  budget.inflate(total, largest ? `arbetsboken (mest ${largest.name})` : 'arbetsboken');
}

/**
 * A zip of stored (uncompressed) parts for SheetJS: the parts inflated here, each worksheet as
 * `sheet(entry, index)` gives it (`null`: left out, so SheetJS finds no such part), any other part
 * as `other(entry)` gives it (`undefined`: itself), unread and damaged parts empty.
 */
export function storedCopy(
  parts: WorkbookParts,
  sheet: (entry: ZipEntry, index: number) => Buffer | null,
  other: (entry: ZipEntry) => Buffer | undefined = () => undefined,
): Buffer {
  const files: StoredFile[] = [];
  parts.entries.forEach((entry, index) => {
    if (WORKSHEET_PART.test(entry.name)) {
      const data = sheet(entry, index);
      if (data !== null) files.push({ nameBytes: entry.nameBytes, data, crc32: crc32(data) });
      return;
    }
    const replaced = other(entry);
    if (replaced) {
      files.push({ nameBytes: entry.nameBytes, data: replaced, crc32: crc32(replaced) });
      return;
    }
    const data = parts.data.get(entry);
    files.push(
      data
        ? { nameBytes: entry.nameBytes, data, crc32: entry.crc32 }
        : { nameBytes: entry.nameBytes, data: EMPTY, crc32: 0 },
    );
  });
  return writeStoredZip(files);
}

/**
 * A worksheet's part inflated whole, for SheetJS; `null` when it cannot be (damaged).
 *
 * @throws UnreadableWorkbookError `too-large` past `MAX_WHOLE_PART_BYTES`.
 */
export function wholeSheet(parts: WorkbookParts, entry: ZipEntry): Buffer | null {
  parts.budget.wholePart(entry.size, entry.name);
  try {
    return entryData(parts.bytes, entry);
  } catch (error) {
    if (overran(error)) throw parts.budget.overrun(entry.name, entry.size);
    if (error instanceof NotStreamableError) return null;
    throw error;
  }
}

/** A structure part must be well-formed XML; SheetJS would read a cut-off one as fewer sheets. */
function checkWellFormed(fileName: string, part: string, data: Buffer): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: string | null = null;
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  const text = utf16
    ? new TextDecoder(data[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(data)
    : data.toString('utf8');
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  parser.close();
  if (failure !== null) {
    throw new UnreadableWorkbookError(fileName, 'corrupt', `${part} är inte välformad XML`);
  }
}
