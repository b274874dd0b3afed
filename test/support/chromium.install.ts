import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
// sudo covers one command only: each of the two needs its own.
const SUDO_INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium';

export interface ChromiumMachine {
  /** The Chromium the tests will launch (CHROMIUM_PATH, else Debian's). */
  path: string;
  /** Whether CHROMIUM_PATH named it (apt installs only Debian's path). */
  custom: boolean;
  root: boolean;
  apt: boolean;
}

/**
 * What to do when the browser tests' Chromium is missing: install Debian's (root with apt), or
 * the error that stops the run at once with the one thing to do. A path of CHROMIUM_PATH's own
 * is never installed by apt, so it fails whoever runs the tests.
 */
export function missingChromium(machine: ChromiumMachine): { install: string } | { error: string } {
  if (machine.custom && machine.path !== DEBIAN_CHROMIUM) {
    return {
      error: `CHROMIUM_PATH=${machine.path} does not exist: point it at a Chromium, or unset it to use Debian's (${DEBIAN_CHROMIUM})`,
    };
  }
  if (machine.root && machine.apt) return { install: INSTALL };
  const command = machine.root ? INSTALL : SUDO_INSTALL;
  return { error: `Chromium for the browser tests is missing (${machine.path}): run \`${command}\`, or set CHROMIUM_PATH to a Chromium` };
}

/**
 * The browser tests drive Debian's Chromium. On a fresh machine of this kind it is not there:
 * install it when we can (root, with apt), else stop the run at once with the one command to run,
 * rather than fail two test files a minute later with a launch error.
 */
export function ensureChromium(log: (line: string) => void): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const plan = missingChromium({
    path: CHROMIUM,
    custom: process.env.CHROMIUM_PATH !== undefined,
    root,
    apt: root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  });
  if ('error' in plan) throw new Error(plan.error);
  log(`no Chromium at ${CHROMIUM}: installing Debian's (${plan.install})\n`);
  const run = spawnSync('sh', ['-c', `${plan.install} >/dev/null`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(
      `installing Chromium failed (exit ${run.status}): ${run.stderr.toString().trim().slice(-500)}; run \`${plan.install}\` by hand`,
    );
  }
}
