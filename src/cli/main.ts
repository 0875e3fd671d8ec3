/**
 * Entry point of the `namndplan` command (bundled to dist-cli/cli.js by scripts/build-cli.mjs).
 *
 * Standard error carries only the command's own lines. The libraries' chatter (SheetJS prints
 * warnings for an .ods, Node its deprecation warnings) is silenced, and on standard output it
 * would corrupt `--json -`. Whatever escapes every handler is still one line, never a stack.
 */
import { version } from '../../package.json';
import { runCli } from './runCli';
import { terminalField } from './terminalText';

const quiet = (): void => undefined;
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const) {
  console[method] = quiet;
}
process.removeAllListeners('warning');
process.on('warning', quiet);

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`namndplan: oväntat fel: ${terminalField(message)}\n`);
  process.exit(1);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

// A closed pipe (`namndplan ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fatal(error);
});

runCli(
  process.argv.slice(2),
  {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutBytes: (bytes) => void process.stdout.write(bytes),
    // On a terminal, one line that says what is going on, rewritten in place and cleared at the end.
    progress: process.stderr.isTTY
      ? (step) =>
          void process.stderr.write(step === null ? '\r\x1b[K' : `\r\x1b[Knamndplan: ${step} …`)
      : undefined,
  },
  version,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => fatal(error),
);
