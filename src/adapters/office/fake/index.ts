// The in-memory Excel: tests, the bench and the browser stand-in use it through this list.
export { FakeOfficeError, type FakeErrorCode } from './fakeErrors';
export {
  FakeWorkbookModel,
  FakeSheet,
  rectFromA1,
  type FakeWorkbookFixture,
  type FakeConditionalFormat,
  type Rect,
} from './fakeModel';
export {
  createFakeContext,
  createFakeRun,
  installFakeOffice,
  type FakeContext,
  type FakeOfficeHandle,
} from './fakeExcel';
export { conditionalFill } from './fakeConditional';
