/**
 * Streams one worksheet part (`xl/worksheets/sheet1.xml`) into a `SheetSnapshot` with a SAX parser
 * (saxes, the parser ExcelJS's streaming reader uses), chunk by chunk, so the sheet's XML is never
 * held whole: the general way, for the parts the byte scanner (`sheetScanner.ts`) leaves to it.
 * The cells are read as SheetJS reads them (`SheetCells`), the merged areas with SheetJS's own
 * pattern on the XML after the cells (`readMerges`), so the snapshot is `readWorkbook`'s. Where
 * that cannot be made certain it throws `NotStreamableError` and the caller uses SheetJS. Node only.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { SheetSnapshot } from '../../domain/grid';
import { NotStreamableError } from '../../errors';
import { SheetCells, type SheetXmlContext } from './sheetCells';
import { readMerges } from './sheetTail';

// SheetJS's own pattern for the end of the cells.
const SHEET_DATA_END = /<\/(?:\w+:)?sheetData>/;
const CHAR_REF = /^&#(?:x([0-9a-fA-F]+)|([0-9]+));/;

/**
 * Reads a worksheet part from its chunks (raw bytes, split anywhere, even inside a character).
 *
 * @example await readSheetXmlSaxes('Drift', entryChunks(bytes, entry), context) // → { name: 'Drift', … }
 * @throws NotStreamableError where only SheetJS can say what it reads; marked `damaged` for XML
 *   that is not well-formed, cut short, or a shared string that does not exist (SheetJS would drop
 *   the sheet, or read some of it: either way it cannot be read).
 */
export async function readSheetXmlSaxes(
  name: string,
  chunks: AsyncIterable<Uint8Array>,
  context: SheetXmlContext,
): Promise<SheetSnapshot> {
  const reader = new SheetXmlReader(context, name);
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of chunks) {
    if (first && isUtf16(chunk)) throw new NotStreamableError('UTF-16');
    first = false;
    reader.feed(decoder.write(chunk));
  }
  reader.feed(decoder.end());
  return { name, origin: { row: 1, col: 1 }, ...reader.finish() };
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Feeds the XML to saxes up to the end of the cells, and keeps the raw XML the merges are in. */
class SheetXmlReader {
  private readonly cells: SheetCells;
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  /** Raw XML while the cells have not ended: all of it when they never do (SheetJS's `data2`). */
  private head = '';
  /** Raw XML after `</sheetData>`, once that has come. */
  private tail: string | null = null;
  /** The last characters fed, for a tag or reference split between two chunks. */
  private window = '';

  constructor(context: SheetXmlContext, sheet: string) {
    const cells = new SheetCells(context, sheet);
    this.cells = cells;
    // XML that is not well-formed is a damaged sheet: saxes's first complaint ends the reading.
    this.parser.on('error', (error) => {
      throw new NotStreamableError(`XML: ${error.message}`, true);
    });
    this.parser.on('opentag', (tag) => cells.onOpen(tag));
    this.parser.on('closetag', (tag) => cells.onClose(tag));
    this.parser.on('text', (text) => cells.onText(text));
    this.parser.on('cdata', () => cells.onMarkup('CDATA'));
    this.parser.on('comment', () => cells.onMarkup('a comment'));
    this.parser.on('processinginstruction', () => cells.onMarkup('a processing instruction'));
  }

  feed(text: string): void {
    if (this.tail !== null) {
      this.tail += text;
      return;
    }
    const around = this.window + text;
    checkCharRefs(around);
    if (around.includes('\r')) this.cells.sawCarriageReturn = true;
    // Kept only until the cells start; but `<sheetData/>` holds none, and then SheetJS looks for
    // merges in the whole part.
    if (this.cells.state !== 'cells') this.head += text;
    this.parser.write(text);
    if (this.cells.state === 'cells') this.head = '';
    if (this.cells.ended) {
      const end = SHEET_DATA_END.exec(around);
      if (!end) throw new NotStreamableError('</sheetData> not where SheetJS looks for it');
      this.tail = around.slice(end.index + end[0].length);
    }
    this.window = around.slice(-64);
  }

  finish(): Pick<SheetSnapshot, 'values' | 'formats' | 'merges'> {
    if (this.tail === null) this.parser.close(); // fails on a part cut short
    const merges = readMerges(this.tail ?? this.head);
    return { ...this.cells.grid.build(), merges };
  }
}

/**
 * Refuses raw XML with a numeric character reference above U+007F: SheetJS decodes it before its
 * UTF-8 pass, which then garbles it in `t="str"` cells. A reference cut off at the end of a chunk
 * is looked at again with the next one.
 */
function checkCharRefs(text: string): void {
  for (let i = text.indexOf('&#'); i !== -1; i = text.indexOf('&#', i + 2)) {
    const m = CHAR_REF.exec(text.slice(i, i + 16));
    if (m && (m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2])) > 0x7f) {
      throw new NotStreamableError('a character reference above U+007F');
    }
  }
}
