import { describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { isSearchUp } from './local-engine';

// CI starts the local engine (infra/local-engine/start.sh) before the tests, so this needs
// a running engine: it fails, rather than skips, when there is none.
const SEARCH_URL = process.env.SEARCH_URL ?? 'http://127.0.0.1:9200';

describe('isSearchUp', () => {
  it('is false for a closed port', async () => {
    expect(await isSearchUp(`http://127.0.0.1:${await freePort()}`)).toBe(false);
  });

  it(`is true for the running engine at ${SEARCH_URL}`, async () => {
    expect(await isSearchUp(SEARCH_URL)).toBe(true);
  });
});
