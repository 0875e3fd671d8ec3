/** Bytes of files that are not readable workbooks, for the bad-input tests. */
import * as XLSX from '@e965/xlsx';

// SheetJS's CFB container API is untyped; the slice these helpers use.
interface CfbContainer {
  readonly FullPaths: string[];
}
interface CfbApi {
  utils: {
    cfb_new(): CfbContainer;
    cfb_add(c: CfbContainer, name: string, content: Uint8Array): void;
  };
  write(c: CfbContainer, opts: { type: 'buffer'; fileType?: 'zip' }): Buffer;
}
const CFB = XLSX.CFB as CfbApi;

/** A real BIFF8 .xls (the pre-2007 format), written by SheetJS. */
export function oldXls(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Område', 'Budget'],
      ['A', 1],
    ]),
    'Blad1',
  );
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

/**
 * A Compound File shaped like a password-protected .xlsx: the `EncryptionInfo` and
 * `EncryptedPackage` streams Office writes (their contents are dummies).
 */
export function encryptedLikeCfb(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(64));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }));
}

/** A zip holding only a text file: a zip, but no workbook (like a renamed .docx). */
export function plainZip(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'hej.txt', Buffer.from('hej'));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer', fileType: 'zip' }));
}
