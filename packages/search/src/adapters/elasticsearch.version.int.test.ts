import { afterEach, describe, expect, it } from 'vitest';
import { startEsCompatProxy, type EsCompatProxy } from '../../../../test/support/es-compat-proxy';
import { TEST_SEARCH_URL, uniqueName } from '../../../../test/support/services';
import { articleIndexTemplate } from '../article.template';
import { createSearchEngine } from '../search.factory';
import type { SearchEnginePort } from '../search.port';

// An Elasticsearch 8.x server's answer to the 9.x client's media types, as users have reported it
// (Elasticsearch 8.6.2, https://github.com/elastic/elasticsearch-ruby/issues/2758).
const REFUSED_BY_8 = {
  error: {
    root_cause: [{ type: 'media_type_header_exception', reason: 'Invalid media-type value on headers [Accept, Content-Type]' }],
    type: 'media_type_header_exception',
    reason: 'Invalid media-type value on headers [Accept, Content-Type]',
    caused_by: {
      type: 'status_exception',
      reason: 'Accept version must be either version 8 or 7, but found 9. Accept=application/vnd.elasticsearch+json; compatible-with=9',
    },
  },
  status: 400,
};

const v = (major: number) => `application/vnd.elasticsearch+json; compatible-with=${major}`;

// A search over a pattern no index matches (200, no hits): a search over every index of the shared
// test engine met other tests' indices being created or deleted, and failed with their 503.
const ownSearch = () => `${uniqueName('esver')}-*/_search`;

describe('Elasticsearch 8 and 9: the server major decides the media types', () => {
  const opened: { proxy: EsCompatProxy; engine?: SearchEnginePort }[] = [];
  async function pose(major: 7 | 8 | 9, esMajor?: 8 | 9) {
    const proxy = await startEsCompatProxy(TEST_SEARCH_URL, { major });
    const engine = createSearchEngine('elasticsearch', { url: proxy.url, auth: null, esMajor });
    opened.push({ proxy, engine });
    return { proxy, engine };
  }
  afterEach(async () => {
    for (const { proxy, engine } of opened.splice(0)) {
      await engine?.close();
      await proxy.close();
    }
  });

  it("the proxy as 8.x refuses compatible-with=9 with 8.x's own error, and takes 8, 7 and plain JSON", async () => {
    const { proxy } = await pose(8);
    const put = (accept: string, contentType: string) =>
      fetch(`${proxy.url}/${ownSearch()}`, { method: 'POST', headers: { accept, 'content-type': contentType }, body: '{"size":0}' });
    const refused = await put(v(9), v(9));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(await refused.json()).toEqual(REFUSED_BY_8);
    for (const [accept, contentType] of [
      [v(8), v(8)],
      [v(7), v(7)],
      ['application/json', 'application/json'],
    ] as const) {
      expect((await put(accept, contentType)).status).toBe(200);
    }
    // Versions must agree when there is a body, as 8.x wants…
    expect(((await (await put(v(8), 'application/json')).json()) as typeof REFUSED_BY_8).error.caused_by.reason).toMatch(
      /^A compatible version is required on both/,
    );
    // …and an Accept listing several types is a media range, which 8.x ignores: no body, no refusal.
    expect((await fetch(`${proxy.url}/`, { headers: { accept: `${v(9)},text/plain`, 'content-type': v(9) } })).status).toBe(200);
    const root = (await (await fetch(`${proxy.url}/`)).json()) as { version: { number: string; distribution?: string } };
    expect(root.version).toMatchObject({ number: expect.stringMatching(/^8\./) });
    expect(root.version.distribution).toBeUndefined();
  });

  it('the proxy as 9.x takes compatible-with=9 and 8, and refuses 7', async () => {
    const { proxy } = await pose(9);
    const search = (major: number) =>
      fetch(`${proxy.url}/${ownSearch()}`, { method: 'POST', headers: { accept: v(major), 'content-type': v(major) }, body: '{}' });
    expect((await search(9)).status).toBe(200);
    const answer = await search(8);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.elasticsearch+json;compatible-with=8');
    expect(((await (await search(7)).json()) as typeof REFUSED_BY_8).error.caused_by.reason).toBe(
      `Accept version must be either version 9 or 8, but found 7. Accept=${v(7)}`,
    );
  });

  it('told the wrong major (9 for an 8.x server), the client cannot write: what newsflow did before', async () => {
    const { engine } = await pose(8, 9);
    expect(await engine.ping()).toBe(true); // HEAD / has no body: 8.x lets it through
    await expect(engine.putIndexTemplate(`${uniqueName('never')}-template`, articleIndexTemplate(uniqueName('never')))).rejects.toThrow(
      /media_type_header_exception/,
    );
  });

  it('reads the major from GET / once, then writes to an 8.x server in its media types', async () => {
    const { proxy, engine } = await pose(8);
    const alias = uniqueName('es8');
    try {
      await engine.putIndexTemplate(`${alias}-template`, articleIndexTemplate(alias));
      expect(await engine.createIndex(`${alias}-000001`, { aliases: { [alias]: { is_write_index: true } } })).toBe(true);
      const items = await engine.bulk([{ index: { _index: alias, _id: 'a'.repeat(32) } }, { id: 'a'.repeat(32), title: 'x' }], true);
      expect(items[0]).toMatchObject({ status: 201, error: null });
      expect(await engine.ping()).toBe(true);
    } finally {
      await engine.deleteIndices(`${alias}-*`);
      await engine.deleteIndexTemplate(`${alias}-template`);
    }
    expect(proxy.seen.filter((r) => r.method === 'GET' && r.path === '/')).toHaveLength(1);
    expect(proxy.seen.filter((r) => r.refused)).toEqual([]);
    expect(proxy.seen.find((r) => r.path.startsWith('/_bulk'))?.contentType).toBe(
      'application/vnd.elasticsearch+x-ndjson; compatible-with=8',
    );
  });

  it('with SEARCH_ES_MAJOR=8 it does not ask', async () => {
    const { proxy, engine } = await pose(8, 8);
    expect(await engine.aliasExists(uniqueName('none'))).toBe(false);
    expect(await engine.ping()).toBe(true);
    // Two HEAD requests (the alias, the ping), no GET /, both in 8.x's media types.
    expect(proxy.seen.map((r) => [r.method, r.accept, r.contentType])).toEqual([
      ['HEAD', `${v(8)},text/plain`, v(8)],
      ['HEAD', `${v(8)},text/plain`, v(8)],
    ]);
  });

  it('names a server it cannot speak to instead of failing on every request', async () => {
    const { engine } = await pose(7);
    await expect(engine.aliasExists('anything')).rejects.toThrow(
      /^Elasticsearch 7\.\d+\.\d+ at http:\/\/127\.0\.0\.1:\d+ is not supported: newsflow speaks to Elasticsearch 8 and 9$/,
    );
    expect(await engine.ping()).toBe(false);
  });
});
