import { createServer, type Server } from 'node:http';

export interface HealthChecks {
  /** Ready means able to do work: e.g. Redis answers. */
  ready: () => Promise<boolean>;
}

/** A tiny HTTP server for container healthchecks: /healthz (alive) and /readyz (ready). */
export function startHealthServer(port: number, checks: HealthChecks): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/readyz') {
      void checks
        .ready()
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready: ok }));
        });
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
