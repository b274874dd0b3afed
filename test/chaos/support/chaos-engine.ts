import { isSearchUp, startLocalEngine, type LocalService } from '../../../packages/cli/src/local/local-engine';

/**
 * The suite's own local OpenSearch node (infra/local-engine) on its own port and data folder,
 * for the scenarios that stop it or need special node settings (a tiny write queue).
 */
export interface ChaosEngine {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startChaosEngine(opts: { port: number; dataDir: string; extraSettings?: string }): Promise<ChaosEngine> {
  const url = `http://127.0.0.1:${opts.port}`;
  // The suite must own this node (its settings and its stop): refuse a stranger on the port.
  if (await isSearchUp(url)) throw new Error(`a search engine already answers at ${url}; the chaos suite needs that port for its own`);
  let svc: LocalService | null = null;
  const start = async () => {
    svc = await startLocalEngine({
      port: opts.port,
      dataDir: opts.dataDir,
      heap: '512m',
      startTimeoutMs: 10 * 60_000,
      env: { ...process.env, LOCAL_ENGINE_EXTRA_SETTINGS: opts.extraSettings ?? '' },
    });
  };
  await start();
  return {
    url,
    start,
    async stop() {
      const s = svc;
      svc = null;
      await s?.stop();
    },
  };
}
