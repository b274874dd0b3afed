import { afterAll, beforeAll, describe, it } from 'vitest';
import { freePort } from '../support/free-port';
import { CHAOS_URLS, SHARED_SEARCH_URL } from './support/chaos-env';
import { sleep } from './support/chaos-run';
import { until } from './support/kills';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { createStageProcess, STAGE_NAMES, type StageProcess } from '../support/stage-process';

const REDIS_DOWN_MS = 5000;
/** "Quickly": a 503 within this, not a request hanging until Redis is back. */
const API_ANSWER_MS = 3000;

interface Probe {
  status: number | string;
  ms: number;
}

async function probe(url: string, init?: RequestInit): Promise<Probe> {
  const t = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REDIS_DOWN_MS - 500) });
    await res.body?.cancel();
    return { status: res.status, ms: Date.now() - t };
  } catch (err) {
    return { status: `no answer (${(err as Error).name})`, ms: Date.now() - t };
  }
}

// Issue 6, scenario 3: Redis (append-only file, fsync every second, as in docker compose) shut
// down and started again mid-run: N documents, no duplicates, no failed job, nothing left, and
// every worker resumed by itself (each stage process started once, none exited); the API
// answers 503 quickly while Redis is away instead of hanging.
describe('chaos s3: Redis restarted mid-run', () => {
  let s: Scenario;
  let api: StageProcess;
  let apiUrl: string;
  beforeAll(async () => {
    s = await setUpScenario('s3', { searchUrl: SHARED_SEARCH_URL });
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = createStageProcess(
      'api',
      {
        REDIS_URL: s.redis.url,
        QUEUE_PREFIX: s.run.prefix,
        SEARCH_URL: SHARED_SEARCH_URL,
        SEARCH_INDEX: s.run.alias,
        SEARCH_FLAVOR: 'opensearch',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      s.run.logDir,
    );
    await api.start(async () => (await fetch(`${apiUrl}/healthz`)).ok);
  });
  afterAll(async () => {
    if (api?.running()) {
      api.kill('SIGTERM');
      await api.exited();
    }
    await s?.close();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once, no worker restarted by hand`, async () => {
    const n = CHAOS_URLS;
    const t0 = Date.now();
    await s.run.enqueue(Array.from({ length: n }, (_, i) => s.site.articleUrl(i)));
    await until(async () => (await s.run.documents()) >= Math.floor(n * 0.3), 10 * 60_000, 300);
    const docsBefore = await s.run.documents();
    const downAt = Date.now();
    await s.redis.shutdown();
    const shutdownMs = Date.now() - downAt;
    await sleep(500);
    // While Redis is away: readiness and an enqueue through the API.
    const [readyz, post] = await Promise.all([
      probe(`${apiUrl}/readyz`),
      probe(`${apiUrl}/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: s.site.articleUrl(n + 1) }),
      }),
    ]);
    await sleep(Math.max(0, downAt + shutdownMs + REDIS_DOWN_MS - Date.now()));
    const upAt = Date.now();
    await s.redis.start();
    // Progress again after the restart, without touching any worker.
    const resumed = await until(async () => (await s.run.documents()) > docsBefore + 10, 5 * 60_000, 500);
    const resumedMs = Date.now() - upAt;
    await finishScenario(s, {
      title: `${n} URLs, Redis shut down for ${REDIS_DOWN_MS / 1000} s and started again at ${docsBefore} documents`,
      t0,
      expectedDocs: n,
      checks: (f) => [
        check(
          'stage processes started more than once',
          0,
          STAGE_NAMES.filter((st) => f.starts[st] !== 1).join(', ') || 0,
          STAGE_NAMES.every((st) => f.starts[st] === 1),
        ),
        check('indexing resumed after Redis came back', 'yes', resumed ? `yes, ${resumedMs} ms after` : 'no', resumed),
        ...[
          ['GET /readyz', readyz],
          ['POST /articles', post],
        ].map(([what, p]) => {
          const r = p as Probe;
          return check(
            `${what as string} while Redis is away`,
            `503 within ${API_ANSWER_MS} ms`,
            `${r.status} in ${r.ms} ms`,
            r.status === 503 && r.ms <= API_ANSWER_MS,
          );
        }),
      ],
      extra: {
        apiWhileRedisAway: { readyz, post },
        redisDownAtMs: downAt - t0,
        shutdownMs,
        redisDownMs: upAt - downAt,
        docsBefore,
        resumedMs,
      },
    });
  });
});
