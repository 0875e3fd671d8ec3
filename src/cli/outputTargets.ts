/**
 * Where an output path (`--json`, `--out`) leads, decided before anything is read or written, so
 * that a run that cannot write its outputs fails before it starts and nothing but a regular file
 * (or a new one) is ever replaced:
 *
 * - a regular file, or a path where nothing is yet: written atomically (a temporary file beside
 *   it, then renamed over it); a symbolic link is followed and the file it names replaced;
 * - a character device (`/dev/null`, a terminal) or a named pipe, and anything under `/dev/` or
 *   `/proc/` (`/dev/stdout`, `/dev/fd/3`): written to as a stream, never replaced;
 *   `/dev/stdout` is standard output itself, as `-`;
 * - a read-only file, a directory, a block device, a socket, a link to nothing: refused
 *   (`OutputWriteError`, exit 1), before the input is read.
 */
import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputWriteError } from '../errors';

/** An output's target, with what was there when it was decided. */
export type OutputTarget =
  | { readonly kind: 'stdout'; readonly path: string }
  | { readonly kind: 'stream'; readonly path: string }
  | {
      readonly kind: 'file';
      readonly path: string;
      /** The path written: the link's target for a symbolic link. */
      readonly real: string;
      /** The file there now (replaced), or `null` for a new one. */
      readonly existing: Stats | null;
    };

/** Paths that are standard output itself. */
const STDOUT = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** True for `-` and the paths that are standard output itself (`/dev/stdout`). */
export function isStdout(path: string): boolean {
  return path === '-' || STDOUT.has(resolve(path));
}

/**
 * Decides where `path` leads. `-` and `/dev/stdout` are standard output.
 *
 * @example await outputTarget('rapport.json') // → { kind: 'file', path, real, existing: null }
 * @throws OutputWriteError with a Swedish reason for a target that must not be written.
 */
export async function outputTarget(path: string): Promise<OutputTarget> {
  const absolute = resolve(path);
  // Written to the process's own standard output, which may be a socket no path can open.
  if (isStdout(path)) return { kind: 'stdout', path };
  let info: Stats | null;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new OutputWriteError(path, writeFailure(error));
    // A link whose target does not exist is not followed: nothing but a new path is made.
    if (await isLink(path))
      throw new OutputWriteError(path, 'länken pekar på något som inte finns');
    await checkDirectory(path);
    return { kind: 'file', path, real: absolute, existing: null };
  }
  if (info.isDirectory()) throw new OutputWriteError(path, 'det är en mapp');
  if (/^\/(?:dev|proc)\//.test(absolute) || info.isCharacterDevice() || info.isFIFO()) {
    if (info.isBlockDevice()) throw new OutputWriteError(path, 'det är en blockenhet');
    return { kind: 'stream', path };
  }
  if (!info.isFile()) throw new OutputWriteError(path, 'det är ingen vanlig fil');
  const real = await realpath(path);
  if (await isReadOnly(real, info)) throw new OutputWriteError(path, 'filen är skrivskyddad');
  return { kind: 'file', path, real, existing: info };
}

/**
 * True when two paths name the same file (a link, a hard link, `./a` and `a`); false when either
 * does not exist yet and their paths differ.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

async function isLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A new file needs an existing directory we may write in. */
async function checkDirectory(path: string): Promise<void> {
  const dir = dirname(resolve(path));
  let info: Stats;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new OutputWriteError(path, writeFailure(error));
  }
  if (!info.isDirectory()) throw new OutputWriteError(path, 'mappen finns inte');
  try {
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new OutputWriteError(path, writeFailure(error));
  }
}

/** No write permission for us, or none for anyone (which root would ignore). */
async function isReadOnly(path: string, info: Stats): Promise<boolean> {
  if ((info.mode & 0o222) === 0) return true;
  try {
    await access(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * A write failure's reason in Swedish. Example: `writeFailure({ code: 'ENOSPC' })` → 'disken är full'.
 */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'mappen finns inte';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    case 'EISDIR':
      return 'det är en mapp';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disken är full';
    case 'EROFS':
      return 'filsystemet är skrivskyddat';
    case 'EPIPE':
      return 'mottagaren slutade läsa';
    case 'ENAMETOOLONG':
      return 'namnet är för långt';
    case 'ENXIO':
      return 'ingen tar emot det som skrivs';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
