/**
 * The command line's logic, apart from `process`: takes the arguments and two output streams,
 * returns the exit status. `main.ts` wires it to the real process.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { analyzeWorkbook } from '../domain/analyze';
import { buildDocumentTables } from '../domain/output/documentTables';
import { reportWorkbookSheets } from '../domain/output/reportWorkbookSheets';
import { findCommittee } from '../domain/output/committee';
import { withUnreadableSheets } from '../domain/unreadableSheets';
import { writeDocumentTables } from './lazy/loadWriters';
import { readWorkbookFile } from '../adapters/xlsx/readWorkbookFile';
import { writeReportWorkbook } from './lazy/loadWriters';
import { OutputWriteError, UnreadableWorkbookError } from '../errors';
import { HELP_TEXT, UsageError, parseArgs } from './args';
import { isStdout, outputTarget, sameFile, type OutputTarget } from './outputTargets';
import { formatSummary } from './summary';
import { withTemplateFormulas } from './templateFormulas';
import { runTemplate } from './runTemplate';
import { terminalField, terminalText } from './terminalText';
import { jsonBytes, jsonTexts } from './writeJson';
import { writeOutputs, type Output } from './writeOutputs';

/** Where the command writes: standard output and standard error. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Told what the command is doing now (`läser plan.xlsx`), and `null` when it is done; given only
   * when someone watches (standard error is a terminal), so pipes and logs stay clean.
   */
  progress?: ((step: string | null) => void) | undefined;
  /** Bytes for standard output (`--out /dev/stdout`); without it they cannot go there. */
  stdoutBytes?: ((bytes: Uint8Array) => void) | undefined;
}

/** Exit statuses (report-json.md): analysed, other failure, unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_UNREADABLE = 2;

/**
 * Runs `namndplan` with `argv` (the arguments after the program name) and returns the exit
 * status: 0 when the workbook was analysed (whatever it found), 2 when it cannot be read, 1 for
 * anything else. Errors are one Swedish line on stderr starting `namndplan: `, never a stack.
 * Where each output may be written is settled before the input is read; all outputs are then
 * written together, or none (`writeOutputs`); the input is only read. Everything printed has its
 * control characters escaped (`terminalText`), so a workbook cannot act on the terminal.
 *
 * @example await runCli(['analyze', 'plan.xlsx', '--json', '-'], io) // → 0, JSON on io.stdout
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  version = '0.0.0',
): Promise<number> {
  const stdout = (text: string): void => io.stdout(terminalText(text));
  const stderr = (text: string): void => io.stderr(terminalText(text));
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      stdout(HELP_TEXT);
      return EXIT_OK;
    }
    if (command.kind === 'version') {
      stdout(`namndplan ${version}\n`);
      return EXIT_OK;
    }
    if (command.kind === 'template') {
      await runTemplate(command, {
        stdout,
        stderr,
        stdoutBytes: io.stdoutBytes,
        targets: outputTargets,
        step: progressStep(io),
      });
      return EXIT_OK;
    }
    const targets = await outputTargets(command.input, [
      ['--json', command.json],
      ['--out', command.out],
      ['--docx', command.docx],
    ]);

    const step = io.progress
      ? (text: string | null): void => io.progress?.(text === null ? null : terminalField(text))
      : (): void => undefined;
    step(`läser ${basename(command.input)}`);
    const unreadable: string[] = [];
    const snapshot = await readWorkbookFile(command.input, {
      onUnreadableSheet: (sheet) => unreadable.push(sheet),
    });
    step(`analyserar ${basename(command.input)}`);
    // Let a terminal show the step before the (synchronous) analysis takes the thread.
    if (io.progress) await new Promise((done) => setImmediate(done));
    const report = withUnreadableSheets(
      analyzeWorkbook(
        snapshot,
        await withTemplateFormulas(
          { riskThreshold: command.riskThreshold, goals: command.goals },
          command.input,
          snapshot,
        ),
      ),
      unreadable,
    );

    // Every output in memory first, so a failure leaves no file behind.
    const outputs: Output[] = [];
    const json = targets.get('--json');
    // In pieces, made as they are written: the whole text of a large report costs more than its analysis.
    if (json) {
      const pieces = json.kind === 'stdout' ? jsonTexts(report) : jsonBytes(report);
      outputs.push({ target: json, data: { pieces } });
    }
    const out = targets.get('--out');
    const docx = targets.get('--docx');
    // The document tables, for the report workbook and the Word file alike.
    const documents =
      out || docx
        ? buildDocumentTables(snapshot, report, { riskThreshold: command.riskThreshold })
        : [];
    if (out && command.out !== null) {
      step(`skriver ${basename(command.out)}`);
      const sheets = reportWorkbookSheets(report, documents, {
        riskThreshold: command.riskThreshold,
        varianceThresholdPercent: command.varianceThreshold,
      });
      const data = await writeReportWorkbook(sheets, {
        sourceFile: relative(dirname(resolve(command.out)), resolve(command.input))
          .split(sep)
          .join('/'),
      });
      outputs.push({ target: out, data });
    }
    if (docx && command.docx !== null) {
      step(`skriver ${basename(command.docx)}`);
      const data = await writeDocumentTables(documents, { title: basename(command.input) });
      outputs.push({ target: docx, data });
    }
    step(null);
    await writeOutputs(outputs, (data) => {
      if (typeof data === 'string') stdout(data);
      else if (io.stdoutBytes) io.stdoutBytes(data);
      else throw new OutputWriteError('/dev/stdout', 'standard ut tar bara emot text här');
    });

    const outputPaths = [command.json, command.out, command.docx];
    const wantSummary =
      command.summary === 'summary' ||
      (command.summary === 'auto' && outputPaths.every((p) => p === null));
    if (wantSummary) {
      const text = formatSummary(report, {
        riskThreshold: command.riskThreshold,
        varianceThresholdPercent: command.varianceThreshold,
        committee: findCommittee(snapshot),
      });
      // With an output on stdout the summary goes to stderr, keeping stdout clean.
      if (outputPaths.some((p) => p !== null && isStdout(p))) stderr(text);
      else stdout(text);
    }
    return EXIT_OK;
  } catch (error) {
    io.progress?.(null);
    if (error instanceof UnreadableWorkbookError) {
      stderr(errorLine(error.message));
      return EXIT_UNREADABLE;
    }
    if (error instanceof UsageError) {
      stderr(errorLine(`${error.message} (se namndplan --help)`));
      return EXIT_FAILURE;
    }
    if (error instanceof OutputWriteError) {
      stderr(errorLine(error.message));
      return EXIT_FAILURE;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr(errorLine(`oväntat fel: ${message}`));
    return EXIT_FAILURE;
  }
}

/**
 * Where each output (`--json`, `--out`, `--docx`) leads, refused when one is the input, two are
 * the same file, or more than one is standard output.
 */
async function outputTargets(
  input: string,
  outputs: readonly (readonly [string, string | null])[],
): Promise<Map<string, OutputTarget>> {
  const given = outputs.filter((o): o is readonly [string, string] => o[1] !== null);
  for (const [, output] of given) {
    if (output !== '-' && (await sameFile(output, input))) {
      throw new UsageError(`${output} är indatafilen; den skrivs aldrig över`);
    }
  }
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const [a, pa] = given[i] ?? ['', ''];
      const [b, pb] = given[j] ?? ['', ''];
      if (isStdout(pa) && isStdout(pb)) {
        throw new UsageError(`${a} och ${b} kan inte båda skrivas till standard ut`);
      }
      if (await sameFile(pa, pb)) throw new UsageError(`${a} och ${b} kan inte vara samma fil`);
    }
  }
  const targets = new Map<string, OutputTarget>();
  for (const [flag, path] of given) targets.set(flag, await outputTarget(path));
  return targets;
}

/** The progress line's steps, given only when someone watches (as `runCli`'s own). */
function progressStep(io: CliIo): (text: string | null) => void {
  return io.progress
    ? (text) => io.progress?.(text === null ? null : terminalField(text))
    : () => undefined;
}

/** One line, prefixed: `namndplan: plan.xlsx: finns inte`; line breaks in it become spaces. */
function errorLine(message: string): string {
  return `namndplan: ${terminalField(message).trim()}\n`;
}
