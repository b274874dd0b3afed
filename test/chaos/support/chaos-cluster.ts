import { readdirSync, readFileSync } from 'node:fs';
import { isSearchUp, startLocalEngine, type LocalService } from '../../../packages/cli/src/local/local-engine';

/**
 * A 3-node local OpenSearch cluster (infra/local-engine in cluster mode): each node its own JVM on
 * its own HTTP and transport port and data folder, so that one can be killed alone, as a machine
 * of a real cluster dies. Indices get one replica (the template's auto_expand_replicas 0-1).
 */
export interface ChaosCluster {
  /** Every node's HTTP URL, in order. */
  urls: string[];
  /** SIGKILLs node i's JVM (no shutdown of its own); returns its pid. */
  kill(i: number): number;
  stop(): Promise<void>;
}

/** The JVM started with `-basePath <dataDir>` (the runner's), found in /proc. */
function jvmPidFor(dataDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('-basePath');
      if (at >= 0 && args[at + 1] === dataDir && args.some((a) => a.endsWith('OpenSearchRunner'))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

export async function startChaosCluster(opts: {
  httpPorts: number[];
  transportPorts: number[];
  dataDir: string;
  heap?: string;
}): Promise<ChaosCluster> {
  const urls = opts.httpPorts.map((p) => `http://127.0.0.1:${p}`);
  for (const url of urls) {
    if (await isSearchUp(url)) throw new Error(`a search engine already answers at ${url}; the chaos suite needs that port for its own`);
  }
  const seeds = opts.transportPorts.map((p) => `127.0.0.1:${p}`).join(',');
  const dirs = opts.httpPorts.map((_, i) => `${opts.dataDir}/node-${i + 1}`);
  // Together: a node is up (yellow) only once a cluster manager is elected, which needs two of them.
  const nodes: LocalService[] = await Promise.all(
    opts.httpPorts.map((port, i) =>
      startLocalEngine({
        port,
        dataDir: dirs[i]!,
        heap: opts.heap ?? '512m',
        startTimeoutMs: 10 * 60_000,
        env: { ...process.env, LOCAL_ENGINE_CLUSTER_SEEDS: seeds, LOCAL_ENGINE_TRANSPORT_PORT: String(opts.transportPorts[i]) },
      }),
    ),
  );
  return {
    urls,
    kill(i) {
      const pid = jvmPidFor(dirs[i]!);
      if (pid === null) throw new Error(`no JVM of node ${i + 1} (${dirs[i]}) to kill`);
      process.kill(pid, 'SIGKILL');
      return pid;
    },
    async stop() {
      await Promise.all(nodes.map((n) => n.stop().catch(() => undefined)));
    },
  };
}
