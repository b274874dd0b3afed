import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@newsflow/runtime';
import { redactUrl, RedactingLogController, requestLogger } from './request-log';

const TOKEN = 'unit-log-token-0123456789';

describe('redactUrl', () => {
  it.each([
    [`/admin/queues?token=${TOKEN}`, '/admin/queues?token=[redacted]'],
    [`/?token=${TOKEN}`, '/?token=[redacted]'],
    [`/?x=1&TOKEN=${TOKEN}&y=2`, '/?x=1&TOKEN=[redacted]&y=2'],
    [`/?%74oken=${TOKEN}`, '/?%74oken=[redacted]'],
    [`/?access_token=${TOKEN}&api_key=${TOKEN}`, '/?access_token=[redacted]&api_key=[redacted]'],
    [`/?token`, '/?token=[redacted]'],
    ['/search?q=token&tokens=3', '/search?q=token&tokens=3'],
    ['/healthz', '/healthz'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('the request log', () => {
  it('keeps no token: not from the query, the Authorization header or a cookie, nor in the 404 line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const log = requestLogger(createLogger('info', {}, sink));
    const app = Fastify({ loggerInstance: log as FastifyBaseLogger, logController: new RedactingLogController() });
    app.get('/admin/queues', async (req) => {
      // Something logging the headers, as a plugin or an error might.
      req.log.info({ req: { headers: req.headers }, headers: req.headers }, 'headers seen');
      return 'ok';
    });
    const headers = { authorization: `Bearer ${TOKEN}`, cookie: `newsflow_admin=${TOKEN}` };
    expect((await app.inject({ url: `/admin/queues?token=${TOKEN}`, headers })).statusCode).toBe(200);
    expect((await app.inject({ url: `/gone?token=${TOKEN}`, headers })).statusCode).toBe(404);
    await app.close();

    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).toContain('"url":"/admin/queues?token=[redacted]"');
    expect(all).toContain('Route GET:/gone?token=[redacted] not found');
    const seen = lines.map((l) => JSON.parse(l) as { msg: string; headers?: Record<string, string> }).find((l) => l.msg === 'headers seen');
    expect(seen?.headers).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]' });
    expect(lines.every((l) => (JSON.parse(l) as { service?: string }).service === 'api')).toBe(true);
  });
});
