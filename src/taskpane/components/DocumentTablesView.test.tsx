/** @jest-environment jsdom */
import '../../../tests/setup/jsdom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyzeWorkbook } from '../../domain/analyze';
import { buildDocumentTables } from '../../domain/output';
import { LocaleProvider } from '../LocaleContext';
import type { ClipboardDeps } from '../tableClipboard';
import { ALE_WORKBOOK } from '../testing/aleGrid';
import { DocumentTablesView } from './DocumentTablesView';

const REPORT = analyzeWorkbook(ALE_WORKBOOK, { riskThreshold: 12 });
const TABLES = buildDocumentTables(ALE_WORKBOOK, REPORT, { riskThreshold: 12 });
const TITLE = 'Ekonomisk sammanställning, prognos 2023 (tkr)';

function renderView(clipboard: ClipboardDeps, onDownloadDocx = jest.fn()): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="sv">
        <DocumentTablesView
          tables={TABLES}
          busy={false}
          onDownloadDocx={onDownloadDocx}
          clipboard={clipboard}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
}

/** A clipboard that keeps what it was given: one item's texts by type, or the text alone. */
function recordingClipboard(refuse: 'none' | 'rich' | 'all' = 'none'): ClipboardDeps & {
  items: Record<string, string>[];
  texts: string[];
} {
  const items: Record<string, string>[] = [];
  const texts: string[] = [];
  return {
    items,
    texts,
    makeItem: (parts) => parts as unknown as ClipboardItem,
    clipboard: {
      write: (written) => {
        if (refuse !== 'none') return Promise.reject(new DOMException('denied', 'NotAllowedError'));
        for (const item of written) items.push(item as unknown as Record<string, string>);
        return Promise.resolve();
      },
      writeText: (text) => {
        if (refuse === 'all') return Promise.reject(new DOMException('denied', 'NotAllowedError'));
        texts.push(text);
        return Promise.resolve();
      },
    },
  };
}

test('copying Ale’s Ekonomisk sammanställning puts a real table on the clipboard: HTML and TSV', async () => {
  const user = userEvent.setup();
  const clip = recordingClipboard();
  renderView(clip);
  await user.click(screen.getByRole('button', { name: `Kopiera tabellen ${TITLE}` }));

  expect(clip.items).toHaveLength(1);
  const { 'text/html': html, 'text/plain': tsv } = clip.items[0]!;
  const lines = tsv!.split('\r\n');
  expect(lines.slice(0, 2)).toEqual([
    TITLE,
    'Besluts/verksamhetsområden\tBudget 2023\tPrognos 2023\tAvvikelse\tAvvikelse %',
  ]);
  expect(lines).toContain('Funktionsstöd\t-209491\t-217231\t-7740\t-3,7%');
  expect(lines).toContain('Totalt\t-683434\t-690434\t-7000\t-1,0%');

  const doc = new DOMParser().parseFromString(html!, 'text/html');
  const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent);
  expect(headers).toEqual([
    'Besluts/verksamhetsområden',
    'Budget 2023',
    'Prognos 2023',
    'Avvikelse',
    'Avvikelse %',
  ]);
  const rows = [...doc.querySelectorAll('tbody tr')];
  const totalt = rows[rows.length - 1]!.querySelectorAll('td');
  // As Word shows it (U+2212, no-break spaces), the value beside it for Excel, bold, right-aligned.
  expect([...totalt].map((td) => td.textContent)).toEqual([
    'Totalt',
    '\u2212683\u00a0434',
    '\u2212690\u00a0434',
    '\u22127\u00a0000',
    '\u22121,0\u00a0%',
  ]);
  expect(totalt[3]!.getAttribute('x:num')).toBe('-7000');
  expect(totalt[4]!.getAttribute('x:num')).toBe('-0.01');
  expect(totalt[3]!.getAttribute('style')).toMatch(/font-weight:bold/);
  expect(totalt[3]!.getAttribute('style')).toMatch(/text-align:right/);
  expect(rows[0]!.querySelector('td')!.getAttribute('style')).not.toMatch(/bold/);
  expect(doc.body.textContent).toContain(TITLE);
  expect(screen.getByTestId('copy-status')).toHaveTextContent(`Kopierade ${TITLE}.`);
});

test('where rich items are refused, the tab-separated text alone is copied', async () => {
  const user = userEvent.setup();
  const clip = recordingClipboard('rich');
  renderView(clip);
  await user.click(screen.getByRole('button', { name: `Kopiera tabellen ${TITLE}` }));
  expect(clip.texts).toHaveLength(1);
  expect(clip.texts[0]).toContain('Totalt\t-683434\t-690434\t-7000\t-1,0%');
});

test('a clipboard that is not allowed is said in the pane', async () => {
  const user = userEvent.setup();
  renderView(recordingClipboard('all'));
  await user.click(screen.getByRole('button', { name: `Kopiera tabellen ${TITLE}` }));
  expect(screen.getByTestId('copy-status')).toHaveTextContent(/Urklipp är inte tillåtet här/);
});

test('no clipboard at all is said too', async () => {
  const user = userEvent.setup();
  renderView({ clipboard: undefined, makeItem: undefined });
  await user.click(screen.getByRole('button', { name: `Kopiera tabellen ${TITLE}` }));
  expect(screen.getByTestId('copy-status')).toHaveTextContent(/Urklipp är inte tillåtet här/);
});

test('Ladda ner Word says the file it downloaded', async () => {
  const user = userEvent.setup();
  const onDownloadDocx = jest.fn(() => Promise.resolve('ale-test-rapport.docx'));
  renderView(recordingClipboard(), onDownloadDocx);
  await user.click(screen.getByRole('button', { name: 'Ladda ner Word' }));
  expect(onDownloadDocx).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId('copy-status')).toHaveTextContent('Laddade ner ale-test-rapport.docx.');
});
