/**
 * The task pane: one primary action (Analysera arbetsboken in Excel; Välj arbetsbok… over a file,
 * which analyses what is picked), progress, errors with a retry, then the result in three views
 * (Översikt: the summary, the report actions and the findings; Mål; Tabeller) and the settings.
 * Works the same over Excel and over a picked file; only the file picker and the write button's
 * words differ. Made for a 350 px task pane: after an analysis the picker folds to one line and
 * the subtitle goes, so the result against budget and the first findings show without scrolling;
 * the end of an analysis is said in the status line, which screen readers read out.
 */
import {
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  DataBarVerticalRegular,
  TableAddRegular,
} from '@fluentui/react-icons';
import { useCallback, useMemo, useRef, useState } from 'react';
import { moneySummary } from '../domain/output';
import { ConfirmReplaceDialog } from './components/ConfirmReplaceDialog';
import { DocumentTablesView } from './components/DocumentTablesView';
import { FileDrop, type PickedFile } from './components/FileDrop';
import { FindingsView } from './components/FindingsView';
import { GoalsView } from './components/GoalsView';
import { ProgressView } from './components/ProgressView';
import { SettingsView } from './components/SettingsView';
import { SummaryView } from './components/SummaryView';
import { TemplateView } from './components/TemplateView';
import { TemplatesButton } from './components/TemplateViewAction';
import { isFileHost } from './fileHost';
import { buildFindings, summarize, type Finding } from './findings';
import { useHost } from './HostContext';
import { useLocaleNotStored, useLocaleSwitch, useMessages } from './LocaleContext';
import { describeError } from './describeError';
import { useAnalysis } from './useAnalysis';
import { useConfirmReplace } from './useConfirmReplace';
import { useDocumentTables } from './useDocumentTables';
import { goalSettings, useSettings } from './useSettings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
    margin: '0 auto',
  },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  headerText: { flexGrow: 1, minWidth: 0 },
  language: { flexShrink: 0, whiteSpace: 'nowrap' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { margin: `${tokens.spacingVerticalXS} 0 0 0`, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  primary: { width: '100%' },
  notice: { color: tokens.colorNeutralForeground2, minHeight: '1.2em', margin: 0 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The result's views, in the order of their tabs. */
const VIEWS = ['overview', 'goals', 'tables'] as const;
type View = (typeof VIEWS)[number];

export function App(): JSX.Element {
  const host = useHost();
  const m = useMessages();
  const switchLocale = useLocaleSwitch();
  const s = useStyles();
  const { settings, update, saveError } = useSettings(host);
  const languageNotStored = useLocaleNotStored();
  const { riskThreshold, goalRule, goalScale, goalUpper, goalLower } = settings;
  // The same object while the settings the engine reads stay the same: a new one re-analyses.
  const analyzeOptions = useMemo(
    () => ({
      riskThreshold,
      goals: goalSettings({ goalRule, goalScale, goalUpper, goalLower }),
    }),
    [riskThreshold, goalRule, goalScale, goalUpper, goalLower],
  );
  const analysis = useAnalysis(host, analyzeOptions, m);
  const confirm = useConfirmReplace();
  const [fileName, setFileName] = useState<string | null>(isFileHost(host) ? host.fileName : null);

  const primary = useRef<HTMLElement | null>(null);
  const setPrimary = useCallback((el: HTMLElement | null) => {
    primary.current = el;
  }, []);

  const { report, selectCell } = analysis;
  const varianceThreshold = settings.varianceThreshold;
  const findings = useMemo(
    () => (report ? buildFindings(report, { varianceThreshold }, m) : []),
    [report, varianceThreshold, m],
  );
  const summary = useMemo(
    () => (report ? summarize(report, { varianceThreshold }) : null),
    [report, varianceThreshold],
  );
  // The committee only names the tables' titles, which the summary's lines do not show.
  const money = useMemo(
    () =>
      report
        ? moneySummary(report, { thresholdPercent: varianceThreshold, committee: null })
        : null,
    [report, varianceThreshold],
  );
  const documents = useDocumentTables(report, settings.riskThreshold, {
    readSnapshot: analysis.readSnapshot,
  });
  const onSelect = useCallback((f: Finding) => void selectCell(f.sheet, f.cell), [selectCell]);
  const onSelectCell = useCallback(
    (sheet: string, cell: string) => void selectCell(sheet, cell),
    [selectCell],
  );

  const onFile = (file: PickedFile): void => {
    if (!isFileHost(host)) return;
    host.setFile(file.name, file.file);
    setFileName(file.name);
    analysis.reset();
    void analysis.analyze();
  };

  const busy = analysis.progress !== null;
  // Over a file, picking analyses: the analyse button is there only to try a picked file again.
  const showAnalyse = host.kind === 'excel' || (fileName !== null && report === null);
  const [view, setView] = useState<View>('overview');
  const status =
    analysis.notice ??
    (report === null || busy
      ? ''
      : m.analysisDone(
          findings.length,
          findings.filter((f) => f.severity === 'critical').length,
          findings.filter((f) => f.severity === 'warning').length,
        ));

  return (
    <main className={s.root} lang={m.locale === 'sv' ? 'sv-SE' : 'en'}>
      <header className={s.header}>
        <div className={s.headerText}>
          <h1 className={s.title}>{m.appTitle}</h1>
          {report === null && (
            <p className={s.subtitle}>{host.kind === 'excel' ? m.subtitleExcel : m.subtitleFile}</p>
          )}
        </div>
        <Button
          appearance="subtle"
          size="small"
          className={s.language}
          onClick={switchLocale}
          aria-label={m.switchLanguageLabel}
          lang={m.locale === 'sv' ? 'en' : 'sv-SE'}
        >
          {m.switchLanguage}
        </Button>
      </header>

      {host.kind === 'file' && (
        <FileDrop fileName={fileName} onFile={onFile} collapsed={report !== null} />
      )}

      {showAnalyse && (
        <Button
          appearance="primary"
          size="large"
          className={s.primary}
          icon={<DataBarVerticalRegular />}
          ref={setPrimary}
          disabled={busy}
          onClick={() => void analysis.analyze()}
        >
          {report ? m.analyzeAgain : m.analyze}
        </Button>
      )}

      <ProgressView progress={analysis.progress} onCancel={analysis.cancel} returnFocus={primary} />

      {analysis.error !== null && (
        <MessageBar intent="error" role="alert" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{m.errorTitle}</MessageBarTitle>
            {analysis.error.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={analysis.error.retry}>{m.retry}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <p role="status" aria-live="polite" className={s.notice} data-testid="notice">
        {status}
      </p>

      {report === null && (
        // Before an analysis: an empty template. After one it stands among the report actions.
        <section aria-label={m.templates.action} className={s.actions}>
          <TemplatesButton host={host} report={report} scale={goalScale} disabled={busy} />
        </section>
      )}

      {report?.template && (
        <TemplateView
          template={report.template}
          canSelect={host.kind === 'excel'}
          onSelect={onSelectCell}
        />
      )}

      {report !== null && summary !== null && money !== null && (
        <TabList
          size="small"
          selectedValue={view}
          onTabSelect={(_e, data) => setView(data.value as View)}
          aria-label={m.viewsLabel}
        >
          {VIEWS.map((v) => (
            <Tab key={v} value={v} id={`view-tab-${v}`}>
              {m.views[v]}
            </Tab>
          ))}
        </TabList>
      )}
      {report !== null && summary !== null && money !== null && (
        <div role="tabpanel" aria-labelledby={`view-tab-${view}`} className={s.panel}>
          {view === 'overview' && (
            <>
              <SummaryView
                summary={summary}
                money={money}
                onSelect={onSelectCell}
                varianceThreshold={settings.varianceThreshold}
                riskThreshold={settings.riskThreshold}
              />
              <section aria-label={m.actionsTitle} className={s.actions}>
                <Button
                  size="small"
                  icon={<TableAddRegular />}
                  disabled={busy}
                  onClick={() => void analysis.writeReport(confirm.ask)}
                >
                  {host.kind === 'excel' ? m.writeReportExcel : m.writeReportFile}
                </Button>
                <Button
                  size="small"
                  icon={<ArrowDownloadRegular />}
                  disabled={busy}
                  onClick={analysis.downloadJson}
                >
                  {m.downloadJson}
                </Button>
                <TemplatesButton host={host} report={report} scale={goalScale} disabled={busy} />
              </section>
              <FindingsView
                findings={findings}
                onSelect={onSelect}
                canSelect={host.kind === 'excel'}
              />
            </>
          )}
          {view === 'goals' && <GoalsView report={report} onSelect={onSelectCell} />}
          {view === 'tables' && (
            <DocumentTablesView
              tables={documents.tables}
              busy={busy}
              onDownloadDocx={documents.downloadDocx}
            />
          )}
        </div>
      )}

      <Divider />
      <SettingsView
        settings={settings}
        onChange={update}
        where={host.workbookSettings ? m.settingsInWorkbook : m.settingsInBrowser}
      />
      {(saveError !== null || languageNotStored) && (
        <MessageBar intent="warning" data-testid="settings-not-saved">
          <MessageBarBody>
            <MessageBarTitle>{m.settingsNotSavedTitle}</MessageBarTitle>
            {saveError === null
              ? m.languageNotStored
              : saveError.where === 'local'
                ? m.settingsNotSavedLocal
                : saveError.where === 'workbook'
                  ? m.settingsNotSavedWorkbook(describeError(saveError.error, m))
                  : m.settingsNotReadWorkbook(describeError(saveError.error, m))}
          </MessageBarBody>
        </MessageBar>
      )}
      <ConfirmReplaceDialog names={confirm.pending} onAnswer={confirm.answer} />
    </main>
  );
}
