/**
 * One `<c>` of a worksheet part read from its bytes (`SheetScanner` reads the rows around it): its
 * attributes in place (`r`, `s`, `t`), its `<v>`, `<f>` and `<is>`, then the cell stored as
 * SheetJS reads it, by `SheetCells`'s rules, into the sheet's `SnapshotBuilder`. A cell not
 * complete in the bytes there are gives `INCOMPLETE` and changes nothing; a shape outside what
 * spreadsheet writers produce is refused (`NotScanned`), for the general reader to decide.
 */
import type { CellValue } from '../../domain/grid';
import { simpleDecimal } from './decimalBytes';
import { RichTextReader } from './richText';
import { formulaReachesLeftOfA, type SheetXmlContext } from './sheetCells';
import { readCellText, readStrCell } from './sheetjsReadings';
import { errorText, isDateFormatCode, SnapshotBuilder, textValue } from './snapshotBuilder';
import {
  asciiDigits,
  HAS_REFERENCE,
  INCOMPLETE,
  isSpace,
  LINE_BREAK,
  refuse,
  UNDERSCORE,
  type XmlBytes,
} from './xmlBytes';

// Char codes, here rather than imported: a loader's getters for another module's exports (tsx,
// jest) must not sit in the hot loops.
const SPACE = 32;
const QUOTE = 34;
const APOS = 39;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;

/** Text flags under which SheetJS's readings (`_x000D_` escapes, entities, CRLF) may change it. */
const ESCAPABLE = HAS_REFERENCE | UNDERSCORE | LINE_BREAK;

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

const UNSET = Symbol('unset');
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

/**
 * Reads the cells of one sheet, one `<c>` at a time, and keeps them.
 *
 * @example const cells = new CellScanner(x, context, 'Drift'); cells.startRow(3); cells.cell(at)
 */
export class CellScanner {
  readonly grid: SnapshotBuilder;
  /** A raw carriage return came in the part, which a parser would have made a line feed. */
  sawCarriageReturn = false;
  private readonly rich: RichTextReader;
  private rowNumber = 0;
  private column = -1;
  /** By style index + 1: its `z` (`UNSET` until asked), and whether that is a date format (1). */
  private readonly formats: unknown[];
  private readonly isDate: Uint8Array;
  /** First cells of shared formulas by `si`: their column and formula. */
  private readonly sharedFormulas = new Map<number, { col: number; formula: string }>();

  constructor(
    private readonly x: XmlBytes,
    private readonly context: SheetXmlContext,
    sheet: string,
  ) {
    const { budget } = context;
    this.grid = new SnapshotBuilder(context.date1904, budget && { budget, sheet });
    this.rich = new RichTextReader(x);
    // One slot more than there are styles, for a cell without `s`; an index past them reads
    // the format afresh each time.
    const styles = (context.cellXfs?.length ?? 0) + 2;
    this.formats = new Array<unknown>(styles).fill(UNSET);
    this.isDate = new Uint8Array(styles);
  }

  /** A row starts: its number (`r`), or `null` for the one after the last. */
  startRow(r: number | null): void {
    this.rowNumber = r ?? this.rowNumber + 1;
    this.column = -1;
  }

  /** One `<c>` through its end; stored when complete, else nothing changes. */
  cell(at: number): number {
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
              formulaSi = asciiDigits(d, vs, ve);
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
        let index = vFlags === 0 ? asciiDigits(x.data, vStart, vEnd) : -1;
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
