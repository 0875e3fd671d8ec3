/**
 * Reads a worksheet part's cells straight from its bytes, chunk by chunk, with `indexOf`-style
 * loops over char codes: no XML events, no string per tag, a string only for a text cell's value.
 * It reads each `<c>` as `SheetCells` reads the XML parser's events (so as SheetJS reads the cell),
 * into the same `SnapshotBuilder`, but only the shapes spreadsheet writers produce: rows of cells
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
import { NotStreamableError } from '../../errors';
import type { CellValue, SheetSnapshot } from '../../domain/grid';
import { ByteWindow } from './byteWindow';
import { RichTextReader } from './richText';
import { formulaReachesLeftOfA, type SheetXmlContext } from './sheetCells';
import { readCellText, readStrCell } from './sheetjsReadings';
import { readMerges } from './sheetTail';
import { errorText, isDateFormatCode, SnapshotBuilder, textValue } from './snapshotBuilder';
import {
  HAS_REFERENCE,
  INCOMPLETE,
  isSpace,
  LINE_BREAK,
  NotScanned,
  refuse,
  UNDERSCORE,
  utf8,
  XmlBytes,
} from './xmlBytes';

// Char codes, here rather than imported: a loader's getters for another module's exports (tsx,
// jest) must not sit in the hot loops.
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const AMP = 38;
const APOS = 39;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;

/** Text flags under which SheetJS's readings (`_x000D_` escapes, entities, CRLF) may change it. */
const ESCAPABLE = HAS_REFERENCE | UNDERSCORE | LINE_BREAK;

const HEAD = 0;
const CELLS = 1;
const DONE = 2;
/** After `<sheetData/>`: no cells, and SheetJS looks for merges in the whole part. */
const NO_CELLS = 3;

// A cell's type `t`: absent, `""` and `n` read alike.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
/** A type SheetJS does not know (`t="x"`): no value. */
const T_OTHER = 6;

// A formula's type `t`.
const F_NORMAL = 0;
const F_SHARED = 1;
const F_ARRAY = 2;

// The attributes of a cell, as bits.
const A_R = 1;
const A_S = 2;
const A_T = 4;
const A_CM = 8;
const A_VM = 16;
const A_PH = 32;

const EMPTY = new Uint8Array(0);
const UNSET = Symbol('unset');
/** Bytes before a chunk looked at again for a character reference cut by its start. */
const REFERENCE_OVERLAP = 16;
const CHAR_REF = /^&#(?:x([0-9a-fA-F]+)|([0-9]+));/;
/** Attributes a formula may have (a `t="shared"` anywhere else would read otherwise in SheetJS). */
const FORMULA_ATTRIBUTES = new Set([
  't',
  'ref',
  'si',
  'ca',
  'aca',
  'dt2D',
  'dtr',
  'del1',
  'del2',
  'r1',
  'r2',
  'bx',
]);
/** 10^0 … 10^22: every one exact as a double. */
const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Reads one worksheet part fed as chunks of bytes (split anywhere, even inside a character).
 *
 * @example const s = new SheetScanner(context, 'Drift'); s.push(chunk); …; s.finish().values
 */
export class SheetScanner {
  private readonly grid: SnapshotBuilder;
  private readonly window = new ByteWindow();
  private readonly x = new XmlBytes(EMPTY, 0, 0x7f);
  private readonly rich = new RichTextReader(this.x);
  private phase = HEAD;
  private firstChunk = true;
  /** A raw carriage return came in a chunk, which a parser would have made a line feed. */
  private sawCarriageReturn = false;
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
  private rowNumber = 0;
  private rowElements = 0;
  private column = -1;
  /** By style index + 1: its `z` (`UNSET` until asked), and whether that is a date format (1). */
  private readonly formats: unknown[];
  private readonly isDate: Uint8Array;
  /** First cells of shared formulas by `si`: their column and formula. */
  private readonly sharedFormulas = new Map<number, { col: number; formula: string }>();
  /** The part's bytes after `</sheetData>`. */
  private readonly tail: Uint8Array[] = [];

  constructor(
    private readonly context: SheetXmlContext,
    private readonly sheet = '',
  ) {
    const { budget } = context;
    this.grid = new SnapshotBuilder(context.date1904, budget && { budget, sheet });
    // One slot more than there are styles, for a cell without `s`; an index past them reads
    // the format afresh each time.
    const styles = (context.cellXfs?.length ?? 0) + 2;
    this.formats = new Array<unknown>(styles).fill(UNSET);
    this.isDate = new Uint8Array(styles);
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
    return { ...this.grid.build(), merges };
  }

  /**
   * What the general reader checks in every chunk before it parses it: a raw carriage return
   * (then a line break in text may read otherwise) and a character reference above U+007F.
   */
  private checkChunk(data: Uint8Array, from: number, to: number): void {
    const view = data.subarray(from, to);
    if (!this.sawCarriageReturn && view.indexOf(CR) >= 0) this.sawCarriageReturn = true;
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
      const next = d[p + 1] === SLASH ? this.endTag(p) : this.inRow ? this.cell(p) : this.row(p);
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
        r = this.digits(a[4 * i + 2]!, a[4 * i + 3]!);
        if (r < 0) refuse('an unusual row number');
      } else if (this.sheetjsKeyIsR(nameStart, nameEnd)) {
        refuse('an attribute SheetJS reads as r');
      }
    }
    this.context.budget?.rows(this.sheet, ++this.rowElements);
    // SheetJS skips `<row/>`: it neither counts it nor reads its number.
    if (x.selfClosing) return after;
    this.rowNumber = r >= 0 ? r : this.rowNumber + 1;
    this.column = -1;
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

  /** One `<c>` through its end; stored when complete, else nothing changes. */
  private cell(at: number): number {
    const x = this.x;
    const d = x.data;
    const end = x.end;
    let p = x.name(at + 1);
    if (p === INCOMPLETE) return INCOMPLETE;
    const nameStart = at + 1;
    const nameEnd = p;
    if (nameEnd - x.nameLocal !== 1 || d[nameEnd - 1] !== 99) refuse('an element in a row');
    this.simpleEnd = -1;
    // The attributes, read in place: r, s, t, and cm, vm, ph (which say nothing here).
    let seen = 0;
    let row = -1;
    let col = -1;
    let style = -1;
    let type = T_NUMBER;
    let selfClosing = false;
    for (;;) {
      if (p >= end) return INCOMPLETE;
      let c = d[p]!;
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= end) return INCOMPLETE;
        if (d[p + 1] !== GT) refuse('/ without >');
        selfClosing = true;
        p += 2;
        break;
      }
      if (c !== SPACE) refuse('no space before an attribute');
      while (c === SPACE) {
        if (++p >= end) return INCOMPLETE;
        c = d[p]!;
      }
      if (c === GT || c === SLASH) continue;
      if (p + 3 >= end) return INCOMPLETE;
      let which: number;
      if (d[p + 1] === EQUALS) {
        which = c === 114 ? A_R : c === 115 ? A_S : c === 116 ? A_T : 0;
        p += 2;
      } else if (d[p + 2] === EQUALS) {
        const c2 = d[p + 1];
        which =
          c === 99 && c2 === 109
            ? A_CM
            : c === 118 && c2 === 109
              ? A_VM
              : c === 112 && c2 === 104
                ? A_PH
                : 0;
        p += 3;
      } else {
        which = 0;
      }
      if (which === 0) refuse('an unusual cell attribute');
      if ((seen & which) !== 0) refuse('a duplicate attribute');
      seen |= which;
      const quote = d[p];
      if (quote !== QUOTE && quote !== APOS) refuse('an unusual attribute value');
      const valueStart = ++p;
      if (which === A_R) {
        // Letters then digits, as Excel writes it (SheetJS reads `a3` or `$A$3` otherwise).
        let letters = 0;
        while (p < end && (c = d[p]!) >= 65 && c <= 90) {
          letters = 26 * letters + c - 64;
          p++;
        }
        const digitStart = p;
        let number = 0;
        while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
          number = 10 * number + c;
          p++;
        }
        if (p >= end) return INCOMPLETE;
        const l = digitStart - valueStart;
        const n = p - digitStart;
        if (l === 0 || l > 3 || n === 0 || n > 9) refuse('an unusual cell reference');
        col = letters - 1;
        row = number - 1;
      } else if (which === A_S) {
        let number = 0;
        while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
          number = 10 * number + c;
          p++;
        }
        if (p >= end) return INCOMPLETE;
        const n = p - valueStart;
        if (n === 0 || n > 9 || (d[valueStart] === 48 && n > 1)) refuse('an unusual style index');
        style = number;
      } else {
        while (p < end && isAlphanumeric(d[p]!)) p++;
        if (p >= end) return INCOMPLETE;
        if (which === A_T) type = cellType(d, valueStart, p);
      }
      if (d[p] !== quote) refuse('an unusual attribute value');
      p++;
      if (p >= end) return INCOMPLETE;
      c = d[p]!;
      if (c !== SPACE && c !== GT && c !== SLASH) refuse('attributes without space');
    }
    const hasRef = (seen & A_R) !== 0;
    let vStart = -1;
    let vEnd = -1;
    let vFlags = 0;
    let vCount = 0;
    let formula = false;
    let formulaEmpty = false;
    let formulaType = F_NORMAL;
    let formulaSi = -1;
    let formulaRef = false;
    let fStart = -1;
    let fEnd = -1;
    let fFlags = 0;
    let inline = false;
    if (!selfClosing) {
      for (;;) {
        while (p < end && isSpace(d[p])) p++;
        if (p + 2 >= end) return INCOMPLETE;
        if (d[p] !== LT) refuse('text in a cell');
        const next = d[p + 1];
        if (next === SLASH) {
          p = x.closeTag(p, nameStart, nameEnd);
          if (p === INCOMPLETE) return INCOMPLETE;
          break;
        }
        if (next === 118 && d[p + 2] === GT) {
          // `<v>`, as almost every cell has it.
          if (vCount++ > 0) refuse('two <v> in a cell');
          vStart = p + 3;
          vEnd = type === T_NUMBER || type === T_SHARED ? this.numberText(vStart) : x.text(vStart);
          if (vEnd === INCOMPLETE) return INCOMPLETE;
          vFlags = vEnd === this.simpleEnd ? 0 : x.textFlags;
          p =
            vEnd + 3 < end && d[vEnd + 1] === SLASH && d[vEnd + 2] === 118 && d[vEnd + 3] === GT
              ? vEnd + 4
              : x.closeTag(vEnd, p + 1, p + 2);
          if (p === INCOMPLETE) return INCOMPLETE;
          continue;
        }
        const q = x.openTag(p);
        if (q === INCOMPLETE) return INCOMPLETE;
        const tagStart = x.nameStart;
        const tagEnd = x.nameEnd;
        if (x.isLocal('v')) {
          if (vCount++ > 0) refuse('two <v> in a cell');
          if (x.selfClosing) {
            p = q;
            continue;
          }
          const textEnd = x.text(q);
          if (textEnd === INCOMPLETE) return INCOMPLETE;
          vStart = q;
          vEnd = textEnd;
          vFlags = x.textFlags;
          p = x.closeTag(textEnd, tagStart, tagEnd);
        } else if (x.isLocal('f')) {
          if (formula) refuse('two <f> in a cell');
          formula = true;
          const a = x.attributes;
          for (let i = 0; i < x.attributeCount; i++) {
            const name = latin1(d, a[4 * i]!, a[4 * i + 1]!);
            const vs = a[4 * i + 2]!;
            const ve = a[4 * i + 3]!;
            if (!FORMULA_ATTRIBUTES.has(name)) refuse('an unusual formula attribute');
            if (name === 't') {
              // SheetJS looks for `t="shared"` in the tag's text.
              if (d[vs - 1] !== QUOTE) refuse('a formula type in single quotes');
              const t = latin1(d, vs, ve);
              formulaType = t === 'shared' ? F_SHARED : t === 'array' ? F_ARRAY : F_NORMAL;
            } else if (name === 'si') {
              formulaSi = this.digits(vs, ve);
              if (formulaSi < 0 || (d[vs] === 48 && ve - vs > 1)) refuse('an unusual si');
            } else if (name === 'ref') {
              formulaRef = ve > vs;
            }
          }
          if (x.selfClosing) {
            formulaEmpty = true;
            p = q;
            continue;
          }
          const textEnd = x.text(q);
          if (textEnd === INCOMPLETE) return INCOMPLETE;
          fStart = q;
          fEnd = textEnd;
          fFlags = x.textFlags;
          if (hasFormulaType(d, fStart, fEnd)) refuse('t=" in a formula');
          p = x.closeTag(textEnd, tagStart, tagEnd);
        } else if (x.isLocal('is')) {
          if (inline) refuse('two <is> in a cell');
          inline = true;
          if (x.selfClosing) {
            this.rich.clear();
            p = q;
            continue;
          }
          p = this.rich.read(q, tagStart, tagEnd);
        } else {
          refuse('an unusual element in a cell');
        }
        if (p === INCOMPLETE) return INCOMPLETE;
      }
    }
    // SheetJS places a cell by the first `r="…"` in its XML: without an r of its own, there
    // must be none.
    if (!hasRef && hasRAttribute(d, at, p)) refuse('r= in a cell without r');

    // Complete: from here on the cell is read.
    if (hasRef) {
      this.column = col;
    } else {
      col = ++this.column;
      row = this.rowNumber - 1;
    }
    if (formula) {
      if (formulaEmpty || fStart === fEnd) {
        if (formulaEmpty || formulaType === F_SHARED) this.checkSharedFormula(col, formulaSi);
      } else if (formulaType === F_ARRAY) {
        if (!formulaRef) refuse('array formula without ref');
      } else if (formulaType === F_SHARED && formulaSi >= 0) {
        const text = readCellText(x.decode(fStart, fEnd, fFlags));
        this.sharedFormulas.set(formulaSi, { col, formula: text });
      }
    }
    this.store(row, col, style, type, vStart, vEnd, vFlags, inline);
    return p;
  }

  /** SheetJS's reading of the cell (`SheetCells.closeCell`); a cell it skips is not stored. */
  private store(
    row: number,
    col: number,
    style: number,
    type: number,
    vStart: number,
    vEnd: number,
    vFlags: number,
    inline: boolean,
  ): void {
    const x = this.x;
    const hasV = vEnd > vStart;
    let value: CellValue;
    switch (type) {
      case T_NUMBER: {
        if (!hasV) return;
        const n = vEnd === this.simpleEnd ? this.simpleValue : this.number(vStart, vEnd, vFlags);
        const z = this.formatOf(style);
        // `SnapshotBuilder.number`, asked only where the format may make the number a date.
        value = this.isDateStyle(style) ? this.grid.number(n, z) : Number.isFinite(n) ? n : null;
        this.grid.set(row, col, value, z);
        return;
      }
      case T_SHARED: {
        if (!hasV) return;
        let index = vFlags === 0 ? this.digits(vStart, vEnd) : -1;
        if (index < 0) index = parseInt(readCellText(x.decode(vStart, vEnd, vFlags)), 10);
        const shared = this.context.strings[index];
        if (shared == null) refuse('shared string index out of range');
        value = textValue(shared.t);
        break;
      }
      case T_STR: {
        this.checkLines(vFlags);
        if (!hasV) {
          value = null;
          break;
        }
        const text = x.decode(vStart, vEnd, vFlags);
        // Without a reference, an `_` or a line break, SheetJS's readings leave the text as it is.
        value = textValue((vFlags & ESCAPABLE) === 0 ? text : readStrCell(text));
        break;
      }
      case T_INLINE: {
        const text = inline ? this.rich.text() : null;
        if (text === null) {
          value = null;
        } else {
          const flags = this.rich.flags();
          this.checkLines(flags);
          value = textValue((flags & ESCAPABLE) === 0 ? text : crlfAsLf(readCellText(text)));
        }
        break;
      }
      case T_BOOLEAN: {
        const text = hasV ? readCellText(x.decode(vStart, vEnd, vFlags)) : undefined;
        value = text === '1' || text === 'true';
        break;
      }
      case T_ERROR:
        this.grid.error(
          row,
          col,
          errorText(hasV ? readCellText(x.decode(vStart, vEnd, vFlags)) : undefined),
          this.formatOf(style),
        );
        return;
      default:
        value = null;
    }
    this.grid.set(row, col, value, this.formatOf(style));
  }

  /** Where the last `numberText` found a plain decimal ended (-1: none), and its value. */
  private simpleEnd = -1;
  private simpleValue = 0;

  /**
   * The `<v>` text from `at` to its `<`: a plain decimal (`-2803`, `0.92`) read as it is scanned,
   * else checked by `text`. Returns the position of the `<`.
   */
  private numberText(at: number): number {
    const d = this.x.data;
    const end = this.x.end;
    let p = at;
    let c = 0;
    // Digits, `.`, `-`, `+`, `e`, `E`: what a plain decimal is made of.
    while (
      p < end &&
      (((c = d[p]!) >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || (c | 0x20) === 101)
    ) {
      p++;
    }
    this.simpleEnd = -1;
    if (p >= end) return INCOMPLETE;
    if (c === LT) {
      const n = simpleDecimal(d, at, p);
      if (n !== undefined) {
        this.simpleEnd = p;
        this.simpleValue = n;
        return p;
      }
    }
    return this.x.text(at);
  }

  /** A line break in text of XML that held a carriage return may read otherwise in SheetJS. */
  private checkLines(flags: number): void {
    if (this.sawCarriageReturn && (flags & LINE_BREAK) !== 0) {
      refuse('a line break in text of XML with carriage returns');
    }
  }

  /** `parseFloat` of the `<v>` text, without a string for plain decimals. */
  private number(start: number, end: number, flags: number): number {
    if (flags === 0) {
      const n = simpleDecimal(this.x.data, start, end);
      if (n !== undefined) return n;
    }
    return parseFloat(readCellText(this.x.decode(start, end, flags)));
  }

  /** The value of `[start, end)` when it is 1 to 9 ASCII digits, else -1. */
  private digits(start: number, end: number): number {
    const d = this.x.data;
    if (end <= start || end - start > 9) return -1;
    let n = 0;
    for (let p = start; p < end; p++) {
      const c = d[p]! - 48;
      if (c < 0 || c > 9) return -1;
      n = 10 * n + c;
    }
    return n;
  }

  /** SheetJS's `z` for style index `style` (-1: none): `CellXf[s].numFmtId` in its table. */
  private formatOf(style: number): unknown {
    const slot = style + 1;
    if (slot < this.formats.length) {
      const cached: unknown = this.formats[slot];
      if (cached !== UNSET) return cached;
    }
    let id: unknown = 0;
    const { cellXfs, formatTable } = this.context;
    if (cellXfs && style >= 0) {
      const xf = cellXfs[style];
      if (xf != null && xf.numFmtId != null) id = xf.numFmtId;
    }
    const z = formatTable[String(id)];
    if (slot < this.formats.length) {
      this.formats[slot] = z;
      this.isDate[slot] = isDateFormatCode(z) ? 1 : 0;
    }
    return z;
  }

  /** Is the format of style index `style` a date format? (`formatOf` has been asked.) */
  private isDateStyle(style: number): boolean {
    const slot = style + 1;
    if (slot < this.isDate.length) return this.isDate[slot] === 1;
    return isDateFormatCode(this.formatOf(style));
  }

  /** SheetJS drops a sheet whose shared formula, shifted left of its first cell, leaves column A. */
  private checkSharedFormula(col: number, si: number): void {
    const shared = si < 0 ? undefined : this.sharedFormulas.get(si);
    if (shared && col < shared.col && formulaReachesLeftOfA(shared.formula, col - shared.col)) {
      refuse('shared formula shifted left of column A');
    }
  }
}

/** The cell type of `t="…"`. */
function cellType(d: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return T_NUMBER;
  if (length === 1) {
    switch (d[start]) {
      case 110: // n
        return T_NUMBER;
      case 115: // s
        return T_SHARED;
      case 98: // b
        return T_BOOLEAN;
      case 101: // e
        return T_ERROR;
      case 100: // d
        return refuse('date cell (t="d")');
    }
  }
  if (length === 3 && isName(d, start, 'str')) return T_STR;
  if (length === 9 && isName(d, start, 'inlineStr')) return T_INLINE;
  for (let p = start; p < end; p++) if (!isAlphanumeric(d[p]!)) refuse('an unusual cell type');
  return T_OTHER;
}

/** A copy of `[start, end)` (a Buffer's `slice` would be a view of memory the window reuses). */
function copyOf(d: Uint8Array, start: number, end: number): Uint8Array {
  const copy = new Uint8Array(end - start);
  copy.set(d.subarray(start, end));
  return copy;
}

/** `text` with CRLF as LF, as SheetJS's `unescapexml(…, true)` gives it. */
function crlfAsLf(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n/g, '\n');
}

function isName(d: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (d[at + i] !== name.charCodeAt(i)) return false;
  return true;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function sameAt(d: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let i = 0; i < name.length; i++) if (d[at + i] !== name[i]) return false;
  return true;
}

function latin1(d: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let p = start; p < end; p++) s += String.fromCharCode(d[p]!);
  return s;
}

/** Does `[start, end)` hold `r=` before a quote (SheetJS's pattern for a cell's reference)? */
function hasRAttribute(d: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p + 2 < end; p++) {
    if (d[p] === 114 && d[p + 1] === 61 && (d[p + 2] === QUOTE || d[p + 2] === APOS)) return true;
  }
  return false;
}

/** Does a formula's text hold `t="`, which SheetJS would take for its type? */
function hasFormulaType(d: Uint8Array, start: number, end: number): boolean {
  for (let p = start; p + 2 < end; p++) {
    if (d[p] === 116 && d[p + 1] === 61 && d[p + 2] === QUOTE) return true;
  }
  return false;
}

/**
 * `parseFloat` of an ASCII decimal (`-11828.26`, `1e3`) of at most 15 digits, exactly: the digits
 * as an integer, then one multiplication or division by an exact power of ten, which IEEE rounds
 * correctly as `parseFloat` does. `undefined` for anything else (leading spaces, `+`, `Infinity`,
 * more digits), which `parseFloat` itself then reads.
 */
export function simpleDecimal(d: Uint8Array, start: number, end: number): number | undefined {
  let p = start;
  const negative = d[p] === 45;
  if (negative) p++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  let c = 0;
  while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
    any = true;
    if (mantissa !== 0 || c !== 0) {
      mantissa = 10 * mantissa + c;
      digits++;
    }
    p++;
  }
  if (p < end && d[p] === 46) {
    p++;
    while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
      any = true;
      if (mantissa !== 0 || c !== 0) {
        mantissa = 10 * mantissa + c;
        digits++;
      }
      scale++;
      p++;
    }
  }
  if (!any || digits > 15) return undefined;
  let exponent = 0;
  if (p < end && (d[p] === 101 || d[p] === 69)) {
    p++;
    const negativeExponent = d[p] === 45;
    if (negativeExponent || d[p] === 43) p++;
    const first = p;
    while (p < end && (c = d[p]! - 48) >= 0 && c <= 9 && p - first < 4) {
      exponent = 10 * exponent + c;
      p++;
    }
    if (p === first) return undefined;
    if (negativeExponent) exponent = -exponent;
  }
  if (p !== end) return undefined;
  if (mantissa === 0) return negative ? -0 : 0;
  const power = exponent - scale;
  if (power < -22 || power > 22) return undefined;
  const magnitude = power >= 0 ? mantissa * POWERS[power]! : mantissa / POWERS[-power]!;
  return negative ? -magnitude : magnitude;
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
