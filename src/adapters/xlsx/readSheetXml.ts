/**
 * Reads one worksheet part (`xl/worksheets/sheet1.xml`) into a `SheetSnapshot`, the one
 * `readWorkbook` (SheetJS) gives, chunk by chunk so the sheet's XML is never held whole: with the
 * byte scanner (`SheetScanner`), and where that refuses (a shape it does not read), once more from
 * the start with the XML parser (`readSheetXmlSaxes`), which reads any well-formed part and throws
 * `NotStreamableError` where only SheetJS can say what it reads. Node only (and the pane's worker).
 */
import type { SheetSnapshot } from '../../domain/grid';
import { readSheetXmlSaxes } from './saxesSheetReader';
import type { SheetXmlContext } from './sheetCells';
import { SheetScanner } from './sheetScanner';
import { NotScanned } from './xmlBytes';

export type { SheetXmlContext } from './sheetCells';

/**
 * Reads a worksheet part; `open` gives its bytes as chunks (split anywhere, even inside a
 * character), and is called again when the part is read a second time.
 *
 * @example await readSheetXml('Drift', () => entryChunks(bytes, entry), context) // → { name: 'Drift', … }
 * @throws NotStreamableError where only SheetJS can say what it reads; marked `damaged` for XML
 *   that is not well-formed, cut short, or a shared string that does not exist.
 */
export async function readSheetXml(
  name: string,
  open: () => AsyncIterable<Uint8Array>,
  context: SheetXmlContext,
  /** Told why, when the scanner left the part to the XML parser. */
  onSlowPath?: (reason: string) => void,
): Promise<SheetSnapshot> {
  const mark = context.budget?.cellsCharged ?? 0;
  try {
    const scanner = new SheetScanner(context, name);
    for await (const chunk of open()) scanner.push(chunk);
    return { name, origin: { row: 1, col: 1 }, ...scanner.finish() };
  } catch (error) {
    if (!(error instanceof NotScanned)) throw error;
    onSlowPath?.(error.reason);
  }
  // Read again from the start: the cells stored so far are counted afresh.
  context.budget?.rewindCells(mark);
  return readSheetXmlSaxes(name, open(), context);
}
