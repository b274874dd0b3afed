import { Agent, createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What GET / says through the proxy, by the major it poses as (7.x: a server the client cannot serve). */
const POSED_VERSION = { 7: '7.17.0', 8: '8.19.0', 9: '9.4.0' } as const;

export interface EsCompatProxyOptions {
  /** The Elasticsearch major the proxy poses as (9 by default). */
  major?: keyof typeof POSED_VERSION;
}

/** One request as it reached the proxy: its versioned media types and whether they were refused. */
export interface SeenRequest {
  method: string;
  path: string;
  accept: string | null;
  contentType: string | null;
  refused: boolean;
}

export interface EsCompatProxy {
  url: string;
  /** Every request so far, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Lets the Elasticsearch client talk to the local OpenSearch as if it were an Elasticsearch 8.x
 * or 9.x server, as far as the protocol goes:
 * - it checks the versioned media types (`application/vnd.elasticsearch+json; compatible-with=N`)
 *   as that server does, and refuses what it refuses with the same 400 and error body (8.x
 *   refuses the 9.x client's `compatible-with=9`: `media_type_header_exception`);
 * - it translates them into the plain types OpenSearch takes, and answers a versioned Accept
 *   with the versioned content type, as Elasticsearch does;
 * - GET / reports the posed version, and every answer says `x-elastic-product: Elasticsearch`,
 *   which the client insists on.
 * The adapter's requests and the engine's answers are otherwise untouched.
 */
export async function startEsCompatProxy(target: string, options: EsCompatProxyOptions = {}): Promise<EsCompatProxy> {
  const major = options.major ?? 9;
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  // No keep-alive upstream: a pooled socket the engine has closed would surface as a 502.
  const agent = new Agent({ keepAlive: false });
  const server: Server = createServer((req, res) => {
    const accept = header(req.headers, 'accept');
    const contentType = header(req.headers, 'content-type');
    const refusal = refusalOf(major, accept, contentType, hasContent(req.headers));
    seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', accept, contentType, refused: refusal !== null });
    if (refusal !== null) {
      // Read the body before answering, as the server does, so the client sees the 400 and not a reset.
      req.resume();
      req.on('end', () => refuse(res, req.method === 'HEAD', refusal));
      return;
    }
    const headers = { ...req.headers, host: upstream.host };
    for (const h of ['content-type', 'accept'] as const) {
      const v = headers[h];
      if (typeof v === 'string') {
        headers[h] = v.replace(/application\/vnd\.elasticsearch\+(x-ndjson|json);\s*compatible-with=\d+/g, 'application/$1');
      }
    }
    const askedVersion = parseMediaType(accept)?.version ?? null;
    const isRoot = req.method === 'GET' && (req.url ?? '/').split('?')[0] === '/';
    if (isRoot) delete headers['accept-encoding']; // its body is rewritten: plain, please
    const out = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent }, (up) => {
      const answer: IncomingHttpHeaders = { ...up.headers, 'x-elastic-product': 'Elasticsearch' };
      if (askedVersion !== null && up.headers['content-type']?.startsWith('application/json')) {
        answer['content-type'] = `application/vnd.elasticsearch+json;compatible-with=${askedVersion}`;
      }
      if (!isRoot || up.statusCode !== 200) {
        res.writeHead(up.statusCode ?? 502, answer);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        let body: Buffer;
        try {
          body = Buffer.from(
            JSON.stringify(posedRoot(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>, major)),
          );
        } catch {
          res.writeHead(502).end();
          return;
        }
        delete answer['transfer-encoding'];
        res.writeHead(200, { ...answer, 'content-length': String(body.length) }).end(body);
      });
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeIdleConnections();
      }),
  };
}

/** OpenSearch's GET / answer, as the posed Elasticsearch would give it. */
function posedRoot(root: Record<string, unknown>, major: keyof typeof POSED_VERSION): Record<string, unknown> {
  const { distribution: _distribution, ...version } = (root.version ?? {}) as Record<string, unknown>;
  return { ...root, version: { ...version, number: POSED_VERSION[major], build_flavor: 'default' }, tagline: 'You Know, for Search' };
}

function header(headers: IncomingHttpHeaders, name: 'accept' | 'content-type'): string | null {
  const v = headers[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

function hasContent(headers: IncomingHttpHeaders): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

/**
 * A media type header as Elasticsearch parses it (ParsedMediaType): a list of types ("a, b") is a
 * media range and counts as not given, as does * / *; `compatible-with` is the version asked for.
 */
function parseMediaType(value: string | null): { raw: string; version: number | null } | null {
  if (value === null || value.includes(',') || value === '*/*') return null;
  const params = value
    .toLowerCase()
    .split(/[\s\t]*;/)
    .slice(1);
  const compatible = params.map((p) => p.trim().split('=')).find(([k]) => k === 'compatible-with')?.[1];
  return { raw: value, version: compatible === undefined ? null : Number(compatible) };
}

/**
 * Why an Elasticsearch server of this major refuses these headers, in its own words, or null:
 * RestCompatibleVersionHelper.getCompatibleVersion, which accepts the current major and the one
 * before it, and wants Accept and Content-Type to agree when there is a body.
 */
function refusalOf(major: number, acceptHeader: string | null, contentTypeHeader: string | null, withBody: boolean): string | null {
  const accept = parseMediaType(acceptHeader);
  const contentType = parseMediaType(contentTypeHeader);
  const acceptVersion = accept?.version ?? major;
  const contentVersion = contentType?.version ?? major;
  const shown = (m: { raw: string } | null) => m?.raw ?? 'null';
  if (acceptVersion > major || acceptVersion < major - 1) {
    return `Accept version must be either version ${major} or ${major - 1}, but found ${acceptVersion}. Accept=${shown(accept)}`;
  }
  if (!withBody) return null;
  if (contentVersion > major || contentVersion < major - 1) {
    return `Content-Type version must be either version ${major} or ${major - 1}, but found ${contentVersion}. Content-Type=${shown(contentType)}`;
  }
  if (contentVersion !== acceptVersion) {
    return (
      'A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version ' +
      `and the compatible versions must match. Accept=${shown(accept)}, Content-Type=${shown(contentType)}`
    );
  }
  const versioned = (m: { version: number | null } | null) => (m?.version ?? null) !== null;
  if (versioned(contentType) !== versioned(accept)) {
    return `A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version. Accept=${shown(accept)}, Content-Type=${shown(contentType)}`;
  }
  return null;
}

/** The 400 Elasticsearch answers a refused media type with (RestRequest.MediaTypeHeaderException). */
function refuse(res: ServerResponse, head: boolean, reason: string): void {
  const type = 'media_type_header_exception';
  const message = 'Invalid media-type value on headers [Accept, Content-Type]';
  const body = JSON.stringify({
    error: { root_cause: [{ type, reason: message }], type, reason: message, caused_by: { type: 'status_exception', reason } },
    status: 400,
  });
  res.writeHead(400, {
    'content-type': 'application/json',
    'x-elastic-product': 'Elasticsearch',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(head ? undefined : body);
}
