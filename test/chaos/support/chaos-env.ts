import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort } from '../../support/free-port';
import { TEST_NLP_URL } from '../../support/services';
import { ARTIFACTS } from './chaos-run';
import { startChaosRedis, type ChaosRedis } from './chaos-redis';
import type { ScenarioReport } from './report';

/** The shared engine, for scenarios that do not stop it (each uses its own index alias). */
export const SHARED_SEARCH_URL = process.env.SEARCH_URL ?? 'http://127.0.0.1:9200';
/**
 * The shared CoreNLP server the enrich processes use (NLP_URL, as `npm test`); the global setup
 * starts the local one there when none answers. Scenario 4b runs its own instead.
 */
export const SHARED_NLP_URL = TEST_NLP_URL;
/** URLs per scenario (the issue says 1,000; smaller while developing). */
export const CHAOS_URLS = Number(process.env.CHAOS_URLS ?? 1000);
export const CHAOS_SEED = Number(process.env.CHAOS_SEED ?? 20261128);
export const CHAOS_SOAK_MINUTES = Number(process.env.CHAOS_SOAK_MINUTES ?? 10);
/** The chaos suite's own engine port (≤ 9299, the local engine's ceiling). */
export const CHAOS_ENGINE_PORT = Number(process.env.CHAOS_ENGINE_PORT ?? 9260);

/** The scenario's own redis-server on a free port with a throw-away data folder. */
export async function chaosRedisFor(scenario: string): Promise<ChaosRedis & { cleanup(): Promise<void> }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), `newsflow-chaos-${scenario}-`));
  const redis = await startChaosRedis(await freePort(), dir, join(ARTIFACTS, `${scenario}-redis.log`));
  return {
    ...redis,
    async cleanup() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every check of the report is asserted (softly, so one run reports them all). */
export function assertChecks(r: ScenarioReport): void {
  for (const c of r.checks) expect.soft(c.ok, `${c.what}: expected ${c.expected}, got ${c.actual}`).toBe(true);
}
