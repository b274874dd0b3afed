import { describe, expect, it } from 'vitest';
import { missingChromium } from './chromium.install';

const DEBIAN = { path: '/usr/bin/chromium', custom: false };

describe('missingChromium', () => {
  it('installs Debian’s Chromium as root with apt', () => {
    expect(missingChromium({ ...DEBIAN, root: true, apt: true })).toEqual({ install: 'apt-get update && apt-get install -y chromium' });
  });

  it('tells a user who is not root to sudo each of the two apt-get commands', () => {
    const plan = missingChromium({ ...DEBIAN, root: false, apt: true });
    expect(plan).toEqual({
      error:
        'Chromium for the browser tests is missing (/usr/bin/chromium): run `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium',
    });
  });

  it('tells root without apt the command without sudo', () => {
    const plan = missingChromium({ ...DEBIAN, root: true, apt: false });
    expect('error' in plan && plan.error).toContain('run `apt-get update && apt-get install -y chromium`');
  });

  it('fails at once, even as root with apt, when CHROMIUM_PATH names a missing path of its own', () => {
    for (const root of [true, false]) {
      expect(missingChromium({ path: '/opt/chrome/nowhere', custom: true, root, apt: root })).toEqual({
        error: "CHROMIUM_PATH=/opt/chrome/nowhere does not exist: point it at a Chromium, or unset it to use Debian's (/usr/bin/chromium)",
      });
    }
  });

  it('installs Debian’s when CHROMIUM_PATH names Debian’s own path', () => {
    expect(missingChromium({ path: '/usr/bin/chromium', custom: true, root: true, apt: true })).toHaveProperty('install');
  });
});
