/**
 * Browser entry for the stand-in Office host: if the page set `window.__NAMNDPLAN_FAKE_OFFICE__`
 * to a workbook fixture, defines `Office`/`Excel` over the in-memory Excel. Bundle it as its own
 * script and load it BEFORE the task pane bundle, instead of office.js (test pages only).
 * `window.__NAMNDPLAN_FAKE_HOST__` may set how the host behaves (a slow `Office.onReady`, the
 * display language, the partition key, the ExcelApi version).
 */
import { installFakeOffice, type FakeHostOptions } from './fakeExcel';
import type { FakeWorkbookFixture } from './fakeModel';

declare global {
  interface Window {
    __NAMNDPLAN_FAKE_OFFICE__?: FakeWorkbookFixture;
    __NAMNDPLAN_FAKE_HOST__?: FakeHostOptions;
  }
}

const fixture = window.__NAMNDPLAN_FAKE_OFFICE__;
if (fixture) installFakeOffice(window, fixture, window.__NAMNDPLAN_FAKE_HOST__ ?? {});
