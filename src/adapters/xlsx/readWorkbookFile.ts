/**
 * Reads a workbook file from disk (Node only; the browser uses `readWorkbook` on bytes).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { readWorkbook } from './readWorkbook';

/**
 * Reads the file at `path` into a `WorkbookSnapshot` named after the file (`plan.xlsx`).
 * The file is only read, never modified.
 *
 * @throws UnreadableWorkbookError `not-found` when there is no such file, `not-a-workbook` for a
 *   directory, and whatever `readWorkbook` throws for the bytes.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UnreadableWorkbookError(name, 'not-found');
    if (code === 'EISDIR') throw new UnreadableWorkbookError(name, 'not-a-workbook', 'en mapp');
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UnreadableWorkbookError(name, 'no-access');
    }
    throw error;
  }
  return readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}
