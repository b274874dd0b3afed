import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startRealApiApp, type RealApiApp } from '../../../test/support/api-app';
import { ADMIN_CONTENT_SECURITY_POLICY } from './admin.routes';

const TOKEN = 'a-token-of-sixteen-chars';
const bearer = { authorization: `Bearer ${TOKEN}` };

/** The API's one error shape: `{error: "<message>"}` and nothing else. */
function expectErrorShape(res: LightMyRequestResponse, status: number, what: string): string {
  expect(res.statusCode, what).toBe(status);
  expect(res.headers['content-type'], what).toMatch(/^application\/json/);
  const body = res.json() as Record<string, unknown>;
  expect(Object.keys(body), what).toEqual(['error']);
  expect(typeof body.error, what).toBe('string');
  expect((body.error as string).length, what).toBeGreaterThan(5);
  return body.error as string;
}

// Issue 16, items 12 and 13, on the real Redis and the real local engine.
describe('the API’s HTTP conventions', () => {
  let api: RealApiApp;
  beforeAll(async () => {
    api = await startRealApiApp({ token: TOKEN, enqueueRate: { perMinute: 0 } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a method a path does not take with 405 and Allow, an unknown path with 404', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/search', 'GET, HEAD'],
      ['DELETE', `/articles/${'a'.repeat(32)}`, 'GET, HEAD'],
      ['PUT', `/articles/${'a'.repeat(32)}/trace`, 'GET, HEAD'],
      ['GET', '/articles', 'POST'],
      ['PATCH', '/quotes', 'GET, HEAD'],
      ['POST', '/ui/assets/app.js', 'GET, HEAD'],
      ['DELETE', '/', 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await api.app.inject({ method: method as 'GET', url, headers: bearer });
      const error = expectErrorShape(res, 405, `${method} ${url}`);
      expect(res.headers.allow, `${method} ${url}`).toBe(allow);
      expect(error).toContain(`${method} is not allowed on ${url}`);
    }
    expect(expectErrorShape(await api.app.inject({ url: '/nowhere?x=1' }), 404, 'unknown path')).toBe('no such route: GET /nowhere');
    expectErrorShape(await api.app.inject({ url: '/ui/assets/missing.js' }), 404, 'missing asset');
  });

  it('gives every error one shape, {error}, whichever route or layer refuses', async () => {
    const post = (payload: string, headers: Record<string, string> = {}) =>
      api.app.inject({ method: 'POST', url: '/articles', payload, headers: { ...bearer, 'content-type': 'application/json', ...headers } });
    expectErrorShape(await api.app.inject({ url: '/search?size=1000' }), 400, 'bad query');
    expectErrorShape(await api.app.inject({ url: '/quotes?since=yesterday' }), 400, 'bad date');
    expectErrorShape(await api.app.inject({ url: '/articles/not-an-id' }), 400, 'bad id');
    expectErrorShape(await api.app.inject({ url: `/articles/${'b'.repeat(32)}` }), 404, 'unknown article');
    expectErrorShape(await api.app.inject({ url: `/articles/${'b'.repeat(32)}/trace` }), 404, 'unknown trace');
    expectErrorShape(await post('{"url": '), 400, 'malformed JSON');
    expectErrorShape(await post(''), 400, 'empty body');
    expectErrorShape(await post('url=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'form body');
    expectErrorShape(await post(JSON.stringify({ url: `https://e.com/${'a'.repeat(70_000)}` })), 413, 'too large');
    expectErrorShape(await post('{"url": 1}'), 400, 'url not a string');
    expectErrorShape(await api.app.inject({ method: 'POST', url: '/articles', payload: { url: 'https://e.com/' } }), 401, 'no token');
    expectErrorShape(await api.app.inject({ url: '/admin/queues' }), 401, 'admin without token');
  });

  it('drops a __proto__ key from a JSON body instead of refusing the body as invalid JSON', async () => {
    const post = (payload: string) =>
      api.app.inject({ method: 'POST', url: '/articles', payload, headers: { ...bearer, 'content-type': 'application/json' } });
    const ok = await post(
      '{"url": "https://news.example.com/proto", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    expect(ok.statusCode, ok.body).toBe(202);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Only the key: what is left is judged as any body is.
    expect(expectErrorShape(await post('{"__proto__": {"url": "https://news.example.com/x"}}'), 400, 'only __proto__')).toMatch(
      /^invalid request body: url/,
    );
  });

  it('serves the UI pages and modules with no-cache, so a release is never mixed with cached modules', async () => {
    for (const url of [
      '/',
      '/ui/enqueue',
      '/ui/article?id=x',
      '/ui/assets/app.js',
      '/ui/assets/enqueue-page.js',
      '/ui/assets/style.css',
      '/ui/assets/purify.es.mjs',
    ]) {
      const res = await api.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // Revalidation still works.
    const first = await api.app.inject({ url: '/ui/assets/app.js' });
    expect(first.headers.etag).toBeDefined();
    expect((await api.app.inject({ url: '/ui/assets/app.js', headers: { 'if-none-match': String(first.headers.etag) } })).statusCode).toBe(
      304,
    );
  });

  it('serves Bull Board with a Content-Security-Policy that no page may frame', async () => {
    expect(ADMIN_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(ADMIN_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    for (const headers of [bearer, {}]) {
      const res = await api.app.inject({ url: '/admin/queues', headers });
      expect(res.statusCode).toBe(headers === bearer ? 200 : 401);
      expect(res.headers['content-security-policy']).toBe(ADMIN_CONTENT_SECURITY_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('answers /readyz in the workers’ shape, each part by name', async () => {
    const res = await api.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ready: true, away: [], redis: true, search: true });
  });
});

describe('the admin cookie behind a proxy (API_TRUST_PROXY)', () => {
  it('is Secure when a trusted proxy says the request came over TLS, and only then', async () => {
    const login = (api: RealApiApp) =>
      api.app.inject({ url: `/admin/queues?token=${TOKEN}`, headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '10.1.2.3' });
    for (const [trustProxy, secure] of [
      [false, false],
      [true, true],
      [['10.0.0.0/8'], true],
      [['192.168.0.0/16'], false],
    ] as const) {
      const api = await startRealApiApp({ token: TOKEN, trustProxy: trustProxy as boolean | string[] });
      try {
        const res = await login(api);
        expect(res.statusCode).toBe(303);
        const cookie = String(res.headers['set-cookie']);
        expect(cookie.endsWith('; Secure'), `trustProxy ${JSON.stringify(trustProxy)}: ${cookie}`).toBe(secure);
      } finally {
        await api.close();
      }
    }
  });
});
