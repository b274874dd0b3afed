import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '@newsflow/config';
import { createLogger } from '@newsflow/runtime';
import { isRedisUp, startLocalRedis } from '../local/local-redis';
import { isSearchUp, startLocalEngine } from '../local/local-engine';
import { isNlpUp, startLocalNlp } from '../local/local-nlp';
import { configFromEnv } from '../process/config.loader';
import { displayAddress } from '../process/network.reason';
import { SERVICE_NAMES, type ServiceName } from '../process/services';
import { UnreachableError } from '../process/cli.errors';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/newsflow.js', import.meta.url));
// Each service runs the code dev runs: the compiled CLI, or, when dev itself was started from
// the sources through tsx, those sources the same way.
const SELF = import.meta.url.endsWith('.ts') ? [...process.execArgv, process.argv[1]!] : [BIN];

interface Started {
  name: string;
  stop(): Promise<void>;
}

/**
 * `npm start`: the whole system on this machine. Uses Redis, the search engine and the NLP server
 * when they answer, else starts a local redis-server, the local OpenSearch and the local CoreNLP
 * server; then runs every service as its own child process (one can crash or be killed alone,
 * and is restarted). Ctrl-C stops everything it started.
 */
export async function devCommand(): Promise<void> {
  const config = configFromEnv();
  const logger = createLogger(config.logLevel, { service: 'dev' });
  const started: Started[] = [];
  const env = childProcessEnv();

  if (!(await isRedisUp(config.redis.url))) {
    const u = new URL(config.redis.url);
    if (!isLoopback(u.hostname)) {
      throw new UnreachableError(
        `cannot reach Redis at ${displayAddress(config.redis.url, 6379)}: no answer (not on this machine, so dev does not start one)`,
      );
    }
    logger.info('no Redis answers: starting a local redis-server');
    const redis = await startLocalRedis({ port: Number(u.port || 6379), dataDir: `${REPO_ROOT}.data/redis` });
    started.push({ name: 'redis-server', stop: redis.stop });
    env.REDIS_URL = redis.url;
  }
  if (!(await isSearchUp(config.search.url))) {
    const u = new URL(config.search.url);
    if (!isLoopback(u.hostname)) {
      throw new UnreachableError(
        `cannot reach the search engine at ${displayAddress(config.search.url)}: no answer (not on this machine, so dev does not start one)`,
      );
    }
    logger.info('no search engine answers: starting the local OpenSearch (the first run downloads it, which takes minutes)');
    const engine = await startLocalEngine({ port: Number(u.port || 9200), dataDir: `${REPO_ROOT}.data/opensearch` });
    started.push({ name: 'local OpenSearch', stop: engine.stop });
    env.SEARCH_URL = engine.url;
    env.SEARCH_FLAVOR = 'opensearch';
  }
  if (!(await isNlpUp(config.nlp.url))) {
    const u = new URL(config.nlp.url);
    if (!isLoopback(u.hostname)) {
      throw new UnreachableError(
        `cannot reach the NLP server at ${displayAddress(config.nlp.url)}: no answer (not on this machine, so dev does not start one)`,
      );
    }
    logger.info('no NLP server answers: starting the local CoreNLP server (the first run downloads it, which takes minutes)');
    const nlp = await startLocalNlp({ port: Number(u.port || 9000), dataDir: `${REPO_ROOT}.data/corenlp` });
    started.push({ name: 'local CoreNLP server', stop: nlp.stop });
    env.NLP_URL = nlp.url;
  }

  let stopping = false;
  const children = new Map<string, ChildProcess>();
  // Each worker child serves /healthz, /readyz and /metrics on its own port (the api serves its
  // own on PORT): 9464 (Prometheus' exporter range) or HEALTH_PORT, plus the service's index.
  const healthBase = config.healthPort ?? 9464;
  const run = (name: string) => {
    const healthPort = String(healthBase + SERVICE_NAMES.indexOf(name as ServiceName));
    const child = spawn(process.execPath, [...SELF, 'start', name], { stdio: 'inherit', env: { ...env, HEALTH_PORT: healthPort } });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (stopping) return;
      logger.warn({ service: name, code, signal }, 'service exited; restarting it in 1 s');
      setTimeout(() => !stopping && run(name), 1000);
    });
  };
  for (const name of SERVICE_NAMES) run(name);
  logger.info(
    {
      api: `http://${config.api.host}:${config.api.port}`,
      metrics: SERVICE_NAMES.slice(1).map((n, i) => `${n}: http://127.0.0.1:${healthBase + i + 1}/metrics`),
    },
    'newsflow is running; Ctrl-C stops it',
  );

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping services');
    await Promise.all([...children.values()].map((c) => stopChild(c, 20_000)));
    for (const s of started.reverse()) {
      logger.info(`stopping ${s.name}`);
      await s.stop().catch((err: unknown) => logger.warn({ err }, `could not stop ${s.name}`));
    }
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
