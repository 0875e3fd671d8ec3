/**
 * Data validation in the in-memory Excel (ExcelApi 1.8; `range.dataValidation` throws ApiNotFound
 * at the call on an older host, as office.js does): `rule` (the `list` kind with a
 * comma-separated `source` of at most 255 characters, Excel's limit for a typed list), `prompt`,
 * `errorAlert`, `ignoreBlanks`, `clear()`. As in Excel a rule cannot be set over cells that hold
 * another rule (clear them first), and nothing is changed on a protected sheet. Also the
 * `custom` facet of a conditional format (ExcelApi 1.6: a formula rule and its fill).
 */
import { ACTION_OVERHEAD_BYTES, jsonBytes, type FakeRequestContext } from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import type { FakeConditionalFormat, FakeSheet, Rect } from './fakeModel';
import { refuseIfProtected } from './fakeProtection';

/** One validation over a rectangle of cells. */
export interface FakeValidation {
  rect: Rect;
  rule: { list: { source: string; inCellDropDown: boolean } } | null;
  prompt: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

const validations = new WeakMap<FakeSheet, FakeValidation[]>();

/** The validations of a sheet, in the order set. */
export function validationsOf(sheet: FakeSheet): FakeValidation[] {
  let list = validations.get(sheet);
  if (!list) validations.set(sheet, (list = []));
  return list;
}

/** The validation of one cell (0-based), if any. */
export function validationAt(sheet: FakeSheet, row: number, col: number): FakeValidation | null {
  return (
    validationsOf(sheet).find(
      (v) => row >= v.rect.top && row <= v.rect.bottom && col >= v.rect.left && col <= v.rect.right,
    ) ?? null
  );
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const same = (a: Rect, b: Rect): boolean =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** `a` less `b`: up to four rectangles. */
function minus(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** `range.dataValidation`. */
export class FakeDataValidation {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; rect: Rect },
  ) {}

  /** The validation on exactly this range, made when a rule is set. */
  private change(what: string, payload: unknown, f: (v: FakeValidation) => void): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(payload), () => {
      const { sheet, rect } = this.target();
      refuseIfProtected(sheet, rect, what);
      const list = validationsOf(sheet);
      let v = list.find((x) => same(x.rect, rect));
      if (!v) {
        if (list.some((x) => overlaps(x.rect, rect))) {
          throw new FakeOfficeError(
            'InvalidOperation',
            'This operation is not permitted for the current object. (cells already hold another data validation: clear it first)',
            what,
          );
        }
        v = { rect: { ...rect }, rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
        list.push(v);
      }
      f(v);
    });
  }

  set rule(rule: { list?: { source: unknown; inCellDropDown?: boolean } }) {
    this.change('DataValidation.rule', rule, (v) => {
      const keys = Object.keys(rule);
      const source = rule.list?.source;
      if (
        keys.length !== 1 ||
        typeof source !== 'string' ||
        source.length === 0 ||
        source.length > 255
      ) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format. (a list rule takes one comma-separated source of 1–255 characters)',
          'DataValidation.rule',
        );
      }
      v.rule = { list: { source, inCellDropDown: rule.list?.inCellDropDown ?? true } };
    });
  }
  set prompt(prompt: Record<string, unknown>) {
    this.change('DataValidation.prompt', prompt, (v) => (v.prompt = { ...prompt }));
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.change('DataValidation.errorAlert', alert, (v) => (v.errorAlert = { ...alert }));
  }
  set ignoreBlanks(value: boolean) {
    this.change('DataValidation.ignoreBlanks', value, (v) => (v.ignoreBlanks = value));
  }
  get rule(): never {
    throw new FakeOfficeError(
      'PropertyNotLoaded',
      "The property 'rule' is not available in the fake.",
    );
  }

  /** Removes validation from the range's cells (a rule over other cells too keeps those). */
  clear(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const { sheet, rect } = this.target();
      refuseIfProtected(sheet, rect, 'DataValidation.clear');
      const list = validationsOf(sheet);
      const kept = list.flatMap((v) => minus(v.rect, rect).map((r) => ({ ...v, rect: r })));
      list.length = 0;
      for (const v of kept) list.push(v);
    });
  }
}

/** `cf.custom` of a conditional format added as `Custom`: `rule.formula`, `format.fill.color`. */
export function customFacet(context: FakeRequestContext, model: () => FakeConditionalFormat) {
  const change = (payload: unknown, f: (cf: FakeConditionalFormat) => void): void =>
    context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(payload), () => f(model()));
  return {
    rule: {
      set formula(v: string) {
        change(v, (cf) => (cf.rule = { formula: v }));
      },
    },
    format: {
      fill: {
        set color(v: string) {
          change(v, (cf) => (cf.fillColor = v));
        },
      },
      font: {
        set color(v: string) {
          change(v, (cf) => (cf.fontColor = v));
        },
      },
    },
  };
}
