import { createServer, type Server } from 'node:http';

export interface HealthChecks {
  /**
   * Ready means able to do work: each part the process needs answers, by name (redis, nlp…).
   * /readyz says which are away: `{"ready":false,"away":["nlp"]}`; a check that throws is away.
   */
  ready: Record<string, () => Promise<boolean>>;
  /** When given, GET /metrics serves it (Prometheus text format). */
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

/** A tiny HTTP server for container healthchecks, /healthz (alive) and /readyz (ready), and Prometheus' /metrics. */
export function startHealthServer(port: number, checks: HealthChecks): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/readyz') {
      void awayParts(checks.ready).then((away) => {
        const body = away.length === 0 ? { ready: true } : { ready: false, away };
        res.writeHead(away.length === 0 ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      return;
    }
    const metrics = checks.metrics;
    if (req.url === '/metrics' && metrics) {
      metrics().then(
        (m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body),
        (err: unknown) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${(err as Error).message}\n`),
      );
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

async function awayParts(ready: HealthChecks['ready']): Promise<string[]> {
  const results = await Promise.all(Object.entries(ready).map(async ([name, check]) => ((await check().catch(() => false)) ? null : name)));
  return results.filter((name): name is string => name !== null);
}
