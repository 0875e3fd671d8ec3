// The engine's public surface: what adapters, the CLI and the task pane may use.
export { analyzeWorkbook } from './analyze';
export type { CellValue, SheetSnapshot, WorkbookSnapshot } from './grid';
export { address, columnLetters, parseAddress, parseRange } from './grid';
export type * from './report';
