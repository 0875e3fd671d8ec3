/**
 * Browser entry for the stand-in Office host: if the page set `window.__NAMNDPLAN_FAKE_OFFICE__`
 * to a workbook fixture, defines `Office`/`Excel` over the in-memory Excel. Bundle it as its own
 * script and load it BEFORE the task pane bundle, instead of office.js (test pages only).
 */
import { installFakeOffice } from './fakeExcel';
import type { FakeWorkbookFixture } from './fakeModel';

declare global {
  interface Window {
    __NAMNDPLAN_FAKE_OFFICE__?: FakeWorkbookFixture;
  }
}

const fixture = window.__NAMNDPLAN_FAKE_OFFICE__;
if (fixture) installFakeOffice(window, fixture);
