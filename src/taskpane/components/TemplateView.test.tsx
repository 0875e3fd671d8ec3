/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// Node's export conditions: under jsdom's browser ones, ExcelJS's uuid resolves to an ES module.
import '../../../tests/setup/jsdom';
/**
 * The Mall view and the Mallar action. The view is shown a template built and filled here the way
 * filledTemplate.test.ts fills one (written by the .xlsx writer, filled with ExcelJS, read back by
 * the CLI's reader with its formulas), small enough to count by hand:
 * - Uppföljning drift: Äldreomsorg (budget 1 000, prognos 1 100: −100 tkr, −10 %, past 5 %, no
 *   comment) and IFO (on budget): 8 of 9 required cells (label, budget, utfall, prognos × 2, the
 *   comment);
 * - Måluppfyllelse: a goal judged Helt uppfyllt over one indicator at 70 against ≥ 80: 2 of 2,
 *   and the verdict contradicted;
 * - Internkontrollplan: one risk, frekvens left empty and riskvärde typed over its formula: 6 of 7.
 * In all 16 of 18: 88,9 %.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { readFormulaCells } from '../../adapters/xlsx/readFormulaCells';
import { readWorkbookStream } from '../../adapters/xlsx/readWorkbookStream';
import { writeTemplate } from '../../adapters/xlsx/writeTemplate';
import { analyzeWorkbook } from '../../domain/analyze';
import type { Template } from '../../domain/report';
import { SHEET_NAMES, type TemplateContent } from '../../domain/templates';
import type { WorkbookHost } from '../host';
import { LocaleProvider } from '../LocaleContext';
import { TemplateView } from './TemplateView';
import { TemplatesButton } from './TemplateViewAction';

const CONTENT: TemplateContent = {
  period: 'delår 2025',
  budgetYear: 2025,
  unit: 'tkr',
  convention: 'costs-positive',
  thresholds: { amount: 500, percent: 5 },
  scale: 4,
  drift: [
    { label: 'Äldreomsorg', budget: 1000 },
    { label: 'Individ- och familjeomsorg', budget: 500 },
  ],
  investments: [],
  goals: [
    { kind: 'goal', level: 'namnd', text: 'Trygg äldreomsorg' },
    { kind: 'indicator', name: 'Nöjdhet med hemtjänsten (%)', target: '≥ 80' },
  ],
  risks: [{ process: 'Inköp', risk: 'Felaktiga fakturor', probability: null, consequence: null }],
};

async function filledTemplate(): Promise<Template> {
  const written = await writeTemplate(CONTENT);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(written.slice().buffer);
  const drift = book.getWorksheet(SHEET_NAMES['uppfoljning-drift']);
  drift!.getCell('C5').value = 600;
  drift!.getCell('D5').value = 1100;
  drift!.getCell('C6').value = 250;
  drift!.getCell('D6').value = 500;
  const goals = book.getWorksheet(SHEET_NAMES.maluppfyllelse);
  goals!.getCell('F5').value = 'Helt uppfyllt';
  goals!.getCell('E6').value = 70;
  const risks = book.getWorksheet(SHEET_NAMES.internkontrollplan);
  risks!.getCell('C5').value = '3 Möjlig';
  risks!.getCell('D5').value = '4 Allvarig';
  risks!.getCell('E5').value = 12; // typed over the formula
  risks!.getCell('F5').value = 'Stickprov på tio fakturor';
  risks!.getCell('G5').value = 'Ekonomichef';
  risks!.getCell('I5').value = 'Nämnden';
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const snapshot = await readWorkbookStream(bytes, 'mall.xlsx');
  const formulas = await readFormulaCells(bytes, Object.values(SHEET_NAMES));
  const template = analyzeWorkbook(snapshot, { formulas }).template;
  if (!template) throw new Error('not recognised as a template');
  return template;
}

function renderView(template: Template, canSelect: boolean, locale: 'sv' | 'en' = 'sv'): jest.Mock {
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial={locale}>
        <TemplateView template={template} canSelect={canSelect} onSelect={onSelect} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return onSelect;
}

let template: Template;
beforeAll(async () => {
  template = await filledTemplate();
});

it('leads with the completion, in all and per sheet, then the gaps grouped by sheet', async () => {
  const onSelect = renderView(template, true);
  expect(screen.getByTestId('template-completeness').textContent).toBe(
    '88,9 % ifylld (16 av 18 obligatoriska celler)',
  );
  const sheets = screen.getByRole('list', { name: 'Mall' });
  expect(
    within(sheets)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Uppföljning drift: 88,9 % (8 av 9)',
    'Uppföljning investeringar: 100,0 % (0 av 0)',
    'Måluppfyllelse: 100,0 % (2 av 2)',
    'Internkontrollplan: 85,7 % (6 av 7)',
  ]);
  expect(screen.getByRole('heading', { name: 'Brister (4)' })).toBeTruthy();
  const drift = screen.getByRole('region', { name: 'Uppföljning drift (1)' });
  const [comment] = within(drift).getAllByRole('button');
  expect(comment?.getAttribute('data-kind')).toBe('comment-required');
  expect(comment?.textContent).toContain("'Uppföljning drift'!G5");
  expect(comment?.textContent).toContain(
    'Kommentar krävs för Äldreomsorg: avvikelsen är -100 tkr (-10,0 %)',
  );
  const goals = screen.getByRole('region', { name: 'Måluppfyllelse (1)' });
  expect(within(goals).getByRole('button').textContent).toContain('Bedömningen motsägs');
  const risks = screen.getByRole('region', { name: 'Internkontrollplan (2)' });
  expect(
    within(risks)
      .getAllByRole('button')
      .map((b) => b.getAttribute('data-kind')),
  ).toEqual(['empty', 'risk-value-typed']);
  expect(within(risks).getAllByRole('button')[0]?.textContent).toContain(
    'Frekvens saknas för Felaktiga fakturor',
  );
  await userEvent.click(comment as HTMLElement);
  expect(onSelect).toHaveBeenCalledWith('Uppföljning drift', 'G5');
  expect(comment?.getAttribute('aria-description')).toBe("Gå till 'Uppföljning drift'!G5");
});

it('in standalone mode says where the cell is, without claiming to go there; English throughout', () => {
  renderView(template, false, 'en');
  expect(screen.getByTestId('template-completeness').textContent).toBe(
    '88.9 % filled in (16 of 18 required cells)',
  );
  const drift = screen.getByRole('region', { name: 'Uppföljning drift (1)' });
  const button = within(drift).getByRole('button');
  expect(button.getAttribute('aria-description')).toBe("Cell 'Uppföljning drift'!G5");
  expect(button.textContent).toContain('Comment missing');
  expect(button.textContent).toContain('The variance is past the threshold and has no comment.');
  expect(button.textContent).not.toMatch(/Kommentar/);
});

it('the Mallar action downloads the templates in standalone mode, pre-filled from the analysis', async () => {
  const writeTemplates = jest.fn((content: TemplateContent) =>
    Promise.resolve({
      written: ['Nämndplan mallar.xlsx'],
      replaced: [],
      cancelled: false,
      content,
    }),
  );
  const host = { kind: 'file', writeTemplates } as unknown as WorkbookHost;
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <TemplatesButton host={host} report={null} scale={3} disabled={false} />
      </LocaleProvider>
    </FluentProvider>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Mallar' }));
  expect(await screen.findByText('Nämndplan mallar.xlsx hämtades.')).toBeTruthy();
  const [content] = writeTemplates.mock.calls[0] ?? [];
  expect(content?.scale).toBe(3);
  expect(content?.drift).toEqual([]);
});

it('in Excel the Mallar action asks, in its own words, before rewriting earlier templates', async () => {
  const writeTemplates = jest.fn(
    async (_c: TemplateContent, confirm: (names: string[]) => Promise<boolean>) => {
      const yes = await confirm(['Uppföljning drift', 'Måluppfyllelse']);
      return yes
        ? { written: ['Uppföljning drift'], replaced: ['Uppföljning drift'], cancelled: false }
        : { written: [], replaced: [], cancelled: true };
    },
  );
  const host = { kind: 'excel', writeTemplates } as unknown as WorkbookHost;
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <TemplatesButton host={host} report={null} scale={4} disabled={false} />
      </LocaleProvider>
    </FluentProvider>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Mallar' }));
  const dialog = await screen.findByRole('alertdialog');
  expect(within(dialog).getByText('Ersätta tidigare mallar?')).toBeTruthy();
  expect(dialog.textContent).toContain('Bladen Uppföljning drift, Måluppfyllelse är mallar');
  await userEvent.click(await within(dialog).findByRole('button', { name: 'Avbryt' }));
  expect(
    await screen.findByText('Inga mallar skrevs: de tidigare mallbladen är kvar som de var.'),
  ).toBeTruthy();
});
