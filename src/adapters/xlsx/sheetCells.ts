/**
 * The cells of a worksheet part, from its SAX events: each `<c>` read the way SheetJS's
 * `parse_ws_xml_data` reads it (type `t`, first `<v>`, inline `<is>`, style `s`, position from `r`
 * or from its place in the row) and stored in a `SnapshotBuilder`. Where SheetJS would read a cell some
 * other way than this can be sure of, or would fail on the sheet, it throws `NotStreamableError`.
 */
import * as XLSX from '@e965/xlsx';
import type { SaxesTagPlain } from 'saxes';
import type { CellValue } from '../../domain/grid';
import { NotStreamableError } from '../../errors';
import type { CellXf, SharedString } from './readBookWithoutSheets';
import type { ReadBudget } from './readBudget';
import { errorText, SnapshotBuilder, textValue } from './snapshotBuilder';
import { columnOfLetters, readCellText, readStrCell } from './sheetjsReadings';

/** What a sheet's cells refer to: the book's shared strings and number formats. */
export interface SheetXmlContext {
  readonly strings: readonly (SharedString | undefined)[];
  readonly cellXfs: readonly (CellXf | undefined)[] | undefined;
  readonly formatTable: Readonly<Record<string, unknown>>;
  readonly date1904: boolean;
  /** The reading's budget, charged per cell and per row; without one nothing is counted. */
  readonly budget?: ReadBudget;
}

// SheetJS's pattern of a cell reference in a formula (`crefregex`).
const CELL_REFERENCE =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/** The first `<is>` of an inline-string cell, as far as SheetJS's `parse_si` looks at it. */
interface InlineString {
  /** Still before its first element. */
  before: boolean;
  /** Its first element is `<t>` after only whitespace: the text is that `<t>`'s. */
  plain: boolean;
  plainText: string;
  /** It holds a run `<r>`: the text is every `<t>` outside phonetic runs, joined. */
  hasRun: boolean;
  pieces: string[];
  phonetic: number;
  /** Which text the open `<t>` adds to. */
  inT: 'plain' | 'piece' | null;
  closed: boolean;
}

interface OpenCell {
  row: number;
  col: number;
  s: string | undefined;
  t: string | undefined;
  /** Text of the first `<v>`; `undefined` when there is none or it is empty. */
  v: string | undefined;
  vState: 'none' | 'open' | 'done' | 'self-closed';
  inline: InlineString | null;
  formula: { t: string | undefined; si: string | undefined; ref: string | undefined } | null;
}

const enum Capture {
  None,
  V,
  F,
  Inline,
}

/** Reads `<sheetData>` from SAX events into a grid. */
export class SheetCells {
  readonly grid: SnapshotBuilder;
  /** Where the events are: before `<sheetData>`, among the cells, or past them. */
  state: 'before' | 'cells' | 'after' = 'before';
  /** `</sheetData>` ended the cells (rather than a `<sheetData/>` holding none). */
  ended = false;
  /** Set by the caller once the raw XML held a `\r`, which the XML parser turned into `\n`. */
  sawCarriageReturn = false;
  private rowNumber = 0;
  private rowElements = 0;
  private column = -1;
  private cell: OpenCell | null = null;
  private capture = Capture.None;
  private text = '';
  private readonly formatCache = new Map<string | undefined, unknown>();
  /** First cells of shared formulas by `si`: their column and formula. */
  private readonly sharedFormulas = new Map<string, { col: number; formula: string }>();

  constructor(
    private readonly context: SheetXmlContext,
    private readonly sheet = '',
  ) {
    const { budget } = context;
    this.grid = new SnapshotBuilder(context.date1904, budget && { budget, sheet });
  }

  onText(text: string): void {
    if (this.capture !== Capture.None) this.text += text;
  }

  /** CDATA, comments and processing instructions: SheetJS's patterns would read into them. */
  onMarkup(what: string): void {
    if (this.state === 'cells') throw new NotStreamableError(`${what} among the cells`);
  }

  onOpen(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.state !== 'cells') {
      if (this.state === 'before' && name === 'sheetData') this.state = 'cells';
      return;
    }
    const cell = this.cell;
    switch (name) {
      case 'row':
        this.context.budget?.rows(this.sheet, ++this.rowElements);
        if (!tag.isSelfClosing) {
          // SheetJS skips `<row/>`: it neither counts it nor reads its number.
          const r = tag.attributes.r;
          this.rowNumber = r !== undefined ? parseInt(r, 10) : this.rowNumber + 1;
          this.column = -1;
        }
        return;
      case 'c':
        this.openCell(tag);
        return;
      case 'v':
        if (!cell) return;
        if (cell.vState === 'none') {
          cell.vState = tag.isSelfClosing ? 'self-closed' : 'open';
          if (!tag.isSelfClosing) this.startCapture(Capture.V);
        } else if (cell.vState === 'self-closed') {
          throw new NotStreamableError('<v/> followed by <v>');
        }
        return;
      case 'f':
        if (!cell || cell.formula) return;
        if (tag.isSelfClosing) {
          this.checkSharedFormula(cell, tag.attributes.si);
        } else {
          const { t, si, ref } = tag.attributes;
          cell.formula = { t, si, ref };
          this.startCapture(Capture.F);
        }
        return;
      case 'is':
        if (cell && cell.t === 'inlineStr' && !cell.inline) {
          cell.inline = {
            before: true,
            plain: false,
            plainText: '',
            hasRun: false,
            pieces: [],
            phonetic: 0,
            inT: null,
            closed: tag.isSelfClosing,
          };
          this.startCapture(Capture.Inline);
        }
        return;
      default:
        if (cell?.inline && !cell.inline.closed) this.openInInline(cell.inline, name, tag);
    }
  }

  onClose(tag: SaxesTagPlain): void {
    if (this.state !== 'cells') return;
    const name = localName(tag.name);
    const cell = this.cell;
    switch (name) {
      case 'sheetData':
        this.state = 'after';
        this.ended = !tag.isSelfClosing;
        return;
      case 'c':
        if (cell) this.closeCell(cell);
        return;
      case 'v':
        if (cell?.vState === 'open') {
          cell.vState = 'done';
          cell.v = this.text === '' ? undefined : this.text;
          this.capture = Capture.None;
        }
        return;
      case 'f':
        if (cell?.formula && this.capture === Capture.F) {
          this.closeFormula(cell, cell.formula, this.text);
          this.capture = Capture.None;
        }
        return;
      default:
        if (cell?.inline && !cell.inline.closed) this.closeInInline(cell.inline, name);
    }
  }

  private startCapture(capture: Capture): void {
    this.capture = capture;
    this.text = '';
  }

  private openCell(tag: SaxesTagPlain): void {
    const { r, s, t } = tag.attributes;
    if (r !== undefined) this.column = columnOfLetters(r);
    else this.column++;
    const { r: row, c: col } = XLSX.utils.decode_cell(
      r || XLSX.utils.encode_cell({ r: this.rowNumber - 1, c: this.column }),
    );
    this.capture = Capture.None;
    const cell: OpenCell = {
      row,
      col,
      s,
      t,
      v: undefined,
      vState: 'none',
      inline: null,
      formula: null,
    };
    this.cell = cell;
    if (tag.isSelfClosing) this.closeCell(cell);
  }

  /** SheetJS's reading of one `<c>`; a cell SheetJS skips is not stored (so it replaces none). */
  private closeCell(cell: OpenCell): void {
    this.cell = null;
    this.capture = Capture.None;
    const { t, v } = cell;
    if (t === undefined && v === undefined) return; // a formula without a cached value too
    const z = this.formatOf(cell.s);
    let value: CellValue;
    switch (t || 'n') {
      case 'n':
        if (v === undefined) return;
        value = this.grid.number(parseFloat(readCellText(v)), z);
        break;
      case 's': {
        if (v === undefined) return;
        const shared = this.context.strings[parseInt(readCellText(v), 10)];
        // SheetJS drops the whole sheet; the reader calls it unreadable.
        if (shared == null) throw new NotStreamableError('shared string index out of range', true);
        value = textValue(shared.t);
        break;
      }
      case 'str':
        value = v === undefined ? null : textValue(readStrCell(this.checkLines(v)));
        break;
      case 'inlineStr':
        value = textValue(this.inlineText(cell.inline));
        break;
      case 'b': {
        const text = v === undefined ? undefined : readCellText(v);
        value = text === '1' || text === 'true';
        break;
      }
      case 'd':
        throw new NotStreamableError('date cell (t="d")');
      case 'e': // #DIV/0!, …: no value, but noted
        this.grid.error(cell.row, cell.col, errorText(v === undefined ? v : readCellText(v)), z);
        return;
      default: // types SheetJS does not know: no value
        value = null;
    }
    this.grid.set(cell.row, cell.col, value, z);
  }

  /** SheetJS's `z` for a cell with style index `s`: `CellXf[s].numFmtId` in its format table. */
  private formatOf(s: string | undefined): unknown {
    if (this.formatCache.has(s)) return this.formatCache.get(s);
    let id: unknown = 0;
    const { cellXfs, formatTable } = this.context;
    if (cellXfs && s !== undefined) {
      const xf = (cellXfs as unknown as Record<string, CellXf | null | undefined>)[s];
      if (xf != null && xf.numFmtId != null) id = xf.numFmtId;
    }
    const z = formatTable[String(id)];
    this.formatCache.set(s, z);
    return z;
  }

  private openInInline(inline: InlineString, name: string, tag: SaxesTagPlain): void {
    if (inline.before) {
      inline.before = false;
      inline.plain = name === 't' && /^\s*$/.test(this.text);
      if (inline.plain) {
        if (tag.isSelfClosing) throw new NotStreamableError('<is><t/>');
        inline.inT = 'plain';
        this.text = '';
        return;
      }
    }
    if (name === 'r') inline.hasRun = true;
    else if (name === 'rPh') inline.phonetic++;
    else if (name === 't' && !tag.isSelfClosing && inline.phonetic === 0 && !inline.inT) {
      inline.inT = 'piece';
      this.text = '';
    }
  }

  private closeInInline(inline: InlineString, name: string): void {
    if (name === 'is') {
      inline.closed = true;
      this.capture = Capture.None;
    } else if (name === 'rPh') {
      inline.phonetic--;
    } else if (name === 't' && inline.inT) {
      if (inline.inT === 'plain') inline.plainText = this.text;
      else inline.pieces.push(this.text);
      inline.inT = null;
    }
  }

  /** The text SheetJS's `parse_si` gives an inline string; `null` where it gives none. */
  private inlineText(inline: InlineString | null): string | null {
    if (!inline || !(inline.plain || inline.hasRun)) return null;
    const text = inline.plain ? inline.plainText : inline.pieces.join('');
    return readCellText(this.checkLines(text)).replace(/\r\n/g, '\n');
  }

  /** Text holding a line break, in XML that held a `\r`, may be one SheetJS reads otherwise. */
  private checkLines(text: string): string {
    if (this.sawCarriageReturn && text.includes('\n')) {
      throw new NotStreamableError('a line break in text of XML with carriage returns');
    }
    return text;
  }

  /**
   * SheetJS works out every formula, and a sheet where that fails is dropped whole: an array
   * formula without `ref`, or a shared formula that, shifted to a cell left of its first cell,
   * refers left of column A. (Values never come from formulas, only from `<v>`.)
   */
  private closeFormula(cell: OpenCell, f: NonNullable<OpenCell['formula']>, text: string): void {
    if (text === '') {
      if (f.t === 'shared') this.checkSharedFormula(cell, f.si);
    } else if (f.t === 'array') {
      if (!f.ref) throw new NotStreamableError('array formula without ref');
    } else if (f.t === 'shared') {
      this.sharedFormulas.set(String(parseInt(f.si ?? '', 10)), {
        col: cell.col,
        formula: readCellText(text),
      });
    }
  }

  private checkSharedFormula(cell: OpenCell, si: string | undefined): void {
    const shared = si === undefined ? undefined : this.sharedFormulas.get(si);
    if (!shared || cell.col >= shared.col) return;
    if (formulaReachesLeftOfA(shared.formula, cell.col - shared.col)) {
      throw new NotStreamableError('shared formula shifted left of column A');
    }
  }
}

/**
 * Does `formula`, shifted `shift` columns (negative: left), refer left of column A with one of its
 * relative references, as SheetJS shifts shared formulas (its `crefregex`)?
 *
 * @example formulaReachesLeftOfA('B1*2', -2) // → true; formulaReachesLeftOfA('$B1*2', -2) // → false
 */
export function formulaReachesLeftOfA(formula: string, shift: number): boolean {
  for (const m of formula.matchAll(CELL_REFERENCE)) {
    if (m[2] !== '$' && columnOfLetters(m[3] ?? '') + shift < 0) return true;
  }
  return false;
}

/** `x:c` → `c`. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
