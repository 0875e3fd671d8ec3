/**
 * The task pane's entry: decide Excel or standalone, create the matching host, render the pane.
 * The Excel adapter is imported only inside Excel, the xlsx libraries only in standalone mode.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { ReportSheetOptions } from '../domain/standardTables';
import { App } from './App';
import { createFileHost } from './fileHost';
import type { WorkbookHost } from './host';
import { HostProvider } from './HostContext';
import { LocaleProvider } from './LocaleContext';
import { detectHostKind } from './officeBoot';
import { loadSettings } from './useSettings';

/** The report sheets' settings, read fresh at each write so the pane's latest settings apply. */
function reportOptions(): ReportSheetOptions {
  const s = loadSettings();
  return { riskThreshold: s.riskThreshold, varianceThresholdPercent: s.varianceThreshold };
}

async function createHost(): Promise<WorkbookHost> {
  if ((await detectHostKind()) === 'excel') {
    const { createExcelHost } = await import(
      /* webpackChunkName: "office" */ '../adapters/office/excelHost'
    );
    return createExcelHost({ reportOptions });
  }
  return createFileHost({ reportOptions });
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing in taskpane.html');
  const host = await createHost();
  document.body.dataset.host = host.kind;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider>
        <HostProvider host={host}>
          <App />
        </HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
}

void main();
