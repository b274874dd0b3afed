import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser';

const INSTALL = 'apt-get update && apt-get install -y chromium';

/**
 * The browser tests drive Debian's Chromium. On a fresh machine of this kind it is not there:
 * install it when we can (root, with apt), else stop the run at once with the one command to run,
 * rather than fail two test files a minute later with a launch error.
 */
export function ensureChromium(log: (line: string) => void): void {
  if (existsSync(CHROMIUM)) return;
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!canApt) {
    throw new Error(`Chromium for the browser tests is missing (${CHROMIUM}): run \`sudo ${INSTALL}\`, or set CHROMIUM_PATH to a Chromium`);
  }
  log(`no Chromium at ${CHROMIUM}: installing Debian's (${INSTALL})\n`);
  const run = spawnSync('sh', ['-c', `${INSTALL} >/dev/null`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(
      `installing Chromium failed (exit ${run.status}): ${run.stderr.toString().trim().slice(-500)}; run \`${INSTALL}\` by hand`,
    );
  }
}
