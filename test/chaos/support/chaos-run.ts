import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import {
  closeQueueSet,
  createInFlightMarker,
  createQueueSet,
  createRedisConnection,
  createStatusStore,
  enqueueUrl,
} from '@newsflow/runtime';
import {
  closeQueues,
  dropIndex,
  indexFigures,
  openQueues,
  queueFigures,
  totalFailed,
  totalRemaining,
  watchStalls,
  type IndexFigures,
  type PipelineQueues,
  type QueueFigures,
  type StallWatch,
} from './probe';
import { createStageProcess, STAGE_NAMES, type ExitInfo, type StageName, type StageProcess } from '../../support/stage-process';
import { freePort } from '../../support/free-port';
import { deleteKeys, TEST_NLP_URL } from '../../support/services';

export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/chaos/', import.meta.url));

export interface ChaosRunOptions {
  scenario: string;
  redisUrl: string;
  /** The engine the figures are read from. */
  searchUrl: string;
  /** The engine the index stage talks to (a counting proxy in front of searchUrl), searchUrl unless given. */
  indexSearchUrl?: string;
  /** Extra settings for every stage process. */
  env?: Record<string, string>;
  /** Extra settings for one stage's process only (over `env`), e.g. the enrich stage's NLP_URL. */
  stageEnv?: Partial<Record<StageName, Record<string, string>>>;
  /** Run the built JavaScript (npm run build) rather than the sources: what production runs. */
  compiled?: boolean;
  /** node's own flags for every stage process (the benchmark's --profile). */
  nodeArgs?: readonly string[];
  /**
   * Count BullMQ's `stalled` events (a blocking event reader per queue: about 7 Redis calls a
   * document). On unless false; the benchmark turns it off, as it counts Redis' work as the
   * pipeline's, and reports no stalls.
   */
  watchStalls?: boolean;
}

/** Everything counted at the end of a scenario, all read from the real Redis and engine. */
export interface RunFigures {
  index: IndexFigures;
  queues: Record<StageName, QueueFigures>;
  failed: number;
  remaining: number;
  stalledEvents: Record<StageName, number>;
  starts: Record<StageName, number>;
  unexpectedExits: Record<StageName, ExitInfo[]>;
}

/**
 * One scenario's pipeline: its own queue prefix and index alias, each stage as its own
 * `newsflow start <stage>` process logging to test-artifacts/chaos/<scenario>/, an enqueuer,
 * and the end-of-run counts.
 */
export interface ChaosRun {
  prefix: string;
  alias: string;
  stages: Record<StageName, StageProcess>;
  redis: Redis;
  queues: PipelineQueues;
  stalls: StallWatch;
  logDir: string;
  /** Starts a stage's process and waits until it has connected to Redis. */
  start(stage: StageName): Promise<void>;
  startAll(): Promise<void>;
  enqueue(urls: string[]): Promise<void>;
  /** Waits until no job is left in any queue (or the timeout), returning the time waited. */
  waitDrained(timeoutMs: number): Promise<{ drained: boolean; ms: number }>;
  /** Documents indexed so far (refresh + count); cheap enough to poll every second. */
  documents(): Promise<number>;
  figures(): Promise<RunFigures>;
  /**
   * Another complete set of stage processes on the same Redis, queues and index, as a second
   * host would run them: its own processes, health ports and log folder (logDir/<name>).
   */
  addHost(name: string): Promise<ChaosHost>;
  /** SIGTERMs every running stage (every host's), then drops the index and the Redis keys. */
  close(): Promise<void>;
}

export interface ChaosHost {
  name: string;
  stages: Record<StageName, StageProcess>;
  startAll(): Promise<void>;
}

async function stopStages(stages: Record<StageName, StageProcess>): Promise<void> {
  await Promise.all(
    STAGE_NAMES.map(async (s) => {
      const p = stages[s];
      if (!p.running()) return;
      p.kill('SIGTERM');
      const timer = setTimeout(() => p.running() && p.kill('SIGKILL'), 20_000);
      await p.exited();
      clearTimeout(timer);
    }),
  );
}

export async function createChaosRun(opts: ChaosRunOptions): Promise<ChaosRun> {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const prefix = `chaos-${opts.scenario}-${tag}`;
  const alias = `chaos-${opts.scenario}-${tag}`.toLowerCase();
  const logDir = join(ARTIFACTS, opts.scenario);
  mkdirSync(logDir, { recursive: true });
  const baseEnv: Record<string, string> = {
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: prefix,
    SEARCH_URL: opts.searchUrl,
    SEARCH_INDEX: alias,
    SEARCH_FLAVOR: 'opensearch',
    // The stage processes get only this environment (not the test run's): without it the enrich
    // process would use the config's default whatever NLP_URL the suite was started with.
    NLP_URL: TEST_NLP_URL,
    FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
    LOG_LEVEL: 'warn',
    // Every page comes from one local host: politeness (1 request/s per host by default) would
    // make the fixture site, not the pipeline, the bottleneck.
    FETCH_HOST_RATE: '200',
    FETCH_HOST_CONCURRENCY: '16',
    ...opts.env,
  };
  const stageSet = (dir: string, hostEnv: (s: StageName) => Record<string, string> = () => ({})) =>
    Object.fromEntries(
      STAGE_NAMES.map((s) => [
        s,
        createStageProcess(
          s,
          {
            ...baseEnv,
            ...(s === 'index' && opts.indexSearchUrl ? { SEARCH_URL: opts.indexSearchUrl } : {}),
            ...opts.stageEnv?.[s],
            ...hostEnv(s),
          },
          dir,
          { compiled: opts.compiled, nodeArgs: opts.nodeArgs },
        ),
      ]),
    ) as Record<StageName, StageProcess>;
  const stages = stageSet(logDir);
  const hosts: ChaosHost[] = [];

  const redis = createRedisConnection(opts.redisUrl, 'worker', `chaos-probe-${opts.scenario}`);
  redis.on('error', () => undefined);
  const queues = openQueues(redis, prefix);
  const stalls: StallWatch =
    opts.watchStalls === false ? { events: [], close: async () => undefined } : await watchStalls(opts.redisUrl, prefix);

  const clientIds = async (stage: StageName): Promise<Set<string>> => {
    const list = (await redis.client('LIST')) as string;
    return new Set(
      list
        .split('\n')
        .filter((l) => l.includes(` name=newsflow-${stage} `))
        .map((l) => /\bid=(\d+)/.exec(l)?.[1] ?? ''),
    );
  };

  const run: ChaosRun = {
    prefix,
    alias,
    stages,
    redis,
    queues,
    stalls,
    logDir,
    async start(stage) {
      const before = await clientIds(stage);
      // Up = a Redis connection of this stage that was not there before (the new process's).
      await stages[stage].start(async () => [...(await clientIds(stage))].some((id) => !before.has(id)));
    },
    async startAll() {
      // index first: it creates the index template and alias the others' documents go to.
      await run.start('index');
      await Promise.all((['fetch', 'extract', 'enrich'] as const).map((s) => run.start(s)));
    },
    async enqueue(urls) {
      const conn = createRedisConnection(opts.redisUrl, 'client', 'chaos-enqueue');
      conn.on('error', () => undefined);
      const qs = createQueueSet(conn, prefix);
      const inflight = createInFlightMarker(conn, prefix);
      const status = createStatusStore(conn, prefix, 3600);
      try {
        let next = 0;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (next < urls.length) {
              const url = urls[next++] as string;
              const r = await enqueueUrl(qs, inflight, status, url);
              if (r.outcome !== 'queued') throw new Error(`${url} was not queued (${r.outcome})`);
            }
          }),
        );
      } finally {
        await closeQueueSet(qs);
        conn.disconnect();
      }
    },
    async waitDrained(timeoutMs) {
      const t0 = Date.now();
      while (Date.now() - t0 < timeoutMs) {
        try {
          if (totalRemaining(await queueFigures(queues)) === 0) return { drained: true, ms: Date.now() - t0 };
        } catch {
          // Redis away (a scenario restarts it): keep waiting
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      return { drained: false, ms: Date.now() - t0 };
    },
    async documents() {
      return (await indexFigures(opts.searchUrl, alias)).documents;
    },
    async figures() {
      const q = await queueFigures(queues);
      const per = <T>(f: (s: StageName) => T) => Object.fromEntries(STAGE_NAMES.map((s) => [s, f(s)])) as Record<StageName, T>;
      return {
        index: await indexFigures(opts.searchUrl, alias),
        queues: q,
        failed: totalFailed(q),
        remaining: totalRemaining(q),
        stalledEvents: per((s) => stalls.events.filter((e) => e.stage === s).length),
        starts: per((s) => stages[s].starts()),
        unexpectedExits: per((s) => stages[s].unexpectedExits()),
      };
    },
    async addHost(name) {
      const ports = Object.fromEntries(await Promise.all(STAGE_NAMES.map(async (s) => [s, String(await freePort())]))) as Record<
        StageName,
        string
      >;
      const hostStages = stageSet(join(logDir, name), (s) => ({ HEALTH_PORT: ports[s] }));
      const startOne = async (stage: StageName) => {
        const before = await clientIds(stage);
        await hostStages[stage].start(async () => [...(await clientIds(stage))].some((id) => !before.has(id)));
      };
      const host: ChaosHost = {
        name,
        stages: hostStages,
        // One at a time: "up" is a new Redis connection of that stage's name, whoever's it is.
        async startAll() {
          for (const s of STAGE_NAMES) await startOne(s);
        },
      };
      hosts.push(host);
      return host;
    },
    async close() {
      await Promise.all([stages, ...hosts.map((h) => h.stages)].map(stopStages));
      await stalls.close().catch(() => undefined);
      await closeQueues(queues).catch(() => undefined);
      await dropIndex(opts.searchUrl, alias);
      await deleteKeys(redis, `${prefix}:*`);
      redis.disconnect();
    },
  };
  return run;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
