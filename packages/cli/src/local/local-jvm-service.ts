import { mkdir } from 'node:fs/promises';
import type { Logger } from '@newsflow/runtime';
import { childProcessEnv } from '@newsflow/config';
import { alreadyRunning, startSupervised, type LocalService } from './local-process';

/** What a caller of an infra/local-* JVM service may choose; each service documents its limits. */
export interface LocalJvmServiceOptions {
  /** HTTP port on 127.0.0.1 (each service checks its own range). */
  port: number;
  /** Where start.sh would keep its pid and log; the supervised child logs through us instead. */
  dataDir: string;
  logger?: Logger;
  /** JVM heap, e.g. '768m' (each start.sh has its default and limits). */
  heap?: string;
  /** A first start on a fresh machine resolves the jars from Maven Central; warm starts take seconds. */
  startTimeoutMs?: number;
  /** The service's start.sh of this checkout unless given. */
  startScript?: string;
  /** Environment for the child (JAVA_HOME, PATH); the parent's unless given. */
  env?: NodeJS.ProcessEnv;
}

/** An infra/local-* service whose start.sh reads `<envPrefix>_PORT`, `_DATA` and `_HEAP`. */
export interface LocalJvmService {
  /** For logs and errors, e.g. 'local search engine'. */
  name: string;
  /** e.g. 'LOCAL_ENGINE'. */
  envPrefix: string;
  defaultStartScript: string;
  isUp: (url: string) => Promise<boolean>;
}

/**
 * Starts `service` through its start.sh as a child process on 127.0.0.1:`port`, and resolves once
 * it is up. If it already answers on that port it is reused and stop() leaves it alone.
 */
export async function startLocalJvmService(service: LocalJvmService, opts: LocalJvmServiceOptions): Promise<LocalService> {
  const url = `http://127.0.0.1:${opts.port}`;
  if (await service.isUp(url)) return alreadyRunning(url);
  await mkdir(opts.dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...(opts.env ?? childProcessEnv()),
    [`${service.envPrefix}_PORT`]: String(opts.port),
    [`${service.envPrefix}_DATA`]: opts.dataDir,
  };
  if (opts.heap) env[`${service.envPrefix}_HEAP`] = opts.heap;
  return startSupervised({
    name: service.name,
    // --foreground keeps the JVM attached to the script, which ends it when we go away.
    command: 'bash',
    args: [opts.startScript ?? service.defaultStartScript, '--foreground'],
    env,
    url,
    isUp: () => service.isUp(url),
    startTimeoutMs: opts.startTimeoutMs ?? 300_000,
    stopTimeoutMs: 30_000,
    logger: opts.logger,
  });
}
