/** Brings a source cell into view: activates its sheet and selects the cell. */

/**
 * Activates `sheet` and selects `cell` (`D10` or `B3:C4`) in one sync. A missing sheet fails the
 * sync with Office's `ItemNotFound`.
 * @example await Excel.run((ctx) => selectCell(ctx, 'Drift', 'D10'))
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
