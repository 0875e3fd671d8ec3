/**
 * Entry point of the `namndplan` command (bundled to dist-cli/cli.js by scripts/build-cli.mjs).
 */
import { version } from '../../package.json';
import { runCli } from './runCli';

// A closed pipe (`namndplan ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

runCli(
  process.argv.slice(2),
  {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
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
  (error: unknown) => {
    process.stderr.write(`namndplan: oväntat fel: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
