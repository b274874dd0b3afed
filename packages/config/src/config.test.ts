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
  it("reads SEARCH_URL as one node or a cluster's nodes separated by commas", () => {
    expect(loadConfig({}).search).toMatchObject({ url: 'http://127.0.0.1:9200', nodes: ['http://127.0.0.1:9200'] });
    const cluster = loadConfig({ SEARCH_URL: 'http://es-1:9200, http://es-2:9200,http://es-3:9200' }).search;
    expect(cluster.nodes).toEqual(['http://es-1:9200', 'http://es-2:9200', 'http://es-3:9200']);
    expect(cluster.url).toBe('http://es-1:9200');
    expect(() => loadConfig({ SEARCH_URL: 'http://es-1:9200,ftp://es-2' })).toThrow(/SEARCH_URL.*http\(s\) URL/);
    expect(() => loadConfig({ SEARCH_URL: ' , ' })).toThrow(/SEARCH_URL.*at least one/);
  });

  it('reads SEARCH_ES_MAJOR: asked of the server by default, or 8 or 9', () => {
    expect(loadConfig({}).search.esMajor).toBeNull();
    expect(loadConfig({ SEARCH_ES_MAJOR: 'auto' }).search.esMajor).toBeNull();
    expect(loadConfig({ SEARCH_ES_MAJOR: '8' }).search.esMajor).toBe(8);
    expect(loadConfig({ SEARCH_ES_MAJOR: '9' }).search.esMajor).toBe(9);
    expect(() => loadConfig({ SEARCH_ES_MAJOR: '7' })).toThrow(/SEARCH_ES_MAJOR: must be auto, 8 or 9/);
  });
  it("reads API_TRUST_PROXY: off by default, true, or the proxies' addresses", () => {
    expect(loadConfig({}).api.trustProxy).toBe(false);
    expect(loadConfig({ API_TRUST_PROXY: 'true' }).api.trustProxy).toBe(true);
    expect(loadConfig({ API_TRUST_PROXY: 'false' }).api.trustProxy).toBe(false);
    expect(loadConfig({ API_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).api.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ API_TRUST_PROXY: 'maybe' })).toThrow(/API_TRUST_PROXY: must be true, false or proxy addresses/);
  });
});
