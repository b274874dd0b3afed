import { loadConfig, type Config } from '@newsflow/config';
import { closeInOrder, silentLogger, type Closeable } from '@newsflow/runtime';
import { buildProcessInfra, type ProcessInfra } from '../../packages/cli/src/process/infra.factory';
import { startService, type ServiceName } from '../../packages/cli/src/process/services';
import { TEST_NLP_URL, TEST_REDIS_URL, TEST_SEARCH_FLAVOR, TEST_SEARCH_URL, uniqueName, wipeRedisPrefix } from './services';
import { freePort } from './free-port';

export interface TestPipeline {
  config: Config;
  process: ProcessInfra;
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs the named services in this process, exactly as `newsflow start` wires them, on their own
 * queue prefix and index alias; stop() closes them and deletes everything they created.
 */
export async function startTestPipeline(services: ServiceName[], env: Record<string, string> = {}): Promise<TestPipeline> {
  const port = await freePort();
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    SEARCH_URL: TEST_SEARCH_URL,
    SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
    NLP_URL: TEST_NLP_URL,
    QUEUE_PREFIX: uniqueName('q'),
    SEARCH_INDEX: uniqueName('idx'),
    PORT: String(port),
    LOG_LEVEL: 'silent',
    INDEX_FLUSH_MS: '20',
    FETCH_TIMEOUT_MS: '5000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...env,
  });
  const p = await buildProcessInfra(config, 'test', silentLogger());
  await p.articles.ensure();
  const closeables: Closeable[] = [];
  for (const s of services) closeables.push(...(await startService(s, p)));
  return {
    config,
    process: p,
    apiUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await closeInOrder([...closeables, ...p.closeables.filter((c) => c.name !== 'search client')], silentLogger());
      await p.articles.drop().catch(() => undefined);
      await p.engine.close();
      await wipeRedisPrefix(config.redis.prefix);
    },
  };
}
