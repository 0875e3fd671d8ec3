/**
 * The request context of the in-memory Excel and the base of every proxy object.
 * As in Office.js: methods and property writes only queue actions; `sync()` sends the queue
 * as one request, checks its size, runs it in order, and only then fills loaded properties.
 */
import {
  cellEditMode,
  FakeOfficeError,
  propertyNotLoaded,
  requestTooLarge,
  responseTooLarge,
} from './fakeErrors';
import type { FakeWorkbookModel } from './fakeModel';

/** Bytes Office.js spends on one action's envelope (ids, action type, object path). */
export const ACTION_OVERHEAD_BYTES = 64;

/** One queued action. `run` applies it and may return a loaded result to commit after success. */
interface QueuedAction {
  requestBytes: number;
  run: () => { responseBytes: number; commit: () => void } | void;
}

/** Bytes of a value as JSON: how the fake estimates payloads. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * Fails like Excel when an API is newer than the host supports. Call it where office.js checks:
 * for methods and most getters office.js itself throws AT THE CALL (`_throwIfApiNotSupported`,
 * before anything is queued), so call this synchronously in the method; for what office.js
 * leaves to the host (property setters such as `Range.hyperlink`, `ConditionalFormatCollection.add`)
 * call it inside the queued action, so the sync fails.
 */
export function requireApi(context: FakeRequestContext, minor: number, api: string): void {
  if (context.model.apiVersion < minor) {
    throw new FakeOfficeError(
      'ApiNotFound',
      `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}, ExcelApi 1.${minor})`,
      api,
    );
  }
}

/** `Excel.RequestContext` look-alike; `workbook` and `application` are set by `fakeExcel.ts`. */
export class FakeRequestContext {
  /** Syncs issued through this context. */
  syncCount = 0;
  private queue: QueuedAction[] = [];
  private suspendQueued = false;
  // Assigned right after construction (avoids an import cycle with the worksheet module).
  workbook!: unknown;
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => {
      requireApi(this, 6, 'Application.suspendApiCalculationUntilNextSync');
      this.enqueue(ACTION_OVERHEAD_BYTES, () => {
        this.suspendQueued = true;
      });
    },
  };

  constructor(
    readonly model: FakeWorkbookModel,
    /** `Excel.run({ delayForCellEdit: true }, …)`: syncs wait while a cell is being edited. */
    readonly delayForCellEdit = false,
  ) {}

  /** Queues an action to run at the next sync. Internal to the fake. */
  enqueue(requestBytes: number, run: QueuedAction['run']): void {
    this.queue.push({ requestBytes, run });
  }

  /** Sends the queue: size check, then every action in order, then loaded values. */
  async sync(): Promise<void> {
    await Promise.resolve();
    if (this.delayForCellEdit && this.model.cellEditMode === 'InvalidOperationInCellEditMode') {
      await this.model.cellEditEnded();
    }
    const actions = this.queue;
    this.queue = [];
    this.syncCount += 1;
    this.suspendQueued = false;
    const requestBytes = 2 + actions.reduce((n, a) => n + a.requestBytes, 0);
    const record = { actions: actions.length, requestBytes, responseBytes: 0 };
    this.model.syncLog.push(record);
    if (this.model.cellEditMode) throw cellEditMode(this.model.cellEditMode);
    if (requestBytes > this.model.payloadLimitBytes) throw requestTooLarge(requestBytes);
    const commits: (() => void)[] = [];
    let responseBytes = 2;
    for (const action of actions) {
      const result = action.run();
      // Only load results carry a commit (a setter's arrow may return its assigned value).
      if (result && typeof result === 'object' && typeof result.commit === 'function') {
        responseBytes += result.responseBytes;
        commits.push(result.commit);
      }
    }
    record.responseBytes = responseBytes;
    if (this.suspendQueued) this.model.calculationSuspendedSyncs += 1;
    if (responseBytes > this.model.payloadLimitBytes) throw responseTooLarge(responseBytes);
    for (const commit of commits) commit();
  }

  /** Pending actions (Excel.run syncs them when the batch ends). */
  get pendingActions(): number {
    return this.queue.length;
  }
}

/** The argument forms `load` accepts in Office.js. */
export type LoadSpec = string | string[] | { select?: string } | undefined;

/** Splits a load argument into property paths (`'values, numberFormat'` → two paths). */
export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const text = Array.isArray(spec) ? spec.join(',') : typeof spec === 'string' ? spec : spec.select;
  if (text === undefined) return null;
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Base of every proxy: loaded properties, `isNullObject`, `load`.
 * Reading a property that was not loaded and synced throws Office.js's PropertyNotLoaded.
 */
export abstract class FakeClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private resolved: { target: T | null } | undefined;
  /** Office.js's class name, used in error locations (`Range.values`). */
  protected abstract readonly entity: string;
  /** Properties `load()` without arguments fetches. */
  protected abstract readonly scalarProperties: readonly string[];

  constructor(
    readonly context: FakeRequestContext,
    private readonly orNull: boolean,
  ) {
    if (orNull) {
      // *OrNullObject: the object's existence is reported at the next sync without a load.
      context.enqueue(ACTION_OVERHEAD_BYTES, () => {
        const exists = this.target() !== null;
        return { responseBytes: 8, commit: () => (this.nullState = !exists) };
      });
    }
  }

  /** Finds the model object this proxy stands for, at sync time; null when it does not exist. */
  protected abstract locate(): T | null;
  /** Reads one loaded property from the model object, at sync time. */
  protected abstract read(target: T, property: string): unknown;
  /** What to call the object in an ItemNotFound message. */
  protected describe(): string {
    return this.entity;
  }

  /** Resolves once (like an object path bound to an id), throwing ItemNotFound unless OrNull. */
  target(): T | null {
    if (!this.resolved) {
      const found = this.locate();
      if (found === null && !this.orNull) {
        throw new FakeOfficeError(
          'ItemNotFound',
          `The requested resource doesn't exist. (${this.describe()})`,
          this.entity,
        );
      }
      this.resolved = { target: found };
    }
    return this.resolved.target;
  }

  /** The model object for a write; a null object cannot be written to. */
  protected mustTarget(): T {
    const t = this.target();
    if (t === null) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `The object path '${this.describe()}' isn't working for what you're trying to do.`,
        this.entity,
      );
    }
    return t;
  }

  get isNullObject(): boolean {
    if (!this.orNull) {
      if (this.nullState === undefined) throw propertyNotLoaded(this.entity, 'isNullObject');
      return false;
    }
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, 'isNullObject');
    return this.nullState;
  }

  /** A loaded property's value; Office.js returns undefined on a null object. */
  protected get<V>(property: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loaded.has(property)) throw propertyNotLoaded(this.entity, property);
    return this.loaded.get(property) as V;
  }

  /** After a property write, Office.js also keeps the written value locally. */
  protected setLocal(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  /** Queues a load of the given properties (all scalar properties when none given). */
  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec) ?? [...this.scalarProperties];
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(paths), () => {
      const target = this.target();
      if (target === null) {
        return { responseBytes: 8, commit: () => (this.nullState = true) };
      }
      const data = paths.map((p) => [p, this.read(target, p)] as const);
      return {
        responseBytes: jsonBytes(data),
        commit: () => {
          this.nullState = false;
          for (const [p, v] of data) this.loaded.set(p, v);
        },
      };
    });
    return this;
  }

  /** Marks the object synced (for non-null objects `isNullObject` then reads false). */
  protected markSynced(): void {
    this.nullState ??= false;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
