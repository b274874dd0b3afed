import { DelayedError } from 'bullmq';
import type { StageContext } from './stage.runner';

/**
 * Sets the job aside, without using one of its attempts, for `pauseMs` plus a spread so that
 * put-off jobs do not all return at once: for troubles that are nobody's fault (a dependency
 * away, restarting or throttling), so an outage of any length loses nothing. The runner records
 * the job as postponed.
 */
export async function putOff(
  ctx: Pick<StageContext, 'job' | 'token' | 'logger'>,
  pauseMs: number,
  why: string,
  level: 'warn' | 'debug' = 'warn',
): Promise<never> {
  const ms = pauseMs + 250 + Math.round(Math.random() * 750);
  // a trouble is worth a warning once; the jobs put off again while it is known to last are not
  ctx.logger[level]({ delayMs: ms }, `${why}; putting the job off`);
  await ctx.job.moveToDelayed(Date.now() + ms, ctx.token);
  throw new DelayedError(why);
}
