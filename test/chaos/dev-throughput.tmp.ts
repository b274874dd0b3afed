import { startArticleSite } from './support/article-site';
import { chaosRedisFor, SHARED_SEARCH_URL } from './support/chaos-env';
import { createChaosRun } from './support/chaos-run';
import { queueFigures } from './support/probe';
const n = Number(process.argv[2] ?? 200);
const redis = await chaosRedisFor('dev');
const site = await startArticleSite();
const run = await createChaosRun({ scenario: 'dev', redisUrl: redis.url, searchUrl: SHARED_SEARCH_URL });
const t = Date.now();
await run.startAll();
console.log('started in', Date.now() - t);
const t0 = Date.now();
await run.enqueue(Array.from({ length: n }, (_, i) => site.articleUrl(i)));
for (;;) {
  const q = await queueFigures(run.queues);
  const docs = await run.documents();
  console.log(((Date.now() - t0) / 1000).toFixed(0), docs, Object.entries(q).map(([s, f]) => `${s}:${f.remaining.waiting}/${f.remaining.active}/${f.remaining.delayed}/${f.completed}`).join(' '), Object.values(run.stages).map((s) => s.rssKb()).join(','));
  if (docs >= n) break;
  await new Promise((r) => setTimeout(r, 3000));
}
console.log('rate', n / ((Date.now() - t0) / 1000));
await run.close(); await site.close(); await redis.cleanup();
