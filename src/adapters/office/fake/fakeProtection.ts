/**
 * Sheet protection in the in-memory Excel (ExcelApi 1.2): `worksheet.protection` (`protect`,
 * `unprotect`, `protected` after a load) and `range.format.protection.locked`. As in Excel every
 * cell starts locked, locking matters only once the sheet is protected, protecting a protected
 * sheet fails, and a protected sheet refuses changes to its locked cells (values, formulas) and
 * any change of format, conditional format or validation (the adapter must unprotect first).
 * The state lives beside the sheet (a WeakMap), so the model's own file stays as it is.
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  type FakeRequestContext,
} from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import type { FakeSheet, Rect } from './fakeModel';

interface ProtectionState {
  protected: boolean;
  options: Record<string, unknown>;
  password: string;
  /** Cells whose `locked` is false, by `r,c` (0-based). */
  unlocked: Set<string>;
}

const states = new WeakMap<FakeSheet, ProtectionState>();

/** The protection state of a sheet (created unprotected, every cell locked). */
export function protectionOf(sheet: FakeSheet): ProtectionState {
  let s = states.get(sheet);
  if (!s)
    states.set(sheet, (s = { protected: false, options: {}, password: '', unlocked: new Set() }));
  return s;
}

/** Whether a cell (0-based) is locked: true unless its format says otherwise. */
export function isLocked(sheet: FakeSheet, row: number, col: number): boolean {
  return !protectionOf(sheet).unlocked.has(`${row},${col}`);
}

/**
 * Fails like Excel when `what` would change a protected sheet: contents of a locked cell
 * (`cellsOnly`: unlocked cells may be filled), or anything else at all.
 */
export function refuseIfProtected(
  sheet: FakeSheet,
  rect: Rect,
  what: string,
  cellsOnly = false,
): void {
  const state = protectionOf(sheet);
  if (!state.protected) return;
  if (cellsOnly) {
    let anyLocked = false;
    for (let r = rect.top; r <= rect.bottom && !anyLocked; r++)
      for (let c = rect.left; c <= rect.right && !anyLocked; c++)
        anyLocked = !state.unlocked.has(`${r},${c}`);
    if (!anyLocked) return;
  }
  throw new FakeOfficeError(
    'AccessDenied',
    "The cell or chart you're trying to change is on a protected sheet.",
    what,
  );
}

/** `Range.clear` of formats resets cells to locked, as Excel's Normal style is. */
export function clearLocks(sheet: FakeSheet, rect: Rect): void {
  const unlocked = protectionOf(sheet).unlocked;
  for (const k of [...unlocked]) {
    const [r = -1, c = -1] = k.split(',').map(Number);
    if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) unlocked.delete(k);
  }
}

/** `worksheet.protection`. */
export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  protected readonly entity = 'WorksheetProtection';
  protected readonly scalarProperties = ['protected', 'options'];
  constructor(
    context: FakeRequestContext,
    private readonly find: () => FakeSheet,
  ) {
    super(context, false);
  }
  protected locate(): FakeSheet {
    return this.find();
  }
  protected read(sheet: FakeSheet, property: string): unknown {
    const state = protectionOf(sheet);
    if (property === 'protected') return state.protected;
    if (property === 'options') return { ...state.options };
    throw new FakeOfficeError(
      'InvalidArgument',
      `The property '${property}' does not exist on 'WorksheetProtection'.`,
    );
  }
  get protected(): boolean {
    return this.get('protected');
  }
  get options(): Record<string, unknown> {
    return this.get('options');
  }
  /** Protects the sheet; fails if it is protected already (@types/office-js). */
  protect(options: Record<string, unknown> = {}, password = ''): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(options), () => {
      const state = protectionOf(this.find());
      if (state.protected) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'This operation is not permitted for the current object. (the worksheet is already protected)',
          'WorksheetProtection.protect',
        );
      }
      Object.assign(state, { protected: true, options: { ...options }, password });
    });
  }
  /** Unprotects the sheet; a wrong password fails. Nothing happens to an unprotected sheet. */
  unprotect(password = ''): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const state = protectionOf(this.find());
      if (!state.protected) return;
      if (state.password !== password) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format. (password)',
          'WorksheetProtection.unprotect',
        );
      }
      state.protected = false;
    });
  }
}

/** `range.format.protection`: `locked` (write-only in the fake, as its other formats are). */
export class FakeFormatProtection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; rect: Rect },
  ) {}
  set locked(value: boolean) {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const { sheet, rect } = this.target();
      refuseIfProtected(sheet, rect, 'FormatProtection.locked');
      const unlocked = protectionOf(sheet).unlocked;
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          if (value) unlocked.delete(`${r},${c}`);
          else unlocked.add(`${r},${c}`);
        }
    });
  }
  get locked(): boolean {
    throw new FakeOfficeError(
      'PropertyNotLoaded',
      "The property 'locked' is not available in the fake.",
    );
  }
}
