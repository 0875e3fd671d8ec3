/** @jest-environment jsdom */
import '../../../tests/setup/jsdom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Finding } from '../findings';
import { LocaleProvider } from '../LocaleContext';
import { FindingsView, PAGE_SIZE } from './FindingsView';

/** `n` unfavourable variances, worst first, on rows 3… of Drift; every tenth an indicator on Mål. */
function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `f-${i}`,
    group: i % 10 === 9 ? 'indicators' : 'variances',
    severity: 'warning',
    sheet: i % 10 === 9 ? 'Mål' : 'Drift',
    cell: `C${i + 3}`,
    title: `Rad ${i + 1} (Prognos 2023)`,
    detail: `Avvikelse -${n - i}.`,
    keywords: 'underskott',
    weight: n - i,
  }));
}

function renderView(list: Finding[], pageSize?: number): jest.Mock {
  const onSelect = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <FindingsView
          findings={list}
          onSelect={onSelect}
          {...(pageSize === undefined ? {} : { pageSize })}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
  return onSelect;
}

const list = (): HTMLElement => screen.getByRole('list', { name: 'Fynd' });
// Counted with a selector: role queries over hundreds of Fluent buttons are slow in jsdom.
const items = (): HTMLElement[] => [...list().querySelectorAll<HTMLElement>('li > button')];

test('50 000 findings draw one page of the worst, each told its place among all', () => {
  renderView(findings(50_000));
  expect(PAGE_SIZE).toBe(200);
  expect(items()).toHaveLength(200);
  expect(items()[0]).toHaveTextContent('Rad 1 (Prognos 2023)');
  const first = list().querySelector('li');
  expect(first).toHaveAttribute('aria-posinset', '1');
  expect(first).toHaveAttribute('aria-setsize', '50000');
  expect(list()).toHaveAccessibleDescription(
    'Visar de 200 första av 50\u00a0000, de allvarligaste först.',
  );
  expect(screen.getByRole('tab', { name: 'Avvikelser (45000)' })).toBeInTheDocument();
  expect(screen.getByText('Visa 200 till')).toBeInTheDocument();
});

test('"Visa fler" adds the next page and puts the focus on its first finding', async () => {
  const user = userEvent.setup();
  renderView(findings(45), 20);
  await user.click(screen.getByText('Visa 20 till'));
  expect(items()).toHaveLength(40);
  expect(items()[20]).toHaveFocus();
  expect(items()[20]).toHaveTextContent('Rad 21');
  await user.click(screen.getByText('Visa 5 till'));
  expect(items()).toHaveLength(45);
  expect(items()[40]).toHaveFocus();
  expect(screen.queryByText(/^Visa \d+ till$/)).not.toBeInTheDocument();
  expect(list()).not.toHaveAccessibleDescription();
});

test('the finding focused by "Visa fler" selects its cell with Enter', async () => {
  const user = userEvent.setup();
  const onSelect = renderView(findings(45), 20);
  await user.click(screen.getByText('Visa 20 till'));
  await user.keyboard('{Enter}');
  expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ cell: 'C23' }));
});

test('a tab or a search starts again at the first page of what it keeps', async () => {
  const user = userEvent.setup();
  renderView(findings(100), 20);
  await user.click(screen.getByText('Visa 20 till'));
  expect(items()).toHaveLength(40);
  await user.click(screen.getByRole('tab', { name: 'Indikatorer (10)' }));
  expect(items()).toHaveLength(10);
  expect(screen.queryByText(/^Visa \d+ till$/)).not.toBeInTheDocument();
  await user.click(screen.getByRole('tab', { name: 'Alla (100)' }));
  expect(items()).toHaveLength(20);
  await user.type(screen.getByRole('searchbox', { name: 'Filtrera fynden' }), 'rad 99');
  expect(items()).toHaveLength(1);
  expect(items()[0]).toHaveTextContent('Drift!C101');
  await user.clear(screen.getByRole('searchbox', { name: 'Filtrera fynden' }));
  // The reference as the item shows it finds it (sheet and cell as one).
  await user.type(screen.getByRole('searchbox', { name: 'Filtrera fynden' }), 'mål!c12');
  expect(items()).toHaveLength(1);
  await user.clear(screen.getByRole('searchbox', { name: 'Filtrera fynden' }));
  await user.type(screen.getByRole('searchbox', { name: 'Filtrera fynden' }), 'finns inte');
  expect(screen.getByText('Inga fynd här.')).toBeInTheDocument();
});
