/**
 * The pane's settings kept in the workbook itself (`workbook.settings`, ExcelApi 1.4): saved with
 * the file, so a workbook shared in a committee carries its conventions (risk threshold, variance
 * limit) to everyone who opens it. One setting, a JSON object under SETTINGS_KEY.
 */

/** The key of our one workbook setting. */
export const SETTINGS_KEY = 'Namndplan.settings';

/**
 * Reads our setting: its value as Excel gives it back (any JSON value), or null when the
 * workbook has none. One sync.
 * @example await Excel.run((ctx) => readWorkbookSettings(ctx)) // { version: 1, riskThreshold: 16, … }
 */
export async function readWorkbookSettings(context: Excel.RequestContext): Promise<unknown> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? null : (item.value as unknown);
}

/**
 * Stores `value` as our setting (creating or replacing it). One sync; a failure rejects, so the
 * pane can say that the setting was not saved.
 */
export async function writeWorkbookSettings(
  context: Excel.RequestContext,
  value: unknown,
): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, value);
  await context.sync();
}
