import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '@newsflow/contracts';
import { traceSpans } from './trace.spans';

describe('traceSpans', () => {
  it('pairs each attempt’s start with its end, retries included', () => {
    const trace: TraceEvent[] = [
      { stage: 'fetch', event: 'queued', at: '2026-01-01T00:00:00.000Z' },
      { stage: 'fetch', event: 'started', at: '2026-01-01T00:00:01.000Z', attempt: 1 },
      { stage: 'fetch', event: 'retrying', at: '2026-01-01T00:00:02.000Z', attempt: 1, detail: 'timed out' },
      { stage: 'fetch', event: 'started', at: '2026-01-01T00:00:04.000Z', attempt: 2 },
      { stage: 'fetch', event: 'completed', at: '2026-01-01T00:00:04.250Z', attempt: 2, detail: '250 ms' },
      { stage: 'extract', event: 'started', at: '2026-01-01T00:00:05.000Z', attempt: 1 },
    ];
    expect(traceSpans(trace)).toEqual([
      {
        stage: 'fetch',
        attempt: 1,
        start: '2026-01-01T00:00:01.000Z',
        end: '2026-01-01T00:00:02.000Z',
        outcome: 'retrying',
        ms: 1000,
        detail: 'timed out',
      },
      {
        stage: 'fetch',
        attempt: 2,
        start: '2026-01-01T00:00:04.000Z',
        end: '2026-01-01T00:00:04.250Z',
        outcome: 'completed',
        ms: 250,
        detail: '250 ms',
      },
      { stage: 'extract', attempt: 1, start: '2026-01-01T00:00:05.000Z', end: null, outcome: 'running', ms: null, detail: null },
    ]);
  });

  it('keeps an end whose start is missing', () => {
    const spans = traceSpans([{ stage: 'index', event: 'failed', at: '2026-01-01T00:00:00.000Z', attempt: 3, detail: 'refused' }]);
    expect(spans).toEqual([
      { stage: 'index', attempt: 3, start: null, end: '2026-01-01T00:00:00.000Z', outcome: 'failed', ms: null, detail: 'refused' },
    ]);
  });

  it('pairs by stage and attempt wherever the events fall, ends written before their starts included', () => {
    const spans = traceSpans([
      { stage: 'enrich', event: 'started', at: '2026-01-01T00:00:00.000Z', attempt: 1 },
      { stage: 'index', event: 'started', at: '2026-01-01T00:00:01.000Z', attempt: 1 },
      { stage: 'index', event: 'completed', at: '2026-01-01T00:00:01.200Z', attempt: 1, detail: '200 ms' },
      { stage: 'enrich', event: 'completed', at: '2026-01-01T00:00:00.900Z', attempt: 1, detail: '900 ms' },
    ]);
    expect(spans.map((s) => [s.stage, s.outcome, s.ms])).toEqual([
      ['enrich', 'completed', 900],
      ['index', 'completed', 200],
    ]);
    const reversed = traceSpans([
      { stage: 'fetch', event: 'completed', at: '2026-01-01T00:00:02.000Z', attempt: 2 },
      { stage: 'fetch', event: 'started', at: '2026-01-01T00:00:01.500Z', attempt: 2 },
    ]);
    expect(reversed).toEqual([
      {
        stage: 'fetch',
        attempt: 2,
        start: '2026-01-01T00:00:01.500Z',
        end: '2026-01-01T00:00:02.000Z',
        outcome: 'completed',
        ms: 500,
        detail: null,
      },
    ]);
  });
});
