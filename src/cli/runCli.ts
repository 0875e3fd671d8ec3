/**
 * The command line's logic, apart from `process`: takes the arguments and two output streams,
 * returns the exit status. `main.ts` wires it to the real process.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { analyzeWorkbook } from '../domain/analyze';
import { buildReportSheets } from '../domain/standardTables';
import { readWorkbookFile } from '../adapters/xlsx/readWorkbookFile';
import { writeReportWorkbook } from '../adapters/xlsx/writeReportWorkbook';
import { OutputWriteError, UnreadableWorkbookError } from '../errors';
import { HELP_TEXT, UsageError, parseArgs } from './args';
import { formatSummary } from './summary';
import { writeFileAtomic } from './writeFileAtomic';

/** Where the command writes: standard output and standard error. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Told what the command is doing now (`läser plan.xlsx`), and `null` when it is done; given only
   * when someone watches (standard error is a terminal), so pipes and logs stay clean.
   */
  progress?: ((step: string | null) => void) | undefined;
}

/** Exit statuses (report-json.md): analysed, other failure, unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_UNREADABLE = 2;

/**
 * Runs `namndplan` with `argv` (the arguments after the program name) and returns the exit
 * status: 0 when the workbook was analysed (whatever it found), 2 when it cannot be read, 1 for
 * anything else. Errors are one Swedish line on stderr starting `namndplan: `, never a stack.
 * Outputs are written only after the analysis succeeded, each atomically; the input is only read.
 *
 * @example await runCli(['analyze', 'plan.xlsx', '--json', '-'], io) // → 0, JSON on io.stdout
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  version = '0.0.0',
): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    if (command.kind === 'version') {
      io.stdout(`namndplan ${version}\n`);
      return EXIT_OK;
    }
    for (const output of [command.json, command.out]) {
      if (output !== null && output !== '-' && samePath(output, command.input)) {
        throw new UsageError(`${output} är indatafilen; den skrivs aldrig över`);
      }
    }
    if (command.json !== null && command.json === command.out) {
      throw new UsageError('--json och --out kan inte vara samma fil');
    }

    const step = io.progress ?? ((): void => undefined);
    step(`läser ${basename(command.input)}`);
    const snapshot = await readWorkbookFile(command.input);
    step(`analyserar ${basename(command.input)}`);
    // Let a terminal show the step before the (synchronous) analysis takes the thread.
    if (io.progress) await new Promise((done) => setImmediate(done));
    const report = analyzeWorkbook(snapshot, { riskThreshold: command.riskThreshold });

    // Build every output in memory first, so a failure leaves no file behind.
    const json = command.json === null ? null : `${JSON.stringify(report, null, 2)}\n`;
    if (command.out !== null) step(`skriver ${basename(command.out)}`);
    const workbook =
      command.out === null
        ? null
        : await writeReportWorkbook(
            buildReportSheets(report, { riskThreshold: command.riskThreshold }),
            { sourceFile: relative(dirname(resolve(command.out)), resolve(command.input)) },
          );
    step(null);

    if (json !== null && command.json !== null) {
      if (command.json === '-') io.stdout(json);
      else await writeFileAtomic(command.json, json);
    }
    if (workbook !== null && command.out !== null) await writeFileAtomic(command.out, workbook);

    const wantSummary =
      command.summary === 'summary' ||
      (command.summary === 'auto' && command.json === null && command.out === null);
    if (wantSummary) {
      const text = formatSummary(report, command.riskThreshold);
      // With the JSON on stdout the summary goes to stderr, keeping stdout valid JSON.
      if (command.json === '-') io.stderr(text);
      else io.stdout(text);
    }
    return EXIT_OK;
  } catch (error) {
    io.progress?.(null);
    if (error instanceof UnreadableWorkbookError) {
      io.stderr(errorLine(error.message));
      return EXIT_UNREADABLE;
    }
    if (error instanceof UsageError) {
      io.stderr(errorLine(`${error.message} (se namndplan --help)`));
      return EXIT_FAILURE;
    }
    if (error instanceof OutputWriteError) {
      io.stderr(errorLine(error.message));
      return EXIT_FAILURE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(errorLine(`oväntat fel: ${message}`));
    return EXIT_FAILURE;
  }
}

/** One line, prefixed: `namndplan: plan.xlsx: finns inte`. */
function errorLine(message: string): string {
  const first = message.split(/\r?\n/)[0] ?? '';
  return `namndplan: ${first.trim()}\n`;
}

function samePath(a: string, b: string): boolean {
  const canonical = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return canonical(a) === canonical(b);
}
