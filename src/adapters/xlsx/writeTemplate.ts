/**
 * Writes the product's templates (`TemplateContent`, from `prefillTemplate`) into a new .xlsx
 * workbook with ExcelJS: the four sheets of `templateSheets` (Uppföljning drift, Uppföljning
 * investeringar, Måluppfyllelse, Internkontrollplan), each rendered by one writer from its spec,
 * plus the very hidden marker sheet `NP Mall` by which the product knows its own templates
 * (`checkTemplate`). Per sheet: bold filled headers, frozen below the header; the spec's formulas
 * (Avvikelse, Avvikelse %, the Summa row, Riskvärde), data validation lists, the comment-required
 * rule (a conditional format plus a note on its header); locked formula, header and pre-filled
 * cells, the sheet protected without a password; widths, number formats, A4 print setup.
 * No `node:*`: runs in the browser too.
 */
import ExcelJS from 'exceljs';
import { parseRange } from '../../domain/grid';
import {
  HEADER_ROW,
  MARKER_SHEET,
  NOTE_ROW,
  TITLE_ROW,
  markerLines,
} from '../../domain/templates/templateModel';
import {
  TEMPLATE_COLOURS,
  templateSheets,
  type TemplateCell,
  type TemplateList,
  type TemplateSheetSpec,
} from '../../domain/templates/templateSheets';
import type { TemplateContent } from '../../domain/templates/templateModel';
import { cellText } from './writeReportWorkbook';

const FONT = { name: 'Calibri', size: 11 } as const;
const argb = (rgb: string): string => `FF${rgb}`;
const solid = (rgb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: argb(rgb) },
});

/**
 * Writes the four template sheets and the marker and returns the workbook's bytes.
 *
 * @example await writeTemplate(prefillTemplate(null, { period: 'delår 2025' })) // → .xlsx bytes
 */
export async function writeTemplate(content: TemplateContent): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Nämndplan';
  book.created = new Date(0);
  for (const spec of templateSheets(content)) await protect(renderSheet(book, spec));
  const marker = book.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  markerLines(content).forEach((line, i) => {
    marker.getCell(i + 1, 1).value = line;
  });
  const buffer: unknown = await book.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** One template sheet from its spec: title, instruction, header, lines, lists, rule, notes. */
function renderSheet(book: ExcelJS.Workbook, spec: TemplateSheetSpec): ExcelJS.Worksheet {
  const ws = book.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&LNämndplan&RSida &P av &N' },
  });
  ws.columns = spec.widths.map((width) => ({ width }));
  const t = ws.getCell(TITLE_ROW, 1);
  t.value = cellText(spec.title);
  t.font = { ...FONT, bold: true, size: 13 };
  const n = ws.getCell(NOTE_ROW, 1);
  n.value = cellText(spec.note);
  n.font = { ...FONT, italic: true, size: 10 };
  spec.headers.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.fill = solid(TEMPLATE_COLOURS.header);
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = {
      vertical: 'bottom',
      wrapText: true,
      horizontal: i === 0 ? 'left' : 'center',
    };
  });
  spec.rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    row.forEach((c, j) => renderCell(ws.getCell(r, j + 1), c, r === spec.sumRow));
  });
  for (const list of spec.lists) {
    for (const range of list.ranges) {
      // ExcelJS keys validations by cell; a range's cells each get the list.
      forEachCell(range, (r, c) => (ws.getCell(r, c).dataValidation = listValidation(list)));
    }
  }
  if (spec.commentRule) {
    ws.addConditionalFormatting({
      ref: spec.commentRule.range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [spec.commentRule.formula],
          style: {
            fill: {
              type: 'pattern',
              pattern: 'solid',
              bgColor: { argb: argb(TEMPLATE_COLOURS.required) },
            },
          },
        },
      ],
    });
  }
  for (const note of spec.headerNotes) ws.getCell(HEADER_ROW, note.column).note = note.text;
  return ws;
}

/** A cell the committee fills in is unlocked and light yellow; every other cell stays locked. */
function renderCell(cell: ExcelJS.Cell, spec: TemplateCell, sumRow: boolean): void {
  if (spec.formula !== undefined) cell.value = { formula: spec.formula };
  else if (spec.value !== null)
    cell.value = typeof spec.value === 'string' ? cellText(spec.value) : spec.value;
  cell.font = spec.bold ? { ...FONT, bold: true } : FONT;
  if (spec.format !== undefined) cell.numFmt = spec.format;
  cell.alignment = spec.centered
    ? { horizontal: 'center', vertical: 'top' }
    : { vertical: 'top', wrapText: true };
  if (spec.input) {
    cell.protection = { locked: false };
    cell.fill = solid(TEMPLATE_COLOURS.input);
  }
  if (sumRow) cell.border = { top: { style: 'thin' } };
}

function forEachCell(range: string, f: (row: number, col: number) => void): void {
  const { top, left, bottom, right } = parseRange(range);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) f(r, c);
}

/** Protects a sheet without a password: locked cells stay locked, the rest may be filled. */
async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
}

function listValidation(list: TemplateList): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list.values.join(',')}"`],
    showInputMessage: true,
    promptTitle: 'Välj i listan',
    prompt: list.prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ogiltigt värde',
    error: `Välj ett av: ${list.values.join(', ')}`,
  };
}
