/**
 * What a file is, from its first bytes: a zip (every .xlsx is one), a Compound File (CFB: old .xls,
 * and also password-protected .xlsx, which Office wraps in CFB), or anything else.
 * Pure; works in the browser.
 */

export type FileKind = 'zip' | 'cfb' | 'empty' | 'other';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Classifies bytes by magic number: `PK\3\4` → `zip`, `D0 CF 11 E0 A1 B1 1A E1` → `cfb`. */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, CFB)) return 'cfb';
  return 'other';
}
