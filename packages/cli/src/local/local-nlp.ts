import { fileURLToPath } from 'node:url';
import { startLocalJvmService, type LocalJvmServiceOptions } from './local-jvm-service';
import type { LocalService } from './local-process';

export type { LocalService };

/** Port 1025..65535; heap at most 3g (default 3g); warm starts take 5–20 s (models preload). */
export type LocalNlpOptions = LocalJvmServiceOptions;

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
