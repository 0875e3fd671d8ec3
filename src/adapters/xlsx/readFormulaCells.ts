/**
 * The formulas of a workbook's cells, which the engine's grid (cached values) does not hold, for
 * the check of the product's own templates: whether Avvikelse, Summa or Riskvärde still holds its
 * formula or a number typed over it (`checkTemplate`). Read with ExcelJS, only for the sheets
 * asked for, and only for a template (the CLI asks once the marker is seen), so the readers'
 * snapshot and its budgets stay as they are for every other workbook.
 */
import ExcelJS from 'exceljs';
import type { FormulaCells } from '../../domain/report';

/**
 * Sheet name → A1 address → formula text (without `=`), for the sheets named in `sheets`; a
 * shared formula's other cells included.
 *
 * @example (await readFormulaCells(bytes, ['Uppföljning drift'])).get('Uppföljning drift')?.get('E5')
 *   // → 'IF(OR(B5="",D5=""),"",B5-D5)'
 */
export async function readFormulaCells(
  bytes: Uint8Array,
  sheets: readonly string[],
): Promise<FormulaCells> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const out = new Map<string, Map<string, string>>();
  for (const name of sheets) {
    const ws = book.getWorksheet(name);
    if (!ws) continue;
    const cells = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula as string | undefined;
        cells.set(cell.address, formula ?? '');
      });
    });
    out.set(name, cells);
  }
  return out;
}
