import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Lets the Elasticsearch 9 client talk to the local OpenSearch, as far as that can go: the
 * client sends versioned media types (`application/vnd.elasticsearch+json; compatible-with=9`)
 * that OpenSearch refuses, and refuses any server that does not say `x-elastic-product:
 * Elasticsearch`. The proxy translates exactly those two things and nothing else, so the
 * adapter's requests and the engine's answers are otherwise untouched.
 */
export async function startEsCompatProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  // No keep-alive upstream: a pooled socket the engine has closed would surface as a 502.
  const agent = new Agent({ keepAlive: false });
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers, host: upstream.host };
    for (const h of ['content-type', 'accept'] as const) {
      const v = headers[h];
      if (typeof v === 'string') headers[h] = v.replace(/application\/vnd\.elasticsearch\+(x-ndjson|json);\s*compatible-with=\d+/g, 'application/$1');
    }
    const out = request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-elastic-product': 'Elasticsearch' });
        up.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
