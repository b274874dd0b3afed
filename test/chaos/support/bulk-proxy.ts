import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One `_bulk` call of the index process as seen on the wire. */
export interface BulkCall {
  at: number;
  /** ms until the response. */
  ms: number;
  status: number;
  items: number;
  ids: string[];
  /** Document ids whose item came back 429 (or every id when the whole request was 429). */
  rejectedIds: string[];
}

/**
 * A pass-through HTTP proxy in front of the engine that records every `_bulk` request of the
 * process that talks through it: when, how many documents, and which came back 429. This is how
 * the suite sees the index stage's bulk rate and its backing off without depending on its logs.
 */
export interface BulkProxy {
  url: string;
  calls: BulkCall[];
  close(): Promise<void>;
}

export async function startBulkProxy(target: string): Promise<BulkProxy> {
  const upstream = new URL(target);
  const calls: BulkCall[] = [];
  const server: Server = createServer((req, res) => {
    const isBulk = /\/_bulk(\?|$)/.test(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const at = Date.now();
      const out = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (up) => {
          const resChunks: Buffer[] = [];
          up.on('data', (c: Buffer) => resChunks.push(c));
          up.on('end', () => {
            const resBody = Buffer.concat(resChunks);
            if (isBulk) calls.push(describeBulk(at, up.statusCode ?? 0, body, resBody));
            res.writeHead(up.statusCode ?? 502, up.headers).end(resBody);
          });
        },
      );
      out.on('error', () => {
        if (isBulk) calls.push({ at, ms: Date.now() - at, status: 502, items: 0, ids: [], rejectedIds: [] });
        res.writeHead(502).end();
      });
      out.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function describeBulk(at: number, status: number, req: Buffer, res: Buffer): BulkCall {
  const ids: string[] = [];
  for (const line of req.toString('utf8').split('\n')) {
    if (!line.startsWith('{"index"') && !line.startsWith('{"create"') && !line.startsWith('{"update"')) continue;
    try {
      const action = JSON.parse(line) as Record<string, { _id?: string }>;
      const id = Object.values(action)[0]?._id;
      if (id) ids.push(id);
    } catch {
      // a document line that happens to start like an action: not ours to judge
    }
  }
  let rejectedIds: string[] = [];
  if (status === 429) {
    rejectedIds = ids;
  } else {
    try {
      const parsed = JSON.parse(res.toString('utf8')) as { items?: Record<string, { _id?: string; status?: number }>[] };
      rejectedIds = (parsed.items ?? [])
        .map((it) => Object.values(it)[0])
        .filter((it): it is { _id?: string; status?: number } => it?.status === 429)
        .map((it) => it._id ?? '?');
    } catch {
      // not JSON: counted by status only
    }
  }
  return { at, ms: Date.now() - at, status, items: ids.length, ids, rejectedIds };
}
