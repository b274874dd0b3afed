import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractionPool, ExtractionLimitError, type ExtractionPool } from './extraction.pool';

const seed = readFileSync(new URL('../../../test/fixtures/seed/seed.html', import.meta.url), 'utf8');
const notArticle = readFileSync(new URL('../../../test/fixtures/pages/not-article.html', import.meta.url), 'utf8');

describe('extraction threads', () => {
  const pools: ExtractionPool[] = [];
  const pool = (timeoutMs: number, maxMemoryMb: number) => {
    const p = createExtractionPool({ threads: 1, timeoutMs, maxMemoryMb });
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('extracts a page in a thread', async () => {
    const r = await pool(30_000, 256).run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'jsdom' });
    expect(r.ok && r.article.title).toBe('Blinken confronts China over ‘powering’ Russia’s war');
  });

  it('takes the page as UTF-8 bytes, moved to the thread rather than copied, and extracts the same article', async () => {
    const p = pool(30_000, 256);
    const asText = await p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom' });
    const bytes = new Uint8Array(Buffer.from(seed, 'utf8'));
    const asBytes = await p.run({ html: bytes, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom' });
    expect(bytes.byteLength).toBe(0); // moved: this side's view is detached
    expect(asBytes.ok && asBytes.article).toEqual(asText.ok && asText.article);
  });

  it('replaces its threads every N pages without losing a page', async () => {
    const p = createExtractionPool({ threads: 1, timeoutMs: 30_000, maxMemoryMb: 256, recycleAfter: 2 });
    pools.push(p);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom' })),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
  });

  it("keeps a thread's heap flat page after page (nothing made for one page outlives it)", async () => {
    // With piscina's Atomics.wait loop the thread's job never ended and V8 kept every WeakRef
    // target alive (jsdom's node iterators, holding each page's document): the heap grew by
    // 17 MB per 100 pages (1 MB without the leak). A reading taken without a full collection
    // holds whatever garbage the collector has not reached yet (a CI run read +16 MB that way
    // on a flat heap), so these come after one: gc is exposed process-wide, threads included.
    setFlagsFromString('--expose-gc');
    const p = pool(30_000, 256);
    const heap: number[] = [];
    for (let i = 0; i < 120; i++) {
      const r = await p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom', settleHeap: i % 20 === 19 });
      heap.push(r.heapUsedMb ?? 0);
    }
    expect(heap[119]! - heap[19]!).toBeLessThan(6);
  });

  it('replaces a thread whose heap has grown past the mark without losing a page', async () => {
    const p = createExtractionPool({ threads: 1, timeoutMs: 30_000, maxMemoryMb: 256, recycleAtHeapMb: 1 });
    pools.push(p);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom' }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(results.every((r) => (r.heapMb ?? 0) > 1)).toBe(true);
  });

  it('brings an extraction failure back as data, with its code', async () => {
    const r = await pool(30_000, 256).run({ html: notArticle, url: 'https://example.com/about', dom: 'jsdom' });
    expect(r).toMatchObject({ ok: false, code: 'no-article' });
  });

  it('stops a page that takes too long, and the pool still works afterwards', async () => {
    const p = pool(150, 256);
    const huge = `<html><body><article>${'<p>Words and more words in a paragraph that goes on.</p>'.repeat(200_000)}</article></body></html>`;
    const err = await p.run({ html: huge, url: 'https://example.com/huge', dom: 'jsdom' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionLimitError);
    expect((err as ExtractionLimitError).code).toBe('extraction-timeout');
    expect((err as Error).message).toMatch(/took longer than 0.15 s/);
  });

  it('gives a page waiting for the thread its whole deadline, not what the page before it left', async () => {
    // jsdom on 500,000 elements runs past 8 s here (it reached 512 MB after 9 s), so it is
    // stopped at its deadline; the page after it then needs a fresh thread (about 3 s cold).
    const p = pool(8_000, 1024);
    const huge = `<html><body><article>${'<i>a</i>'.repeat(500_000)}</article></body></html>`;
    const [first, second] = await Promise.allSettled([
      p.run({ html: huge, url: 'https://example.com/huge', dom: 'jsdom' }),
      p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'linkedom' }),
    ]);
    expect(first.status === 'rejected' && (first.reason as ExtractionLimitError).code).toBe('extraction-timeout');
    expect(second.status === 'fulfilled' && second.value.ok).toBe(true);
  }, 30_000);

  it('stops a page that needs more memory than the cap', async () => {
    const p = pool(60_000, 64);
    // Under the 5 MB page cap, but hundreds of thousands of DOM nodes: far more than 64 MB of heap.
    const huge = `<html><body><article>${'<i>a</i>'.repeat(600_000)}</article></body></html>`;
    const err = await p.run({ html: huge, url: 'https://example.com/huge', dom: 'jsdom' }).catch((e: unknown) => e);
    expect((err as ExtractionLimitError).code).toBe('extraction-memory');
    const after = await p.run({ html: seed, url: 'https://www.thenewdaily.com.au/a', dom: 'jsdom' });
    expect(after.ok).toBe(true);
  });
});
