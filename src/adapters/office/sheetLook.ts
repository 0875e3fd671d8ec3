/**
 * How a written report sheet looks, queued on Office.js proxies: a `RangeStyle` on a range
 * (font, fill, alignment, wrapping, indent, borders) and the printed page (`PageSetup`). Only
 * queues; the caller syncs. The indent and the page layout are ExcelApi 1.9: the layout leaves
 * the indent out below it (`documentLayout.ts`), and `applyPageSetup` is called only where
 * `supportsExcelApi(9)` says so.
 */
import type { PageSetup, RangeStyle } from './reportLayout';

/** The edges a `grid` colour draws: every line around and between the range's cells. */
const GRID_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;

/** Queues `style` on `range`; what the style leaves out stays as it is. */
export function applyRangeStyle(range: Excel.Range, style: RangeStyle): void {
  const format = range.format;
  const font = format.font;
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.size !== undefined) font.size = style.size;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontColor !== undefined) font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = style.horizontal;
  if (style.vertical !== undefined) format.verticalAlignment = style.vertical;
  if (style.indent !== undefined) format.indentLevel = style.indent;
  if (style.top !== undefined) format.borders.getItem('EdgeTop').style = style.top;
  if (style.bottom !== undefined) format.borders.getItem('EdgeBottom').style = style.bottom;
  if (style.grid !== undefined) {
    for (const edge of GRID_EDGES) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = style.grid;
    }
  }
}

/** Actions `applyRangeStyle` queues for `style` (for the sync budget). */
export function styleActions(style: RangeStyle): number {
  let n = 0;
  for (const [key, value] of Object.entries(style)) {
    if (value !== undefined) n += key === 'grid' ? GRID_EDGES.length * 2 : 1;
  }
  return n;
}

/**
 * Queues the printed page (ExcelApi 1.9): A4, one page wide and as many tall as it takes, the
 * title rows on every page, the title in the header and `Sida 1 av 3` in the footer.
 */
export function applyPageSetup(sheet: Excel.Worksheet, page: PageSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation;
  layout.paperSize = 'A4';
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  // The report workbook's margins (0,6 and 0,8 inches, header and footer 0,3), in points.
  layout.leftMargin = 43.2;
  layout.rightMargin = 43.2;
  layout.topMargin = 57.6;
  layout.bottomMargin = 57.6;
  layout.headerMargin = 21.6;
  layout.footerMargin = 21.6;
  layout.setPrintTitleRows(page.titleRows);
  const all = layout.headersFooters.defaultForAllPages;
  all.leftHeader = page.header;
  all.leftFooter = 'Nämndplan';
  all.rightFooter = 'Sida &P av &N';
}

/** Actions `applyPageSetup` queues. */
export const PAGE_SETUP_ACTIONS = 13;
