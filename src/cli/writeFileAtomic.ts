/**
 * Writes a file so that it is either wholly there or not changed at all: the bytes go to a
 * temporary file in the same directory, which is then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputWriteError } from '../errors';

/**
 * Writes `data` to `path` atomically (same-directory temp file + rename).
 *
 * @throws OutputWriteError with a Swedish reason; no temp file is left behind.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new OutputWriteError(path, reasonOf(error));
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'mappen finns inte';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    case 'EISDIR':
      return 'det är en mapp';
    case 'ENOSPC':
      return 'disken är full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
