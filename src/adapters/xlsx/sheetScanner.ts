/**
 * Reads a worksheet part's cells straight from its bytes, chunk by chunk, with `indexOf`-style
 * loops over char codes: no XML events, no string per tag, a string only for a text cell's value.
 * Each `<c>` is read by `CellScanner` as `SheetCells` reads the XML parser's events, so as SheetJS
 * reads the cell, into the same `SnapshotBuilder`; here, the rows around the cells, and what comes
 * before and after them. Only the shapes spreadsheet writers produce are read: rows of cells
 * holding `<v>`, `<f>` and `<is>`, attributes in single spaces, names in ASCII. Anything else
 * (a comment, a date cell `t="d"`, a reference SheetJS garbles, a tag it would split otherwise
 * than a parser) is refused with `NotScanned`, and the caller reads the part with the XML parser,
 * as before: so the scanner decides nothing the general reader would decide otherwise.
 *
 * What lies outside the cells is checked by saxes itself: the markup before `<sheetData>`, and
 * after `</sheetData>` the rest of its chunk, as much as the general reader parses. The merged
 * areas are read from the XML after the cells with SheetJS's pattern (`readMerges`).
 */
import { SaxesParser } from 'saxes';
import type { SheetSnapshot } from '../../domain/grid';
import { NotStreamableError } from '../../errors';
import { ByteWindow } from './byteWindow';
import { CellScanner } from './cellScanner';
import type { SheetXmlContext } from './sheetCells';
import { readMerges } from './sheetTail';
import { asciiDigits, INCOMPLETE, isSpace, NotScanned, refuse, utf8, XmlBytes } from './xmlBytes';

// Char codes, here rather than imported: a loader's getters for another module's exports (tsx,
// jest) must not sit in the hot loops.
const CR = 13;
const AMP = 38;
const SLASH = 47;
const LT = 60;
const GT = 62;

const HEAD = 0;
const CELLS = 1;
const DONE = 2;
/** After `<sheetData/>`: no cells, and SheetJS looks for merges in the whole part. */
const NO_CELLS = 3;

const EMPTY = new Uint8Array(0);
/** Bytes before a chunk looked at again for a character reference cut by its start. */
const REFERENCE_OVERLAP = 16;
const CHAR_REF = /^&#(?:x([0-9a-fA-F]+)|([0-9]+));/;

/**
 * Reads one worksheet part fed as chunks of bytes (split anywhere, even inside a character).
 *
 * @example const s = new SheetScanner(context, 'Drift'); s.push(chunk); …; s.finish().values
 */
export class SheetScanner {
  private readonly window = new ByteWindow();
  private readonly x = new XmlBytes(EMPTY, 0, 0x7f);
  private readonly cells: CellScanner;
  private phase = HEAD;
  private firstChunk = true;
  /** The window is scanned again once it holds this many bytes (a long piece waits for its end). */
  private retryLength = 0;
  /** Where the head starts, where its XML starts (after a byte order mark), where its scan is. */
  private headStart = -1;
  private documentStart = -1;
  private headAt = -1;
  private validator: SaxesParser<{ xmlns: false; position: false }> | null = null;
  private validationFailure: string | null = null;
  /** UTF-8 of what saxes is given chunk by chunk, once there are no cells. */
  private readonly decoder = new TextDecoder('utf-8');
  private sheetDataName: Uint8Array = EMPTY;
  private rowName: Uint8Array = EMPTY;
  private inRow = false;
  private rowElements = 0;
  /** The part's bytes after `</sheetData>`. */
  private readonly tail: Uint8Array[] = [];

  constructor(
    private readonly context: SheetXmlContext,
    private readonly sheet = '',
  ) {
    this.cells = new CellScanner(this.x, context, sheet);
  }

  /** Takes the part's next bytes and reads as far as they go. */
  push(chunk: Uint8Array): void {
    if (this.phase === DONE) {
      this.tail.push(chunk);
      return;
    }
    if (this.phase === NO_CELLS) {
      // With the last bytes before it, for a reference cut by the chunk's start.
      const last = this.tail[this.tail.length - 1] ?? EMPTY;
      const seam = last.subarray(Math.max(0, last.length - REFERENCE_OVERLAP));
      const joined = new Uint8Array(seam.length + chunk.length);
      joined.set(seam);
      joined.set(chunk, seam.length);
      this.checkChunk(joined, 0, joined.length);
      this.tail.push(chunk);
      this.validateText(this.decoder.decode(chunk, { stream: true }));
      return;
    }
    if (this.firstChunk) {
      this.firstChunk = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        refuse('UTF-16');
      }
    }
    const w = this.window;
    const moved = w.append(chunk);
    if (this.phase === HEAD && this.headStart >= 0) {
      this.headStart -= moved;
      this.documentStart -= moved;
      this.headAt -= moved;
    }
    this.checkChunk(w.data, Math.max(w.start, w.end - chunk.length - REFERENCE_OVERLAP), w.end);
    if (w.end - w.start >= this.retryLength) this.scan();
  }

  /** The part has ended: its cells and merged areas. */
  finish(): Pick<SheetSnapshot, 'values' | 'formats' | 'merges' | 'errors'> {
    if (this.phase === NO_CELLS) {
      this.validateText(this.decoder.decode());
      this.validator?.close(); // the whole part was parsed: it must not end too soon
      if (this.validationFailure !== null) refuse(`XML: ${this.validationFailure}`);
    } else if (this.phase !== DONE) {
      this.retryLength = 0;
      this.scan();
      if (this.phase !== DONE) refuse('the part ends before </sheetData>');
    }
    let after: string;
    if (this.tail.length === 1) {
      const only = this.tail[0]!;
      after = utf8(only, 0, only.length);
    } else {
      let length = 0;
      for (const piece of this.tail) length += piece.length;
      const all = new Uint8Array(length);
      let at = 0;
      for (const piece of this.tail) {
        all.set(piece, at);
        at += piece.length;
      }
      after = utf8(typeof Buffer === 'function' ? Buffer.from(all.buffer) : all, 0, length);
    }
    let merges: string[];
    try {
      merges = readMerges(after);
    } catch (error) {
      // Whatever the general reader does about it, it decides.
      if (error instanceof NotStreamableError) throw new NotScanned(error.reason);
      throw error;
    }
    return { ...this.cells.grid.build(), merges };
  }

  /**
   * What the general reader checks in every chunk before it parses it: a raw carriage return
   * (then a line break in text may read otherwise) and a character reference above U+007F.
   */
  private checkChunk(data: Uint8Array, from: number, to: number): void {
    const view = data.subarray(from, to);
    if (!this.cells.sawCarriageReturn && view.indexOf(CR) >= 0) this.cells.sawCarriageReturn = true;
    for (let i = view.indexOf(AMP); i >= 0; i = view.indexOf(AMP, i + 1)) {
      if (view[i + 1] !== 35) continue;
      let text = '';
      for (let k = i; k < Math.min(view.length, i + 16); k++) text += String.fromCharCode(view[k]!);
      const m = CHAR_REF.exec(text);
      if (m && (m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2])) > 0x7f) {
        refuse('a character reference above U+007F');
      }
    }
  }

  /** Reads everything complete in the window. */
  private scan(): void {
    const w = this.window;
    const x = this.x;
    x.data = w.data;
    x.end = w.end;
    if (this.phase === HEAD && !this.scanHead()) {
      this.retryLength = this.headAt < 0 ? 0 : 2 * (w.end - this.headAt);
      return;
    }
    const d = w.data;
    const end = w.end;
    let p = w.start;
    while (this.phase === CELLS) {
      while (p < end && isSpace(d[p])) p++;
      if (p + 1 >= end) break;
      if (d[p] !== LT) refuse('text among the rows');
      const next =
        d[p + 1] === SLASH ? this.endTag(p) : this.inRow ? this.cells.cell(p) : this.row(p);
      if (next === INCOMPLETE) break;
      p = next;
    }
    if (this.phase !== CELLS) return;
    w.consume(p);
    this.retryLength = 2 * (end - p);
  }

  /**
   * Finds `<sheetData>` among the markup before it and has saxes check that markup. True once
   * found (the window then starts at the first row).
   */
  private scanHead(): boolean {
    const w = this.window;
    const x = this.x;
    const d = w.data;
    const end = w.end;
    if (this.headStart < 0) {
      if (w.start + 3 > end) return false;
      this.headStart = w.start;
      const bom = d[w.start] === 0xef && d[w.start + 1] === 0xbb && d[w.start + 2] === 0xbf;
      this.documentStart = bom ? w.start + 3 : w.start;
      this.headAt = this.documentStart;
    }
    let p = this.headAt;
    for (;;) {
      while (p < end && d[p] !== LT) p++;
      this.headAt = p;
      if (p + 1 >= end) return false;
      const c = d[p + 1];
      if (c === 63) {
        // `<?`: only the XML declaration, first in the part.
        if (p !== this.documentStart) refuse('a processing instruction');
        const close = this.find2(p + 2, 63, GT);
        if (close === INCOMPLETE) return false;
        p = close;
      } else if (c === 33) {
        refuse('a comment or declaration before the cells');
      } else if (c === SLASH) {
        while (p < end && d[p] !== GT) p++;
        if (p >= end) return false;
        p++;
      } else {
        const after = x.openTag(p);
        if (after === INCOMPLETE) return false;
        const local = x.localStart;
        if (x.nameEnd - local >= 9 && x.localIs(local, local + 9, 'sheetData')) {
          if (x.nameEnd - local > 9) refuse('an element SheetJS takes for sheetData');
          this.sheetDataName = copyOf(d, x.nameStart, x.nameEnd);
          this.validate(this.headStart, after);
          if (x.selfClosing) {
            // No cells: the rest of the part is parsed, and kept whole for the merges.
            this.phase = NO_CELLS;
            this.validate(after, completeUtf8(d, after, end));
            this.decoder.decode(d.subarray(completeUtf8(d, after, end), end), { stream: true });
            this.tail.push(copyOf(d, this.headStart, end));
            return true;
          }
          this.phase = CELLS;
          w.consume(after);
          return true;
        }
        p = after;
      }
    }
  }

  /** The position after the first `a` `b` pair from `at`. */
  private find2(at: number, a: number, b: number): number {
    const { data, end } = this.window;
    for (let p = at; p + 1 < end; p++) if (data[p] === a && data[p + 1] === b) return p + 2;
    return INCOMPLETE;
  }

  /** Has saxes parse `[from, to)` of the part, continuing what it parsed before. */
  private validate(from: number, to: number, prefix = ''): void {
    this.validateText(prefix + utf8(this.window.data, from, to));
  }

  /** Has saxes parse `text`, continuing what it parsed before. */
  private validateText(text: string): void {
    if (!this.validator) {
      const parser = new SaxesParser<{ xmlns: false; position: false }>({
        xmlns: false,
        position: false,
      });
      parser.on('error', (error) => {
        this.validationFailure ??= error.message;
      });
      this.validator = parser;
    }
    this.validator.write(text);
    if (this.validationFailure !== null) refuse(`XML: ${this.validationFailure}`);
  }

  /** `</row>` or `</sheetData>`. */
  private endTag(at: number): number {
    const x = this.x;
    if (this.inRow) {
      const after = x.closeTagNamed(at, this.rowName);
      if (after !== INCOMPLETE) this.inRow = false;
      return after;
    }
    const after = x.closeTagNamed(at, this.sheetDataName);
    if (after === INCOMPLETE) return INCOMPLETE;
    // The general reader parsed on to the end of this chunk: as much is checked here.
    const w = this.window;
    const chunkEnd = completeUtf8(w.data, after, w.chunkEndAfter(after));
    this.validate(after, chunkEnd, utf8(w.data, at, after));
    this.phase = DONE;
    this.tail.push(copyOf(w.data, after, w.end));
    return after;
  }

  /** `<row …>` or `<row …/>`. */
  private row(at: number): number {
    const x = this.x;
    const after = x.openTag(at);
    if (after === INCOMPLETE) return INCOMPLETE;
    if (!x.isLocal('row')) refuse('an element among the rows');
    const d = x.data;
    const a = x.attributes;
    let r = -1;
    for (let i = 0; i < x.attributeCount; i++) {
      const nameStart = a[4 * i]!;
      const nameEnd = a[4 * i + 1]!;
      if (nameEnd - nameStart === 1 && d[nameStart] === 114) {
        r = asciiDigits(d, a[4 * i + 2]!, a[4 * i + 3]!);
        if (r < 0) refuse('an unusual row number');
      } else if (this.sheetjsKeyIsR(nameStart, nameEnd)) {
        refuse('an attribute SheetJS reads as r');
      }
    }
    this.context.budget?.rows(this.sheet, ++this.rowElements);
    // SheetJS skips `<row/>`: it neither counts it nor reads its number.
    if (x.selfClosing) return after;
    this.cells.startRow(r >= 0 ? r : null);
    this.inRow = true;
    const name = this.rowName;
    if (name.length !== x.nameEnd - x.nameStart || !sameAt(d, x.nameStart, name)) {
      this.rowName = copyOf(d, x.nameStart, x.nameEnd);
    }
    return after;
  }

  /** Would SheetJS's `parsexmltag` file this attribute (`x:r`, `R`, `r_1`) under `r`? */
  private sheetjsKeyIsR(start: number, end: number): boolean {
    const d = this.x.data;
    // The key is what follows a colon, else what precedes an `_` (not first): `r` either way.
    if (end - start === 1) return (d[start]! | 0x20) === 114;
    const endsInR = (d[end - 1]! | 0x20) === 114 && d[end - 2] === 58;
    if (endsInR) return d.subarray(start, end - 2).indexOf(58) < 0;
    if ((d[start]! | 0x20) !== 114 || d[start + 1] !== 95) return false;
    for (let p = start; p < end; p++) if (d[p] === 58) return false;
    return true;
  }
}

/** A copy of `[start, end)` (a Buffer's `slice` would be a view of memory the window reuses). */
function copyOf(d: Uint8Array, start: number, end: number): Uint8Array {
  const copy = new Uint8Array(end - start);
  copy.set(d.subarray(start, end));
  return copy;
}

function sameAt(d: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let i = 0; i < name.length; i++) if (d[at + i] !== name[i]) return false;
  return true;
}

/** `end`, or less so as not to cut a UTF-8 character that continues past it. */
function completeUtf8(d: Uint8Array, start: number, end: number): number {
  for (let p = end - 1; p >= start && p >= end - 3; p--) {
    const c = d[p]!;
    if (c < 0x80) return end;
    if (c >= 0xc0) {
      const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return p + length > end ? p : end;
    }
  }
  return end;
}
