/**
 * Builds the task pane once for the e2e tests: a production build with the local office.js and
 * the stand-in Office page (`--env officeJs=local --env testHost`), into test-results/e2e-dist.
 * Reused while no source is newer than the build; a lock directory keeps parallel jest workers
 * from building at the same time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const E2E_DIST = join(ROOT, 'test-results', 'e2e-dist');
const STAMP = join(E2E_DIST, '.built');
const LOCK = join(ROOT, 'test-results', 'e2e-dist.lock');

/** Newest modification time under the inputs of the build. */
function newestInput(): number {
  let newest = 0;
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json']) {
    const full = join(ROOT, p);
    if (existsSync(full)) walk(full);
  }
  return newest;
}

function fresh(): boolean {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput();
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Ensures test-results/e2e-dist holds a current build and returns its path. */
export async function buildDist(): Promise<string> {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  for (;;) {
    if (fresh()) return E2E_DIST;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock older than 5 minutes is stale (a killed run).
      if (Date.now() - statSync(LOCK).mtimeMs > 300_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (fresh()) return E2E_DIST;
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
          '--mode',
          'production',
          '--env',
          'officeJs=local',
          '--env',
          'testHost',
          '--no-devtool',
          '--output-path',
          E2E_DIST,
        ],
        { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.status !== 0) {
        throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
      }
      writeFileSync(STAMP, new Date().toISOString());
      return E2E_DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
