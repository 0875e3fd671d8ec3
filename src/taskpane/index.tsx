/**
 * The task pane's entry: shows a starting state at once, then decides Excel or standalone
 * (`Office.onReady`, which a slow host may take seconds to answer), creates the matching host
 * and renders the pane in the user's language (their choice, else Office's display language).
 * The Excel adapter is imported only inside Excel; in standalone mode the xlsx libraries live in
 * the analysis worker, never in the page.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { ReportSheetOptions } from '../domain/standardTables';
import { createAnalysisWorker } from './analysis/createAnalysisWorker';
import { createWorkerAnalyzer } from './analysis/workerAnalyzer';
import { App } from './App';
import { createFileHost } from './fileHost';
import type { WorkbookHost } from './host';
import { HostProvider } from './HostContext';
import { LocaleProvider } from './LocaleContext';
import { detectHost, type BootInfo } from './officeBoot';
import { StartingView } from './components/StartingView';
import { setStoragePartition } from './storage';
import { currentSettings } from './useSettings';

/** The report sheets' settings, read fresh at each write so the pane's latest settings apply. */
function reportOptions(): ReportSheetOptions {
  const s = currentSettings();
  return { riskThreshold: s.riskThreshold, varianceThresholdPercent: s.varianceThreshold };
}

async function createHost(boot: BootInfo): Promise<WorkbookHost> {
  if (boot.kind === 'excel') {
    const { createExcelHost } = await import(
      /* webpackChunkName: "office" */ '../adapters/office/excelHost'
    );
    return createExcelHost({ reportOptions });
  }
  return createFileHost({ analyzer: createWorkerAnalyzer(createAnalysisWorker), reportOptions });
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing in taskpane.html');
  const root = createRoot(container);
  // At once, before Office answers: never a blank pane.
  root.render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider>
        <StartingView />
      </LocaleProvider>
    </FluentProvider>,
  );
  const boot = await detectHost();
  // Personal choices are stored under Office's partition key, where Office gives one; set it
  // before anything reads storage again.
  setStoragePartition(boot.partitionKey);
  const host = await createHost(boot);
  document.body.dataset.host = host.kind;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider key="ready" displayLanguage={boot.displayLanguage}>
        <HostProvider host={host}>
          <App />
        </HostProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
}

void main();
