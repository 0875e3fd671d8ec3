/**
 * `namndplan template`: writes the product's templates to `--out`, pre-filled from `--from`'s
 * analysis when given. The output goes through the CLI's own output writing (`outputTarget`,
 * `writeOutputs`): settled before the input is read, written atomically, the same refusals.
 */
import { basename } from 'node:path';
import { analyzeWorkbook } from '../domain/analyze';
import { prefillTemplate, type TemplateContent } from '../domain/templates';
import { readWorkbookFile } from '../adapters/xlsx/readWorkbookFile';
import { writeTemplate } from './lazy/loadWriters';
import { OutputWriteError } from '../errors';
import { isStdout, outputTarget, type OutputTarget } from './outputTargets';
import type { TemplateCommand } from './templateArgs';
import { writeOutputs } from './writeOutputs';

/** What `runTemplate` needs of the command line around it. */
export interface TemplateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutBytes?: ((bytes: Uint8Array) => void) | undefined;
  step: (text: string | null) => void;
  /** The CLI's check of outputs against the input (`runCli`'s `outputTargets`). */
  targets: (
    input: string,
    outputs: readonly (readonly [string, string | null])[],
  ) => Promise<Map<string, OutputTarget>>;
}

/**
 * Writes the template; resolves once it is written, and says what it holds on one line (on
 * standard error when the workbook itself goes to standard output).
 *
 * @example await runTemplate({ kind: 'template', out: 'mall.xlsx', from: 'plan.xlsx',
 *   period: 'delår 2025', scale: 4, thresholdAmount: null, thresholdPercent: null }, io)
 *   // → mall.xlsx written
 * @throws UsageError, OutputWriteError, UnreadableWorkbookError as `runCli` answers them.
 */
export async function runTemplate(command: TemplateCommand, io: TemplateIo): Promise<void> {
  const target =
    command.from === null
      ? await outputTarget(command.out)
      : (await io.targets(command.from, [['--out', command.out]])).get('--out');
  if (target === undefined) throw new OutputWriteError(command.out, 'ingen plats att skriva till');
  let report = null;
  if (command.from !== null) {
    io.step(`läser ${basename(command.from)}`);
    const snapshot = await readWorkbookFile(command.from);
    io.step(`analyserar ${basename(command.from)}`);
    report = analyzeWorkbook(snapshot);
  }
  const content = prefillTemplate(report, {
    period: command.period,
    scale: command.scale,
    thresholds: { amount: command.thresholdAmount, percent: command.thresholdPercent },
  });
  io.step(`skriver ${basename(command.out)}`);
  const data = await writeTemplate(content);
  io.step(null);
  await writeOutputs([{ target, data }], (bytes) => {
    if (typeof bytes !== 'string' && io.stdoutBytes) io.stdoutBytes(bytes);
    else throw new OutputWriteError('/dev/stdout', 'standard ut tar bara emot text här');
  });
  const line = `${templateLine(command.out, content)}\n`;
  if (isStdout(command.out)) io.stderr(line);
  else io.stdout(line);
}

/** `Mall: mall.xlsx (delår 2025; 5 verksamheter, 4 projekt, 9 mål, 12 indikatorer, 5 risker)`. */
export function templateLine(out: string, c: TemplateContent): string {
  const goals = c.goals.filter((g) => g.kind === 'goal').length;
  const indicators = c.goals.length - goals;
  const filled = [
    `${c.drift.length} verksamheter`,
    `${c.investments.length} projekt`,
    `${goals} mål`,
    `${indicators} indikatorer`,
    `${c.risks.length} risker`,
  ];
  const any = c.drift.length + c.investments.length + c.goals.length + c.risks.length > 0;
  return `Mall: ${out} (${c.period}; ${any ? `förifylld med ${filled.join(', ')}` : 'tom'})`;
}
