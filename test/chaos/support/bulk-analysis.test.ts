import { describe, expect, it } from 'vitest';
import { bulkTimeline, retryWaits, waitsAfterThrottling } from './bulk-analysis';
import type { BulkCall } from './bulk-proxy';

const call = (at: number, ids: string[], rejected: string[] = [], ms = 10): BulkCall => ({
  at,
  ms,
  status: 200,
  items: ids.length,
  ids,
  rejectedIds: rejected,
});

describe('chaos bulk analysis', () => {
  it('buckets requests, documents and refusals by time', () => {
    const t = bulkTimeline([call(0, ['a', 'b']), call(1000, ['c'], ['c']), call(6000, ['c'])], 0, 5000);
    expect(t).toEqual([
      { fromS: 0, requests: 2, docs: 3, rejected: 1 },
      { fromS: 5, requests: 1, docs: 1, rejected: 0 },
    ]);
  });

  it('measures the wait from each refusal of a document to its next send', () => {
    const w = retryWaits([call(0, ['a'], ['a']), call(1010, ['a'], ['a']), call(4020, ['a'])]);
    expect(w.documentsRefused).toBe(1);
    expect(w.maxRefusalsOfOneDocument).toBe(2);
    expect(w.medianWaitMsAfterRefusal).toEqual([
      { refusal: 1, documents: 1, medianMs: 1000 },
      { refusal: 2, documents: 1, medianMs: 3000 },
    ]);
  });

  it('tells a client that slows down after repeated 429s from one that keeps its pace', () => {
    // Steady pace, 200 ms between bulks, whatever the answers.
    const steady = Array.from({ length: 10 }, (_, i) => call(i * 210, ['x'], i >= 4 ? ['x'] : []));
    const s = waitsAfterThrottling(steady);
    expect(s.afterClean.medianMs).toBe(200);
    expect(s.afterThrottled3plus.medianMs).toBe(200);
    // Doubling pauses after each 429 in a row.
    const calls: BulkCall[] = [call(0, ['x']), call(210, ['x']), call(420, ['x'], ['x'])];
    let at = 420;
    for (const pause of [500, 1000, 2000, 4000]) {
      at += 10 + pause;
      calls.push(call(at, ['x'], ['x']));
    }
    const b = waitsAfterThrottling(calls);
    expect(b.afterThrottled1.medianMs).toBe(500);
    expect(b.afterThrottled2.medianMs).toBe(1000);
    expect(b.afterThrottled3plus.medianMs).toBe(4000);
  });

  it('ignores requests already on the wire when a 429 comes back', () => {
    // Two bulks sent together; the second starts before the first's answer.
    const w = waitsAfterThrottling([call(0, ['a'], ['a'], 50), call(20, ['b'], ['b'], 50), call(1070, ['a'])]);
    // From each answer (at 50 and 70 ms) to the next request that started after it (1070 ms).
    expect(w.afterThrottled1.medianMs).toBe(1020);
    expect(w.afterThrottled2.medianMs).toBe(1000);
  });
});
