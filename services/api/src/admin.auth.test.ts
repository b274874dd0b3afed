import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireAdmin, type AdminAuthOptions } from './admin.auth';

const TOKEN = 'unit-admin-token-0123456789';

function app(opts: Omit<AdminAuthOptions, 'cookiePath'>) {
  const a = Fastify();
  a.addHook('onRequest', requireAdmin({ ...opts, cookiePath: '/admin' }));
  a.get('/admin', async () => ({ ok: true }));
  return a;
}

describe('requireAdmin', () => {
  it('refuses with 403 and says what to set when no token is configured', async () => {
    const res = await app({ token: null, open: false }).inject('/admin');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatch(/API_TOKEN.*API_ADMIN_OPEN=true/);
  });

  it('is open without a token only when API_ADMIN_OPEN is set', async () => {
    expect((await app({ token: null, open: true }).inject('/admin')).statusCode).toBe(200);
  });

  it('takes the Bearer token, and a ?token= that sets a cookie holding no token', async () => {
    const a = app({ token: TOKEN, open: true }); // a token makes "open" irrelevant
    expect((await a.inject('/admin')).statusCode).toBe(401);
    expect((await a.inject({ url: '/admin', headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(401);
    expect((await a.inject({ url: '/admin', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);

    const login = await a.inject(`/admin?x=1&token=${TOKEN}`);
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/admin?x=1');
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^newsflow_admin=[\w-]+; Path=\/admin; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(TOKEN);
    expect((await a.inject({ url: '/admin', headers: { cookie: `other=1; ${cookie.split(';')[0]}` } })).statusCode).toBe(200);
    expect((await a.inject({ url: '/admin', headers: { cookie: 'newsflow_admin=forged' } })).statusCode).toBe(401);
  });
});
