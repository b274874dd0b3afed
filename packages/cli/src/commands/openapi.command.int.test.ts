import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@newsflow/service-api/openapi';
import { runCli } from '../../../../test/support/cli';

// Nothing listens on port 1: any attempt to reach Redis or the engine would fail (or hang).
const AWAY = { REDIS_URL: 'redis://127.0.0.1:1', SEARCH_URL: 'http://127.0.0.1:1' };

describe('newsflow openapi', () => {
  it('prints the API’s document with no service running', async () => {
    const { code, stdout, stderr } = await runCli(['openapi'], AWAY);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('takes the server address, and refuses one that is not a path or an http(s) address', async () => {
    const given = await runCli(['openapi', '--server', 'https://news.example/api'], AWAY);
    expect(given.code).toBe(0);
    expect((JSON.parse(given.stdout) as { servers: unknown }).servers).toEqual([{ url: 'https://news.example/api' }]);
    const refused = await runCli(['openapi', '--server', 'news.example'], AWAY);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--server must be/);
  });
});
