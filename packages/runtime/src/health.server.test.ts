import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from './health.server';

describe('health server /readyz', () => {
  it('is ready when every part answers, and names the parts that are away when not', async () => {
    let nlpUp = true;
    const server = await startHealthServer(0, {
      ready: {
        redis: async () => true,
        nlp: async () => nlpUp,
        search: () => Promise.reject(new Error('connect ECONNREFUSED')),
      },
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
      const away = await fetch(url);
      expect(away.status).toBe(503);
      expect(await away.json()).toEqual({ ready: false, away: ['search'] });
      nlpUp = false;
      expect(await (await fetch(url)).json()).toEqual({ ready: false, away: ['nlp', 'search'] });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('answers 200 {"ready":true} when all is well', async () => {
    const server = await startHealthServer(0, { ready: { redis: async () => true } });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ready: true });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
