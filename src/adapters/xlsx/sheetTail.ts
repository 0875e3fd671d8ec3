/**
 * What both sheet readers take from the XML after a worksheet's cells: the merged areas, read with
 * SheetJS's own pattern so that they are `readWorkbook`'s, once its hyperlinks are known not to
 * make SheetJS drop the sheet.
 */
import * as XLSX from '@e965/xlsx';
import { NotStreamableError } from '../../errors';
import { safeDecodeRange } from './sheetjsReadings';

// SheetJS's own patterns: a merged area, a hyperlink and its ref.
const MERGE_CELL = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;
const HYPERLINK = /<(?:\w+:)?hyperlink [^<>]*>/gm;
const REF_ATTRIBUTE = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^'">\s]+))/;

/**
 * The merged areas in `after` (the part's XML after `</sheetData>`, or all of it when the cells
 * never end), as A1 ranges.
 *
 * @example readMerges('<mergeCells><mergeCell ref="A1:D1"/></mergeCells>') // → ['A1:D1']
 * @throws NotStreamableError where a hyperlink would make SheetJS drop the sheet.
 */
export function readMerges(after: string): string[] {
  checkHyperlinks(after);
  const merges = after.match(MERGE_CELL) ?? [];
  return merges.map((m) => XLSX.utils.encode_range(safeDecodeRange(m.slice(m.indexOf('=') + 2))));
}

/**
 * SheetJS marks the cells of each `<hyperlink ref>` (until one lacks `ref`), and drops the whole
 * sheet when a range reaches left of column A (a lowercase `a1`, say): refused, so SheetJS decides.
 */
function checkHyperlinks(xml: string): void {
  for (const tag of xml.match(HYPERLINK) ?? []) {
    const m = REF_ATTRIBUTE.exec(tag);
    const ref = m?.[1] ?? m?.[2] ?? m?.[3];
    if (!ref) return;
    const { s, e } = safeDecodeRange(ref);
    if (s.c < 0 && s.c <= e.c && s.r <= e.r) {
      throw new NotStreamableError('a hyperlink left of column A');
    }
  }
}
