/** @jest-environment jsdom */
import '../../tests/setup/jsdom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { createInProcessAnalyzer } from './analysis/inProcessAnalyzer';
import type { PickedWorkbook } from './analysis/readPickedFile';
import { createFileHost } from './fileHost';
import type { Progress, WorkbookHost, WriteOutcome } from './host';
import { HostProvider } from './HostContext';
import { LocaleProvider } from './LocaleContext';
import { ALE_WORKBOOK } from './testing/aleGrid';

// jest cannot run the pane's dynamic import of the Word writer; the writer itself is the same.
jest.mock('./loadDocxWriter', () => ({
  loadDocxWriter: () =>
    Promise.resolve(
      jest.requireActual<typeof import('../adapters/docx/writeDocumentTables')>(
        '../adapters/docx/writeDocumentTables',
      ).writeDocumentTables,
    ),
}));

/** An Excel-like host over Ale's 4.1 table, with spies. */
function excelHost(overrides: Partial<WorkbookHost> = {}): WorkbookHost & {
  selectCell: jest.Mock;
  writeReport: jest.Mock;
} {
  return {
    kind: 'excel',
    readWorkbook: jest.fn(() => Promise.resolve(ALE_WORKBOOK)),
    writeReport: jest.fn((): Promise<WriteOutcome> =>
      Promise.resolve({ written: ['NP Avvikelser'], replaced: [], cancelled: false }),
    ),
    selectCell: jest.fn(() => Promise.resolve(true)),
    ...overrides,
  } as WorkbookHost & { selectCell: jest.Mock; writeReport: jest.Mock };
}

function renderPane(host: WorkbookHost): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <HostProvider host={host}>
          <App />
        </HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
}

/** A finding's button in the findings list (the summary names some of the same rows). */
const findingButton = async (text: RegExp): Promise<HTMLElement> =>
  within(await screen.findByRole('list', { name: /Fynd/ })).findByRole('button', { name: text });

beforeEach(() => window.localStorage.clear());

test('analysing lists Ale’s 2023 Totalt underskott of -7 000 tkr with its cell, worst first', async () => {
  const user = userEvent.setup();
  renderPane(excelHost());
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));

  const totalt = await findingButton(/Totalt \(Prognos 2023\)/);
  expect(totalt).toHaveTextContent(/Avvikelse -7\s000 \(-1,0 %\) mot Budget 2023/);
  expect(totalt).toHaveTextContent('Ekonomi!B9');
  // Its name says what it says, then where; Excel can select the cell, so it promises "Gå till".
  expect(totalt).toHaveAccessibleName(
    /^Totalt \(Prognos 2023\)\s*Ekonomi!B9\s*Varning\s*Avvikelse/,
  );
  expect(totalt).toHaveAccessibleDescription('Gå till Ekonomi!B9');
  // The end of the analysis is said in the polite status line.
  expect(screen.getByRole('status')).toHaveTextContent(
    /^Analysen klar: \d+ fynd, 0 fel, 3 varningar\.$/,
  );
  // Funktionsstöd (-3,7 %) is the worst variance and comes first.
  const list = screen.getByRole('list', { name: /Fynd/ });
  const first = within(list).getAllByRole('button')[0];
  expect(first).toHaveTextContent(/Funktionsstöd.*-7\s740/);
  // Summary: Funktionsstöd, IFO and Totalt are beyond 1 %.
  expect(screen.getByTestId('summary-unfavourable')).toHaveTextContent('3');
  // What was checked: the Totalt row in its three columns (Prognos 2023, Budget 2023, Budget 2024).
  expect(screen.getByTestId('summary-coverage')).toHaveTextContent(
    '3 belopp kontrollerade i 1 tabell',
  );
  expect(screen.getByRole('button', { name: 'Analysera igen' })).toBeEnabled();
});

test('clicking a finding selects its cell through the host', async () => {
  const user = userEvent.setup();
  const host = excelHost();
  renderPane(host);
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  await user.click(await findingButton(/Totalt \(Prognos 2023\)/));
  expect(host.selectCell).toHaveBeenCalledWith('Ekonomi', 'B9');
  expect(screen.getByRole('status')).toHaveTextContent('Markerade Ekonomi!B9.');
});

test('a cell being edited in Excel gives a message with a retry, never a blank pane', async () => {
  const user = userEvent.setup();
  const edit = Object.assign(new Error('cell edit'), { code: 'InvalidOperationInCellEditMode' });
  const readWorkbook = jest.fn().mockRejectedValueOnce(edit).mockResolvedValueOnce(ALE_WORKBOOK);
  renderPane(excelHost({ readWorkbook }));
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/en cell redigeras/);
  await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
  expect(await findingButton(/Totalt \(Prognos 2023\)/)).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(readWorkbook).toHaveBeenCalledTimes(2);
});

test('the Excel host’s own error shows its Swedish message', async () => {
  const user = userEvent.setup();
  const err = Object.assign(
    new Error('Excel är upptaget, till exempel för att en cell redigeras.'),
    {
      name: 'ExcelHostError',
      messageEn: 'Excel is busy.',
    },
  );
  renderPane(excelHost({ readWorkbook: () => Promise.reject(err) }));
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Excel är upptaget, till exempel');
});

test('writing the report asks before replacing earlier report sheets', async () => {
  const user = userEvent.setup();
  const host = excelHost();
  host.writeReport.mockImplementation(
    async (_r, confirm: (n: string[]) => Promise<boolean>): Promise<WriteOutcome> => {
      const yes = await confirm(['NP Avvikelser']);
      return yes
        ? { written: ['NP Avvikelser'], replaced: ['NP Avvikelser'], cancelled: false }
        : { written: [], replaced: [], cancelled: true };
    },
  );
  renderPane(host);
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  // The document tables come a moment after the report: let them arrive before the dialog opens.
  await user.click(await screen.findByRole('tab', { name: 'Tabeller' }));
  await screen.findByRole('button', { name: 'Ladda ner Word' });
  await user.click(screen.getByRole('tab', { name: 'Översikt' }));
  await user.click(await screen.findByRole('button', { name: 'Skriv rapportblad' }));

  const dialog = await screen.findByRole('alertdialog');
  expect(dialog).toHaveTextContent('NP Avvikelser');
  await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Inget skrevs/));

  await user.click(screen.getByRole('button', { name: 'Skriv rapportblad' }));
  await user.click(
    within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ersätt' }),
  );
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(
      'Klart: NP Avvikelser. Ersatte NP Avvikelser.',
    ),
  );
});

test('groups filter the findings and the search box narrows them', async () => {
  const user = userEvent.setup();
  renderPane(excelHost());
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  await findingButton(/Totalt/);

  // An empty group has no tab (Ale's grid has no indicators); the search finds nothing here.
  expect(screen.queryByRole('tab', { name: /^Indikatorer/ })).not.toBeInTheDocument();
  await user.type(screen.getByRole('searchbox', { name: 'Filtrera fynden' }), 'finns inte');
  expect(screen.getByText('Inga fynd här.')).toBeInTheDocument();
  await user.clear(screen.getByRole('searchbox', { name: 'Filtrera fynden' }));
  await user.click(screen.getByRole('tab', { name: /^Avvikelser/ }));
  await user.type(screen.getByRole('searchbox', { name: 'Filtrera fynden' }), 'totalt');
  const list = screen.getByRole('list', { name: /Fynd/ });
  expect(within(list).getAllByRole('button')).toHaveLength(1);
});

test('the variance threshold is remembered and changes what is highlighted', async () => {
  const user = userEvent.setup();
  renderPane(excelHost());
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  await findingButton(/Totalt/);
  const spin = screen.getByRole('spinbutton', { name: /Markera avvikelser över/ });
  await user.clear(spin);
  await user.type(spin, '3{Enter}');
  // Only Funktionsstöd (-3,7 %) is beyond 3 %.
  await waitFor(() => expect(screen.getByTestId('summary-unfavourable')).toHaveTextContent('1'));
  expect(JSON.parse(window.localStorage.getItem('namndplan.settings') ?? '{}')).toMatchObject({
    varianceThreshold: 3,
  });
});

test("in Excel the thresholds are the workbook's: read from it, written back with what else it holds", async () => {
  const user = userEvent.setup();
  const written: unknown[] = [];
  const host = excelHost({
    workbookSettings: {
      // A committee's workbook: risk threshold 16, variances beyond 3 %, and a field of a newer
      // version that must survive our write.
      read: () =>
        Promise.resolve({ version: 1, riskThreshold: 16, varianceThreshold: 3, future: [1] }),
      write: (value: unknown) => {
        written.push(value);
        return Promise.resolve();
      },
    },
  });
  renderPane(host);
  const spin = screen.getByRole('spinbutton', { name: /Markera avvikelser över/ });
  await waitFor(() => expect(spin).toHaveValue('3'));
  expect(screen.getByRole('spinbutton', { name: /Risktröskel/ })).toHaveValue('16');
  expect(screen.getByText(/sparas i arbetsboken/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  await findingButton(/Totalt/);
  // Only Funktionsstöd (-3,7 %) is beyond the workbook's 3 %.
  expect(screen.getByTestId('summary-unfavourable')).toHaveTextContent('1');
  await user.clear(spin);
  await user.type(spin, '2{Enter}');
  await waitFor(() => expect(written.at(-1)).toMatchObject({ varianceThreshold: 2 }));
  expect(written.at(-1)).toEqual({
    version: 1,
    riskThreshold: 16,
    varianceThreshold: 2,
    goalRule: 'share',
    goalScale: 4,
    goalUpper: 75,
    goalLower: 25,
    future: [1],
  });
  expect(window.localStorage.getItem('namndplan.settings')).toBeNull();
});

test('a setting the workbook refuses to store is said, and still applies', async () => {
  const user = userEvent.setup();
  const refused = Object.assign(new Error('refused'), { code: 'AccessDenied' });
  const host = excelHost({
    workbookSettings: {
      read: () => Promise.resolve(null),
      write: () => Promise.reject(refused),
    },
  });
  renderPane(host);
  const spin = screen.getByRole('spinbutton', { name: /Markera avvikelser över/ });
  await user.clear(spin);
  await user.type(spin, '3{Enter}');
  const warning = await screen.findByTestId('settings-not-saved');
  expect(warning).toHaveTextContent(/Inställningen sparades inte/);
  expect(warning).toHaveTextContent(/kunde inte sparas i arbetsboken/);
  expect(spin).toHaveValue('3');
});

test('the English switch translates the pane', async () => {
  const user = userEvent.setup();
  renderPane(excelHost());
  await user.click(screen.getByRole('button', { name: 'In English: switch to English' }));
  expect(screen.getByRole('button', { name: 'Analyse workbook' })).toBeInTheDocument();
  expect(window.localStorage.getItem('namndplan.locale')).toBe('en');
});

test('standalone: a picked .xlsx is read and analysed; cells are named, not selected', async () => {
  const user = userEvent.setup();
  const read = jest.fn((): Promise<PickedWorkbook> =>
    Promise.resolve({ snapshot: ALE_WORKBOOK, unreadable: [] }),
  );
  const host = createFileHost({ analyzer: createInProcessAnalyzer({ read }) });
  renderPane(host);
  // At the start the primary action picks the workbook: no disabled analyse button.
  expect(screen.getByRole('button', { name: 'Välj arbetsbok…' })).toBeEnabled();
  expect(screen.queryByRole('button', { name: 'Analysera arbetsboken' })).not.toBeInTheDocument();
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'ale.xlsx');
  await user.upload(screen.getByLabelText('Välj arbetsbok…', { selector: 'input' }), file);

  await user.click(await findingButton(/Totalt \(Prognos 2023\)/));
  // The page hands the File itself to the analyzer, which reads it (a worker, in a browser).
  expect(read).toHaveBeenCalledWith(file, 'ale.xlsx', expect.any(Function));
  expect(screen.getByText('ale.xlsx')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Öppna arbetsboken i Excel och gå till Ekonomi!B9.',
  );
  // After the analysis the picker is one line; a finding says where its cell is, promises no "Gå till".
  expect(screen.getByRole('button', { name: 'Byt arbetsbok' })).toBeInTheDocument();
  expect(screen.queryByText('Släpp en .xlsx-fil här, eller')).not.toBeInTheDocument();
  const totalt = await findingButton(/Totalt \(Prognos 2023\)/);
  expect(totalt).toHaveAccessibleName(/^Totalt \(Prognos 2023\)\s*Ekonomi!B9\s*Varning/);
  expect(totalt).not.toHaveAccessibleDescription(/Gå till/);
  expect(screen.getByRole('button', { name: 'Ladda ner rapport (.xlsx)' })).toBeInTheDocument();
});

test('standalone: progress names the sheet being read; Cancel stops it and the pane goes on', async () => {
  const user = userEvent.setup();
  let proceed: () => void = () => undefined;
  const read = jest
    .fn()
    .mockImplementationOnce(
      (_file: Blob, _name: string, onProgress: (p: Progress) => void): Promise<PickedWorkbook> => {
        onProgress({
          phase: 'reading',
          fraction: 0,
          sheet: { name: 'Drift', index: 1, count: 2, rows: 42000 },
        });
        return new Promise((resolve) => {
          proceed = () => resolve({ snapshot: ALE_WORKBOOK, unreadable: [] });
        });
      },
    )
    .mockResolvedValue({ snapshot: ALE_WORKBOOK, unreadable: [] });
  renderPane(createFileHost({ analyzer: createInProcessAnalyzer({ read }) }));
  await user.upload(
    screen.getByLabelText('Välj arbetsbok…', { selector: 'input' }),
    new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'stor.xlsx'),
  );

  expect(await screen.findByText(/^Läser Drift \(blad 1 av 2\): 42\s000 rader…$/)).toBeVisible();
  const analyse = screen.getByRole('button', { name: 'Analysera arbetsboken' });
  expect(analyse).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Avbryt' }));

  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Avbrutet\./));
  expect(screen.queryByRole('button', { name: 'Avbryt' })).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  // Focus is back on the primary action, which works again.
  await waitFor(() => expect(analyse).toHaveFocus());
  proceed(); // the cancelled run's late answer shows nothing
  expect(screen.queryByRole('heading', { name: 'Sammanfattning' })).not.toBeInTheDocument();
  await user.click(analyse);
  expect(await findingButton(/Totalt \(Prognos 2023\)/)).toBeInTheDocument();
});

test('the Excel host has no Cancel: Office.js work cannot be stopped', async () => {
  const user = userEvent.setup();
  let proceed: () => void = () => undefined;
  const readWorkbook = jest.fn(
    () => new Promise<typeof ALE_WORKBOOK>((resolve) => (proceed = () => resolve(ALE_WORKBOOK))),
  );
  renderPane(excelHost({ readWorkbook }));
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  expect(await screen.findByText('Läser arbetsboken…')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Avbryt' })).not.toBeInTheDocument();
  proceed();
  expect(await findingButton(/Totalt \(Prognos 2023\)/)).toBeInTheDocument();
});
