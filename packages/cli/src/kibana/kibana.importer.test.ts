import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/cli';
import { freePort } from '../local/free-port';
import { importSavedObjects, KibanaUnreachableError } from './kibana.importer';
import { buildSavedObjects, toNdjson } from './saved-objects';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  file: { name: string; text: string } | null;
}

/**
 * A stand-in for Kibana's saved objects import API (Kibana itself cannot run here): it checks
 * what Kibana checks (kbn-xsrf, a multipart `file` field) and answers like Kibana does.
 */
function fakeKibana() {
  const received: Received[] = [];
  let answer: { status: number; body: unknown } | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      let file: Received['file'] = null;
      if (String(req.headers['content-type']).startsWith('multipart/form-data')) {
        const form = await new Request('http://kibana.test/', {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type']! },
          body,
        }).formData();
        const f = form.get('file');
        if (f && typeof f !== 'string') file = { name: f.name, text: await f.text() };
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, file });
      const send = (status: number, payload: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (answer) return send(answer.status, answer.body);
      if (!req.headers['kbn-xsrf']) {
        return send(400, { statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' });
      }
      if (!/^\/(s\/[^/]+\/)?api\/saved_objects\/_import\?overwrite=true$/.test(req.url ?? '')) {
        return send(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
      }
      if (!file) return send(415, { statusCode: 415, error: 'Unsupported Media Type', message: 'expected a multipart file' });
      const lines = file.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; id: string });
      return send(200, {
        success: true,
        successCount: lines.length,
        successResults: lines.map((l) => ({ type: l.type, id: l.id })),
        errors: [],
      });
    });
  });
  return {
    received,
    respondWith(status: number, body: unknown) {
      answer = { status, body };
    },
    reset() {
      received.length = 0;
      answer = null;
    },
    start: () =>
      new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('importing the saved objects into Kibana', () => {
  const kibana = fakeKibana();
  let url: string;
  const ndjson = toNdjson(buildSavedObjects());

  beforeAll(async () => {
    url = await kibana.start();
  });
  afterAll(() => kibana.close());
  beforeEach(() => kibana.reset());

  it('posts the NDJSON as a multipart file with kbn-xsrf, to the space asked for, with the credentials given', async () => {
    const result = await importSavedObjects({ url: `${url}/`, space: 'news', auth: { username: 'elastic', password: 's3cret' } }, ndjson);
    expect(result).toEqual({ successCount: 12, problems: [] });
    const [req] = kibana.received;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/s/news/api/saved_objects/_import?overwrite=true');
    expect(req!.headers['kbn-xsrf']).toBeTruthy();
    expect(req!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('elastic:s3cret').toString('base64')}`);
    expect(req!.file).toEqual({ name: 'newsflow.ndjson', text: ndjson });
  });

  it('lists the objects Kibana refused', async () => {
    kibana.respondWith(200, {
      success: false,
      successCount: 9,
      errors: [
        {
          id: 'newsflow-top-people',
          type: 'lens',
          meta: { title: 'Top people' },
          error: { type: 'missing_references', references: [{ type: 'index-pattern', id: 'newsflow-articles' }] },
        },
      ],
    });
    const result = await importSavedObjects({ url }, ndjson);
    expect(result.problems).toEqual(['lens newsflow-top-people (Top people): missing_references [index-pattern newsflow-articles]']);
  });

  it('says what is wrong when Kibana refuses the request or cannot be reached', async () => {
    kibana.respondWith(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    await expect(importSavedObjects({ url }, ndjson)).rejects.toThrow(
      /needs credentials \(401\): pass --username and --password, or --api-key/,
    );
    kibana.respondWith(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
    await expect(importSavedObjects({ url, space: 'nope' }, ndjson)).rejects.toThrow(/has no space "nope"/);
    kibana.respondWith(503, { statusCode: 503, message: 'Kibana server is not ready yet' });
    await expect(importSavedObjects({ url }, ndjson)).rejects.toThrow(/not ready yet/);
    const closed = `http://127.0.0.1:${await freePort()}`;
    await expect(importSavedObjects({ url: closed }, ndjson)).rejects.toThrow(`cannot reach Kibana at ${closed}: connection refused`);
    await expect(importSavedObjects({ url: closed }, ndjson)).rejects.toBeInstanceOf(KibanaUnreachableError);
  });

  it('`newsflow kibana import` imports them and prints the dashboard address', async () => {
    const ok = await runCli(['kibana', 'import', '--url', url, '--index', 'my-news', '--api-key', 'k3y']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`imported 12 objects into Kibana; the dashboard: ${url}/app/dashboards#/view/newsflow-news`));
    const sent = kibana.received[0]!;
    expect(sent.headers.authorization).toBe('ApiKey k3y');
    expect(JSON.parse(sent.file!.text.split('\n')[0]!)).toMatchObject({ type: 'index-pattern', attributes: { title: 'my-news' } });

    const bad = await runCli(['kibana', 'import', '--url', 'ftp://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--url must be Kibana's http\(s\) address/);

    // Nothing listening: one line and exit 3, like every command whose service is away.
    const closed = `http://127.0.0.1:${await freePort()}`;
    const away = await runCli(['kibana', 'import', '--url', closed]);
    expect(away.code).toBe(3);
    expect(away.stderr).toBe(`newsflow: cannot reach Kibana at ${closed}: connection refused\n`);
  });
});
