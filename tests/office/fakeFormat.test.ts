/**
 * The in-memory Excel's range formats and page layout are as strict as Office.js: a test that
 * passes here would not pass only because the fake is kinder than Excel.
 */
import {
  createFakeRun,
  FakeWorkbookModel,
  pageSetupOf,
  type FakeContext,
} from '../../src/adapters/office/fake';

/** The Office error code `f` throws, or null. */
function thrownCode(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
  return null;
}

const fixture = { sheets: [{ name: 'Blad1', values: [['a', 1, 2]] }] };

async function inRun<T>(
  model: FakeWorkbookModel,
  f: (ws: ReturnType<typeof sheetOf>) => Promise<T>,
): Promise<T> {
  return createFakeRun(model)((ctx) => f(sheetOf(ctx)));
}
const sheetOf = (ctx: FakeContext) =>
  Object.assign(ctx.workbook.worksheets.getItem('Blad1'), { ctx });

describe('range formats of the in-memory Excel', () => {
  it('reading a format property before load + sync throws PropertyNotLoaded, as Office.js does', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    await inRun(model, async (ws) => {
      const range = ws.getRange('A1');
      range.format.font.bold = true; // a write keeps its value locally, as in Office.js
      expect(range.format.font.bold).toBe(true);
      expect(thrownCode(() => range.format.font.size)).toBe('PropertyNotLoaded');
      expect(thrownCode(() => range.format.fill.color)).toBe('PropertyNotLoaded');
      expect(thrownCode(() => range.format.rowHeight)).toBe('PropertyNotLoaded');
      await ws.ctx.sync();
    });
  });

  it('a range whose cells differ reads null; one that agrees reads its value; unset cells read Excel’s defaults', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    const read = await inRun(model, async (ws) => {
      ws.getRange('A1').format.font.bold = true;
      const mixed = ws.getRange('A1:C1').format.font.load('bold');
      const one = ws.getRange('A1').format.font.load('bold');
      const plain = ws.getRange('B1:C1').format.font.load('bold,name,size,color');
      const fill = ws.getRange('B1').format.fill.load('color');
      await ws.ctx.sync();
      return [mixed.bold, one.bold, plain.bold, plain.name, plain.size, plain.color, fill.color];
    });
    expect(read).toEqual([null, true, false, 'Calibri', 11, '#000000', '#FFFFFF']);
  });

  it('an invalid colour, font size, alignment or row height fails the sync with InvalidArgument', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    const attempts: ((ws: ReturnType<typeof sheetOf>) => void)[] = [
      (ws) => (ws.getRange('A1').format.fill.color = 'rosa'),
      (ws) => (ws.getRange('A1').format.font.color = '#12345'),
      (ws) => (ws.getRange('A1').format.font.size = 0),
      (ws) => (ws.getRange('A1').format.horizontalAlignment = 'Middle'),
      (ws) => (ws.getRange('A1').format.rowHeight = 500),
      (ws) => (ws.getRange('A1').format.borders.getItem('EdgeTop').style = 'Thick'),
    ];
    for (const attempt of attempts) {
      await expect(
        inRun(model, async (ws) => {
          attempt(ws);
          await ws.ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    // `#rrggbb` in any case and HTML names are taken, stored as Excel gives them back.
    await inRun(model, async (ws) => {
      ws.getRange('A1').format.fill.color = '#c6efce';
      ws.getRange('B1').format.fill.color = 'Yellow';
      await ws.ctx.sync();
    });
    expect(model.sheet('Blad1')?.style(0, 0).fill).toBe('#C6EFCE');
  });

  it('borders: an edge is the range’s outer side only; InsideHorizontal the lines between its rows', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    await inRun(model, async (ws) => {
      ws.getRange('A1:A3').format.borders.getItem('EdgeTop').style = 'Double';
      ws.getRange('B1:B3').format.borders.getItem('InsideHorizontal').style = 'Continuous';
      await ws.ctx.sync();
    });
    const sheet = model.sheet('Blad1');
    expect([0, 1, 2].map((r) => sheet?.style(r, 0).borders?.top?.style)).toEqual([
      'Double',
      undefined,
      undefined,
    ]);
    expect([0, 1, 2].map((r) => sheet?.style(r, 1).borders?.top?.style)).toEqual([
      undefined,
      'Continuous',
      'Continuous',
    ]);
  });

  it('clear("All") clears styles and unmerges, as Excel’s Clear All does; merge keeps the top-left value', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    await inRun(model, async (ws) => {
      ws.getRange('A1:C1').merge(false);
      ws.getRange('A1').format.font.italic = true;
      await ws.ctx.sync();
    });
    const sheet = model.sheet('Blad1');
    expect([sheet?.value(0, 0), sheet?.value(0, 1), sheet?.merges.length]).toEqual([
      'a',
      undefined,
      1,
    ]);
    await inRun(model, async (ws) => {
      ws.getRange('A1:C1').clear('All');
      await ws.ctx.sync();
    });
    expect([sheet?.merges.length, sheet?.style(0, 0).italic]).toEqual([0, undefined]);
  });
});

describe('page layout and indent levels: ExcelApi 1.9', () => {
  it('below 1.9 the pageLayout getter throws ApiNotFound at the call, and indentLevel fails the sync', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    model.apiVersion = 8;
    await inRun(model, async (ws) => {
      expect(thrownCode(() => ws.pageLayout)).toBe('ApiNotFound');
      ws.getRange('A1').format.indentLevel = 1;
      await expect(ws.ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });

  it('at 1.9 it takes A4, fit to one page wide, print titles of whole rows, headers and footers', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    await inRun(model, async (ws) => {
      const layout = ws.pageLayout;
      layout.paperSize = 'A4';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows('$2:$2');
      layout.headersFooters.defaultForAllPages.rightFooter = 'Sida &P av &N';
      await ws.ctx.sync();
      layout.load('paperSize');
      await ws.ctx.sync();
      expect(layout.paperSize).toBe('A4');
    });
    expect(pageSetupOf(model.sheets[0]!)).toMatchObject({
      paperSize: 'A4',
      printTitleRows: '$2:$2',
      headersFooters: { rightFooter: 'Sida &P av &N' },
    });
    for (const bad of [
      (ws: ReturnType<typeof sheetOf>) => ws.pageLayout.setPrintTitleRows('A2'),
      (ws: ReturnType<typeof sheetOf>) => (ws.pageLayout.zoom = { scale: 5 }),
      (ws: ReturnType<typeof sheetOf>) => (ws.pageLayout.orientation = 'Sideways'),
    ]) {
      await expect(
        inRun(model, async (ws) => {
          bad(ws);
          await ws.ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });
});
