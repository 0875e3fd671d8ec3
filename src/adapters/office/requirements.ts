/**
 * What the host supports, asked the way Office documents it
 * (`Office.context.requirements.isSetSupported`). The manifest requires ExcelApi 1.7; anything
 * newer the adapter uses (page layout and indent, 1.9; merged areas, 1.13) is asked here first.
 */

/**
 * The ExcelApi minor version of `Worksheet.pageLayout` (print setup, header, page numbers) and
 * `RangeFormat.indentLevel`, which the report sheets use where the host has them.
 */
export const PAGE_LAYOUT_API = 9;

/** The ExcelApi minor version merged areas need (`Range.getMergedAreasOrNullObject`). */
export const MERGED_AREAS_API = 13;

/**
 * True when the host supports ExcelApi 1.`minor`. Without an `Office` global (tests over the
 * in-memory Excel, the bench) it answers true, and the in-memory Excel enforces its own version.
 * @example supportsExcelApi(13) // false in Excel 2019
 */
export function supportsExcelApi(minor: number): boolean {
  if (typeof Office === 'undefined') return true;
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`);
  } catch {
    return false;
  }
}
