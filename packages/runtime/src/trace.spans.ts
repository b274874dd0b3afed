import type { TraceEvent } from '@newsflow/contracts';

/** One attempt of one stage, paired from its trace events. */
export interface StageSpan {
  stage: string;
  attempt: number | null;
  start: string | null;
  end: string | null;
  /** running: started, no end yet (or the worker died and the job will be picked up again). */
  outcome: 'running' | 'completed' | 'retrying' | 'postponed' | 'failed';
  ms: number | null;
  detail: string | null;
}

/**
 * Pairs the status store's event list (started, then completed | retrying | postponed | failed, per stage
 * and attempt) into one span per attempt, in the order they began. Pairs are made by stage and
 * attempt, not by position: workers write to Redis independently, so one stage's end may come
 * after the next stage's start, or (rarely) after its own start's successor. An end event with no
 * start (the start fell out of the capped list, or a payload failed validation before it was
 * recorded) still gets its own span; a start that arrives after its end joins it.
 */
export function traceSpans(trace: readonly TraceEvent[]): StageSpan[] {
  const spans: StageSpan[] = [];
  const open = new Map<string, StageSpan>();
  /** Ends seen before their start, per stage and attempt, oldest first. */
  const unstarted = new Map<string, StageSpan[]>();
  const key = (e: TraceEvent) => `${e.stage}#${e.attempt ?? ''}`;
  for (const e of trace) {
    if (e.event === 'queued') continue; // when it was enqueued is not a stage's work
    if (e.event === 'started') {
      const early = unstarted.get(key(e))?.shift();
      if (early && early.end !== null && Date.parse(early.end) >= Date.parse(e.at)) {
        early.start = e.at;
        early.ms = Date.parse(early.end) - Date.parse(e.at);
        continue;
      }
      const span: StageSpan = {
        stage: e.stage,
        attempt: e.attempt ?? null,
        start: e.at,
        end: null,
        outcome: 'running',
        ms: null,
        detail: null,
      };
      spans.push(span);
      open.set(key(e), span);
      continue;
    }
    let span = open.get(key(e));
    if (span) {
      open.delete(key(e));
    } else {
      span = { stage: e.stage, attempt: e.attempt ?? null, start: null, end: null, outcome: 'running', ms: null, detail: null };
      spans.push(span);
      unstarted.set(key(e), [...(unstarted.get(key(e)) ?? []), span]);
    }
    span.end = e.at;
    span.outcome = e.event;
    span.detail = e.detail ?? null;
    span.ms = span.start ? Date.parse(e.at) - Date.parse(span.start) : null;
  }
  return spans;
}
