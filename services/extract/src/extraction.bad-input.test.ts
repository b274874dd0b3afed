import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractionPool } from './extraction.pool';

/** The same "random" bytes every run (a linear congruential generator), so the case never varies. */
function binary(length: number): string {
  const bytes = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = x >>> 16;
  }
  return bytes.toString('latin1');
}

const seed = readFileSync(new URL('../../../test/fixtures/seed/seed.html', import.meta.url), 'utf8');

/**
 * Hostile pages through the extraction threads as the worker runs them: each ends in a clear
 * per-page outcome within bounded time and memory, and the pool takes the next page after it.
 */
describe('extraction of bad input', () => {
  const pool = createExtractionPool({ threads: 1, timeoutMs: 20_000, maxMemoryMb: 256 });
  afterAll(() => pool.close());

  const run = async (html: string) => {
    const started = Date.now();
    const outcome = await pool.run({ html, url: 'https://example.com/page', dom: 'linkedom' }).then(
      (r) => (r.ok ? 'ok' : r.code),
      (e: unknown) => `thrown: ${(e as Error).message}`,
    );
    return { outcome, ms: Date.now() - started };
  };

  it.each([
    ['empty', '', 'not-html|no-article'],
    ['binary', binary(200_000), 'not-html'],
    ['binary with an HTML-looking start', `<html><body>${binary(200_000)}`, 'not-html|no-article'],
    ['enormous (50 MB)', `<html><body><p>${'word '.repeat(10_000_000)}</p></body></html>`, 'too-large'],
    ['200,000 levels deep', `<html><body>${'<div>'.repeat(200_000)}<p>deep</p>${'</div>'.repeat(200_000)}</body></html>`, 'too-deep'],
  ])('%s: a clear per-page outcome, then the next page extracts', async (_name, html, expected) => {
    const { outcome, ms } = await run(html);
    expect(outcome).toMatch(new RegExp(`^(${expected})$`));
    expect(ms).toBeLessThan(20_000);
    expect((await run(seed)).outcome).toBe('ok');
  });

  it('a truncated page still gives what it has', async () => {
    const { outcome } = await run(seed.slice(0, Math.floor(seed.length * 0.6)));
    expect(outcome).toBe('ok');
  });
});
