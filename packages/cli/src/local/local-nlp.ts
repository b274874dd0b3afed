import { fileURLToPath } from 'node:url';
import type { Logger } from '@newsflow/runtime';
import { startLocalJvmService } from './local-jvm-service';
import type { LocalService } from './local-process';

export type { LocalService };

export interface LocalNlpOptions {
  /** 1025..65535. */
  port: number;
  /** Where start.sh would keep its pid and log; the supervised child logs through us instead. */
  dataDir: string;
  logger?: Logger;
  /** JVM -Xmx, e.g. '2g'; start.sh refuses more than 3g (default 3g). */
  heap?: string;
  /** A fresh machine first resolves ~490 MB of jars; warm starts take 5–20 s (models preload). */
  startTimeoutMs?: number;
  /** infra/local-nlp/start.sh of this checkout unless given. */
  startScript?: string;
  /** Environment for the child (JAVA_HOME, PATH); the parent's unless given. */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_START_SCRIPT = fileURLToPath(new URL('../../../../infra/local-nlp/start.sh', import.meta.url));

/** True when a CoreNLP server at `url` answers GET /ready (only once its models are loaded). */
export async function isNlpUp(url: string, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
    // CoreNLP answers "ready\n"; checking the body keeps any other server's /ready from passing.
    const body = await res.text();
    return res.ok && body.startsWith('ready');
  } catch {
    return false;
  }
}

/**
 * Starts the local Stanford CoreNLP server (infra/local-nlp, see its README) as a child
 * process on `port`, and resolves once it answers /ready with its models loaded.
 * If a CoreNLP server already answers on that port it is reused and stop() leaves it alone.
 */
export async function startLocalNlp(opts: LocalNlpOptions): Promise<LocalService> {
  if (!Number.isInteger(opts.port) || opts.port < 1025 || opts.port > 65535) {
    throw new RangeError(`local NLP port must be within 1025..65535, got ${opts.port}`);
  }
  return startLocalJvmService(
    { name: 'local NLP server', envPrefix: 'LOCAL_NLP', defaultStartScript: DEFAULT_START_SCRIPT, isUp: (url) => isNlpUp(url) },
    opts,
  );
}
