/** @jest-environment jsdom */
import '../../../tests/setup/jsdom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbook } from '../../adapters/xlsx/readWorkbook';
import { analyzeWorkbook } from '../../domain/analyze';
import type { WorkbookSnapshot } from '../../domain/grid';
import type { GoalSettings, Report } from '../../domain/report';
import { App } from '../App';
import { summarize } from '../findings';
import type { WorkbookHost, WriteOutcome } from '../host';
import { HostProvider } from '../HostContext';
import { LocaleProvider } from '../LocaleContext';
import { GoalsView } from './GoalsView';

const MARK = join(resolve(__dirname, '..', '..', '..'), 'tests', 'fixtures', 'mark-2024.xlsx');

function markBook(): WorkbookSnapshot {
  const bytes = readFileSync(MARK);
  return readWorkbook(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    'mark-2024.xlsx',
  );
}

function markReport(goals: GoalSettings = {}): Report {
  return analyzeWorkbook(markBook(), { riskThreshold: 12, goals });
}

function renderView(report: Report, locale: 'sv' | 'en' = 'sv'): jest.Mock {
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial={locale}>
        <GoalsView report={report} onSelect={onSelect} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return onSelect;
}

const goalButton = (text: string): HTMLElement =>
  screen.getByRole('button', { name: new RegExp(`^${text}`) });

beforeEach(() => window.localStorage.clear());

test('Mark 2024: the KF goal is helt over its committee goal, delvis with 1 av 3 uppfyllda', () => {
  renderView(markReport());
  const kf = goalButton('Kommungemensamt mål Bästa barnkommun');
  expect(kf).toHaveTextContent('helt uppfyllt');
  expect(kf).toHaveTextContent('1 av 1 uppfyllda');
  // The committee's goal sits in the list under the KF goal's item, not beside it.
  const kfItem = kf.closest('li');
  expect(kfItem).not.toBeNull();
  const namnd = within(kfItem as HTMLElement).getByRole('button', {
    name: /^Nämndens mål: Bästa barnkommun/,
  });
  expect(namnd).toHaveTextContent('delvis uppfyllt');
  expect(namnd).toHaveTextContent('1 av 3 uppfyllda');
  expect(namnd).toHaveTextContent('Mål!A9');
  // The word is on its colour, the report sheets' verdict-delvis yellow: never colour alone.
  const word = within(namnd).getByText('delvis uppfyllt');
  expect(word).toHaveAttribute('data-verdict', 'delvis');
  expect(goalButton('Nämndens mål: Digitalt först')).toHaveTextContent('ej bedömd');
  // The document prints no verdict of its own here: none is shown.
  expect(screen.queryByTestId('reported-verdict')).toBeNull();
});

test('a goal opens to its indicators; clicking a goal or an indicator selects its cell', async () => {
  const user = userEvent.setup();
  const onSelect = renderView(markReport());
  await user.click(goalButton('Nämndens mål: Bästa barnkommun'));
  expect(onSelect).toHaveBeenLastCalledWith('Mål', 'A9');

  const toggle = screen.getByRole('button', {
    name: 'Visa 3 indikatorer under Nämndens mål: Bästa barnkommun',
  });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('button', { name: /Antal berörda barn vid vräkningar/ })).toBeNull();
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const indicator = screen.getByRole('button', { name: /Antal berörda barn vid vräkningar/ });
  expect(indicator).toHaveTextContent('ej uppfyllt');
  await user.click(indicator);
  expect(onSelect).toHaveBeenLastCalledWith('Mål', 'A11');
});

test('följetal are listed apart and counted neither unclear nor without target', () => {
  const report = markReport();
  renderView(report);
  const foljetal = screen.getByRole('list', { name: /^Följetal/ });
  expect(within(foljetal).getAllByRole('button')).toHaveLength(19);
  expect(within(foljetal).getAllByRole('button')[0]).toHaveTextContent(
    'Antal personer med LSS-insatser i ordinärt boende',
  );
  // A följetal shows its figure, never "mål saknas".
  expect(foljetal).not.toHaveTextContent('mål saknas');
  const summary = summarize(report, { varianceThreshold: 1 });
  expect(summary.foljetal).toBe(19);
  expect(summary.indicatorsNoTarget).toBe(0);
  expect(summary.indicatorsUnclear).toBe(0);
});

test('the verdicts in English', () => {
  renderView(markReport(), 'en');
  expect(screen.getByRole('heading', { name: 'Goals' })).toBeInTheDocument();
  const namnd = goalButton('Nämndens mål: Bästa barnkommun');
  expect(namnd).toHaveTextContent('partly met');
  expect(namnd).toHaveTextContent('1 of 3 met');
});

test('the rule Svagaste in the settings re-judges: Nämndens mål: Bästa barnkommun becomes ej', async () => {
  const user = userEvent.setup();
  const book = markBook();
  const host: WorkbookHost = {
    kind: 'excel',
    readWorkbook: () => Promise.resolve(book),
    writeReport: (): Promise<WriteOutcome> =>
      Promise.resolve({ written: [], replaced: [], cancelled: false }),
    selectCell: jest.fn(() => Promise.resolve(true)),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <HostProvider host={host}>
          <App />
        </HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Analysera arbetsboken' }));
  expect(await screen.findByTestId('summary-foljetal')).toHaveTextContent('19');
  await user.click(screen.getByRole('tab', { name: 'Mål' }));
  const before = await screen.findByRole('button', { name: /^Nämndens mål: Bästa barnkommun/ });
  expect(before).toHaveTextContent('delvis uppfyllt');
  await user.click(before);
  expect(host.selectCell).toHaveBeenLastCalledWith('Mål', 'A9');

  await user.click(screen.getByRole('radio', { name: 'Svagaste' }));
  const after = await screen.findByRole('button', {
    name: /^Nämndens mål: Bästa barnkommun.*ej uppfyllt/,
  });
  expect(after).toHaveTextContent('1 av 3 uppfyllda');
  expect(screen.getByRole('list', { name: /regel: Svagaste/ })).toBeInTheDocument();
  // Remembered as the other settings are, and the share thresholds no longer apply.
  expect(JSON.parse(window.localStorage.getItem('namndplan.settings') ?? '{}')).toMatchObject({
    goalRule: 'worst',
  });
  expect(screen.getByRole('spinbutton', { name: /I hög grad uppfyllt från/ })).toBeDisabled();
});
