import { closeOnSignals, startHealthServer, type Closeable } from '@newsflow/runtime';
import { UsageError } from '../process/cli.errors';
import { buildProcessInfra } from '../process/infra.factory';
import { configFromEnv } from '../process/config.loader';
import { isServiceName, SERVICE_NAMES, startService, type ServiceName } from '../process/services';
import { waitFor } from '../process/wait-for';

/** `newsflow start [api|fetch|extract|enrich|index ...]`: runs the named services in this process. */
export async function startCommand(names: string[]): Promise<void> {
  const unknown = names.filter((n) => !isServiceName(n));
  if (unknown.length > 0) {
    throw new UsageError(`unknown service ${unknown.join(', ')}; choose from ${SERVICE_NAMES.join(', ')}`);
  }
  const services: ServiceName[] = names.length > 0 ? (names as ServiceName[]) : [...SERVICE_NAMES];
  const config = configFromEnv();
  // A long-running service waits for Redis and the engine (they may start after it, or restart
  // under it); a Redis that evicts keys is refused at once (RedisPolicyError, exit 1).
  const p = await buildProcessInfra(config, services.join('+'));
  const { logger } = p.infra;
  if (services.includes('api') || services.includes('index')) {
    await waitFor(`the search engine at ${config.search.url}`, () => p.articles.ensure(), logger);
  }
  const serviceCloseables: Closeable[] = [];
  for (const name of services) serviceCloseables.push(...(await startService(name, p)));
  if (config.healthPort !== null && !services.includes('api')) {
    const server = await startHealthServer(config.healthPort, {
      ready: p.ready,
      ...(p.infra.metrics ? { metrics: p.infra.metrics.render } : {}),
    });
    serviceCloseables.push({ name: 'health server', close: () => new Promise((r) => server.close(() => r())) });
  }
  logger.info({ services, prefix: config.redis.prefix, search: config.search.url }, 'newsflow started');
  // Services (workers first) stop before the queues, Redis and search client they use.
  closeOnSignals([...serviceCloseables, ...p.closeables], logger);
}
