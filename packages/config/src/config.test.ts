import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that run locally', () => {
    const c = loadConfig({});
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.fetch.allowPrivateNetworks).toBe(false);
    expect(c.api.port).toBe(8080);
    expect(c.fetch.userAgent).toMatch(/^newsflow\/.+\(\+https:/);
  });
  it('reads FETCH_ALLOW_PRIVATE_NETWORKS exactly', () => {
    expect(loadConfig({ FETCH_ALLOW_PRIVATE_NETWORKS: 'true' }).fetch.allowPrivateNetworks).toBe(true);
  });
  it('lists every problem at once, by variable name', () => {
    try {
      loadConfig({ PORT: 'eighty', SEARCH_FLAVOR: 'solr', FETCH_ALLOW_PRIVATE_NETWORKS: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as ConfigError).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/SEARCH_FLAVOR/);
      expect(msg).toMatch(/FETCH_ALLOW_PRIVATE_NETWORKS: must be true or false/);
    }
  });
});
