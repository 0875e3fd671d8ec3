/**
 * Errors of the in-memory Excel, shaped like Office.js's `OfficeExtension.Error`
 * (`name: 'RichApi.Error'`, a `code`, a `debugInfo`) so the adapter's error mapping is tested
 * against the same shape it meets in Excel.
 */

/** Error codes the fake raises; the same strings as `Excel.ErrorCodes`. */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'AccessDenied'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidReference'
  | 'ApiNotFound'
  | 'InvalidObjectPath'
  | 'MergedRangeConflict'
  | 'InvalidRequestContext'
  | 'InactiveWorkbook'
  | 'RangeExceedsLimit'
  | 'ActivityLimitReached';

/** A RichApi.Error look-alike: `code`, `message`, `debugInfo.code`, `debugInfo.errorLocation`. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** Office.js's exact wording when a property is read before `load` + `sync`. */
export function propertyNotLoaded(entity: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function itemNotFound(what: string, location: string): FakeOfficeError {
  return new FakeOfficeError(
    'ItemNotFound',
    `The requested resource doesn't exist. (${what})`,
    location,
  );
}

export function requestTooLarge(bytes: number): FakeOfficeError {
  return new FakeOfficeError(
    'RequestPayloadSizeLimitExceeded',
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (${bytes} bytes)`,
  );
}

export function responseTooLarge(bytes: number): FakeOfficeError {
  return new FakeOfficeError(
    'ResponsePayloadSizeLimitExceeded',
    `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (${bytes} bytes)`,
  );
}

export function cellEditMode(code: FakeErrorCode): FakeOfficeError {
  return new FakeOfficeError(
    code,
    code === 'GeneralException'
      ? 'There was an internal error while processing the request.'
      : 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  );
}
