import { readdirSync, readFileSync } from 'node:fs';
import { isNlpUp, startLocalNlp, type LocalService } from '../../../packages/cli/src/local/local-nlp';

/**
 * The suite's own CoreNLP server (infra/local-nlp) on its own port and data folder, for the
 * scenario that kills it. `kill()` SIGKILLs the JVM itself (a crash: no graceful shutdown, open
 * requests cut); `stop()` is the graceful stop; `start()` starts it again on the same port.
 */
export interface ChaosNlp {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILLs the server's JVM; resolves once the port no longer answers. Returns the JVM's pid. */
  kill(): Promise<number>;
}

export async function startChaosNlp(opts: { port: number; dataDir: string; heap?: string }): Promise<ChaosNlp> {
  const url = `http://127.0.0.1:${opts.port}`;
  // The suite must own this server (it kills it): refuse a stranger on the port.
  if (await isNlpUp(url)) throw new Error(`an NLP server already answers at ${url}; the chaos suite needs that port for its own`);
  let svc: LocalService | null = null;
  const start = async () => {
    svc = await startLocalNlp({ port: opts.port, dataDir: opts.dataDir, heap: opts.heap ?? '1500m', startTimeoutMs: 10 * 60_000 });
  };
  await start();
  return {
    url,
    port: opts.port,
    start,
    async stop() {
      const s = svc;
      svc = null;
      await s?.stop();
    },
    async kill() {
      const pid = ourJvm(opts.port);
      if (pid === null) throw new Error(`no CoreNLP JVM of ours listens on port ${opts.port}`);
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (await isNlpUp(url, 500)) {
        if (Date.now() > deadline) throw new Error(`the NLP server at ${url} still answers 30 s after SIGKILL`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // Its start.sh --foreground guardian exits with the JVM; reap it and drop its exit hook.
      const s = svc;
      svc = null;
      await s?.stop();
      return pid;
    },
  };
}

/**
 * The pid of the StanfordCoreNLPServer JVM on `port` that this process started (its parent is the
 * start.sh this process spawned), or null: never another user's server on the machine.
 */
function ourJvm(port: number): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (!argv.includes('edu.stanford.nlp.pipeline.StanfordCoreNLPServer')) continue;
      const p = argv.indexOf('-port');
      if (p < 0 || argv[p + 1] !== String(port)) continue;
      const guardian = ppid(Number(d));
      if (guardian !== null && ppid(guardian) === process.pid) return Number(d);
    } catch {
      // the process went away while we looked
    }
  }
  return null;
}

function ppid(pid: number): number | null {
  const m = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : null;
}
