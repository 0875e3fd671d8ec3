/** @jest-environment jsdom */
import '../../../tests/setup/jsdom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyzeWorkbook } from '../../domain/analyze';
import { moneySummary } from '../../domain/output';
import { summarize } from '../findings';
import { LocaleProvider } from '../LocaleContext';
import { ALE_WORKBOOK } from '../testing/aleGrid';
import { sheetOf, workbookOf } from '../../domain/testing/grids';
import { SummaryView } from './SummaryView';

const REPORT = analyzeWorkbook(ALE_WORKBOOK, { riskThreshold: 12 });

function renderSummary(threshold = 1, locale: 'sv' | 'en' = 'sv'): jest.Mock {
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial={locale}>
        <SummaryView
          summary={summarize(REPORT, { varianceThreshold: threshold })}
          money={moneySummary(REPORT, { thresholdPercent: threshold, committee: null })}
          varianceThreshold={threshold}
          riskThreshold={12}
          onSelect={onSelect}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
  return onSelect;
}

test('the summary leads with money: results, then the largest deficits, then goals, then arithmetic', async () => {
  renderSummary();
  // The counts of goals and arithmetic fold away under the money, one button away.
  expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2);
  const fold = screen.getByRole('button', { name: 'Mål, indikatorer och räkningen' });
  expect(fold).toHaveAttribute('aria-expanded', 'false');
  await userEvent.setup().click(fold);
  expect(fold).toHaveAttribute('aria-expanded', 'true');
  const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
  expect(headings).toEqual([
    'Resultat mot budget',
    'Största underskotten',
    'Mål och indikatorer',
    'Räkningen',
  ]);
  // Ale 2023: Prognos -690 434 against Budget -683 434, Totalt.
  const results = within(screen.getByTestId('summary-results')).getAllByRole('button');
  expect(results).toHaveLength(1);
  expect(results[0]).toHaveTextContent(
    /^Prognos 2023: -7\s000 tkr \(-1,0 %\) mot budget, underskott · Ekonomi!B9$/,
  );
});

test('the largest deficits are by amount, every amount with its unit, lines apart from totals', () => {
  renderSummary();
  const lines = within(screen.getByTestId('summary-largest-operating-lines'))
    .getAllByRole('button')
    .map((b) => b.textContent);
  // Funktionsstöd -7 740 (-3,7 %) before IFO -3 400 (-2,3 %); Totalt is among the totals.
  expect(lines).toEqual([
    expect.stringMatching(/^Funktionsstöd \(Prognos 2023\): -7\s740 tkr \(-3,7 %\)/),
    expect.stringMatching(/^Individ- och familjeomsorg \(Prognos 2023\): -3\s400 tkr \(-2,3 %\)/),
  ]);
  const totals = within(screen.getByTestId('summary-largest-operating-totals')).getAllByRole(
    'button',
  );
  expect(totals.map((b) => b.textContent)).toEqual([
    expect.stringMatching(/^Totalt \(Prognos 2023\): -7\s000 tkr \(-1,0 %\)/),
  ]);
  expect(screen.getByTestId('summary-unfavourable')).toHaveTextContent('3');
});

test('the threshold is the CLI’s: at 1,5 % Totalt (-1,02 %) no longer passes', () => {
  renderSummary(1.5);
  expect(screen.queryByTestId('summary-largest-operating-totals')).not.toBeInTheDocument();
  expect(screen.getByTestId('summary-unfavourable')).toHaveTextContent('2');
});

test('a result is clickable to its cell', async () => {
  const user = userEvent.setup();
  const onSelect = renderSummary();
  await user.click(screen.getByRole('button', { name: /^Prognos 2023: -7/ }));
  expect(onSelect).toHaveBeenCalledWith('Ekonomi', 'B9');
});

test('in English the result says against budget', () => {
  renderSummary(1, 'en');
  expect(within(screen.getByTestId('summary-results')).getByRole('button')).toHaveTextContent(
    /^Prognos 2023: -7,000 tkr \(-1\.0 %\) against budget, deficit/,
  );
});

test('at most three lines and two totals per list, the rest counted: the first findings stay in view', () => {
  const rows = [
    ['Driftredovisning (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse'],
    ...[1, 2, 3, 4, 5].map((i) => [`Verksamhet ${i}`, -10000, -10000 - i * 500, -i * 500]),
    ['Summa', -50000, -57500, -7500],
  ];
  const report = analyzeWorkbook(workbookOf(sheetOf('Drift', rows)));
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <SummaryView
          summary={summarize(report, { varianceThreshold: 1 })}
          money={moneySummary(report, { thresholdPercent: 1, committee: null })}
          varianceThreshold={1}
          riskThreshold={12}
          onSelect={jest.fn()}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
  const group = within(screen.getByTestId('summary-largest-operating-lines'));
  // By amount: 2 500, 2 000 and 1 500 tkr shown, the two smaller ones counted.
  expect(group.getAllByRole('button').map((b) => b.textContent?.split(' (')[0])).toEqual([
    'Verksamhet 5',
    'Verksamhet 4',
    'Verksamhet 3',
  ]);
  expect(group.getByText('… och 2 till (se Fynd nedan)')).toBeTruthy();
});
