// The in-memory Excel: tests, the bench and the browser stand-in use it through this list.
export { FakeOfficeError, type FakeErrorCode } from './fakeErrors';
export {
  FakeWorkbookModel,
  FakeSheet,
  rectFromA1,
  type FakeWorkbookFixture,
  type SheetVisibility,
  type FakeConditionalFormat,
  type FakeStyle,
  type Rect,
} from './fakeModel';
export {
  createFakeContext,
  createFakeRun,
  installFakeOffice,
  type FakeContext,
  type FakeOfficeHandle,
  type FakeHostOptions,
  type FakeRunOptions,
} from './fakeExcel';
export { MAX_MERGED_AREAS } from './fakeRange';
export { conditionalFill } from './fakeConditional';
export { pageSetupOf, type FakePageSetup } from './fakePageLayout';
