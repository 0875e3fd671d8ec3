/** @jest-environment jsdom */
import '../../tests/setup/jsdom';
import { act, render, screen } from '@testing-library/react';
import {
  localeFor,
  LocaleProvider,
  useLocaleNotStored,
  useLocaleSwitch,
  useMessages,
} from './LocaleContext';
import { setStoragePartition, storageKey } from './storage';

function Probe(): JSX.Element {
  const m = useMessages();
  const toggle = useLocaleSwitch();
  const notStored = useLocaleNotStored();
  return (
    <button onClick={toggle} data-not-stored={String(notStored)}>
      {m.analyze}
    </button>
  );
}

beforeEach(() => {
  window.localStorage.clear();
  setStoragePartition(null);
});

test("Office's display language picks the pane's language; Scandinavian readers get Swedish", () => {
  expect(localeFor('sv-SE')).toBe('sv');
  expect(localeFor('sv-FI')).toBe('sv');
  expect(localeFor('nb-NO')).toBe('sv');
  expect(localeFor('en-US')).toBe('en');
  expect(localeFor('de-DE')).toBe('en');
  expect(localeFor(null)).toBeNull();
});

test('the pane follows the display language unless the user chose one', () => {
  const { unmount } = render(
    <LocaleProvider displayLanguage="en-GB">
      <Probe />
    </LocaleProvider>,
  );
  expect(screen.getByRole('button')).toHaveTextContent('Analyse workbook');
  act(() => screen.getByRole('button').click()); // the user chooses Swedish
  expect(screen.getByRole('button')).toHaveTextContent('Analysera arbetsboken');
  unmount();
  render(
    <LocaleProvider displayLanguage="en-GB">
      <Probe />
    </LocaleProvider>,
  );
  expect(screen.getByRole('button')).toHaveTextContent('Analysera arbetsboken');
});

test("the choice is stored under Office's partition key where there is one", () => {
  setStoragePartition('partition-1/');
  render(
    <LocaleProvider displayLanguage="sv-SE">
      <Probe />
    </LocaleProvider>,
  );
  act(() => screen.getByRole('button').click());
  expect(storageKey('namndplan.locale')).toBe('partition-1/namndplan.locale');
  expect(window.localStorage.getItem('partition-1/namndplan.locale')).toBe('en');
  expect(window.localStorage.getItem('namndplan.locale')).toBeNull();
});

test('a choice the browser refuses to store is said, not swallowed', () => {
  const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  try {
    render(
      <LocaleProvider displayLanguage="sv-SE">
        <Probe />
      </LocaleProvider>,
    );
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button')).toHaveTextContent('Analyse workbook');
    expect(screen.getByRole('button').dataset.notStored).toBe('true');
  } finally {
    setItem.mockRestore();
  }
});
