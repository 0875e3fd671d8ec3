/** Brings a source cell into view: activates its sheet and selects the cell. */
import { ExcelHostError } from './officeErrors';

/**
 * Selects `cell` (`D10` or `B3:C4`) on `sheet`, activating the sheet first. Two syncs: the
 * sheet's visibility, then activate + select. Excel refuses both on a hidden sheet, so a hidden
 * one is said as such (`hidden-sheet`) instead of failing with a bare InvalidOperation; a
 * missing sheet fails with Office's `ItemNotFound`. Run it with `delayForCellEdit: true`.
 * @example await Excel.run({ delayForCellEdit: true }, (ctx) => selectCell(ctx, 'Drift', 'D10'))
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('visibility');
  await context.sync();
  if (ws.visibility !== 'Visible') {
    throw new ExcelHostError('hidden-sheet', null, `Sheet '${sheet}' is ${ws.visibility}`);
  }
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
