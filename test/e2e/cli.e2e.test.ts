import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../support/cli';
import { fixture, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { freePort } from '../support/free-port';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { eventually, TEST_NLP_URL, TEST_SEARCH_FLAVOR } from '../support/services';

const SEED_HTML = 'test/fixtures/seed/seed.html';

describe('newsflow extract and enrich, with no services', () => {
  it('extracts a saved page into one JSON line with the documented fields', async () => {
    const r = await runCli(['extract', SEED_HTML, '--url', 'https://www.thenewdaily.com.au/news/2024/04/26/blinken-china']);
    expect(r.code).toBe(0);
    const [a] = jsonLines(r.stdout);
    expect(Object.keys(a!)).toEqual(
      expect.arrayContaining([
        'file',
        'title',
        'byline',
        'authors',
        'publishedAt',
        'siteName',
        'lang',
        'canonicalUrl',
        'image',
        'text',
        'html',
      ]),
    );
    expect(a!.title).toBe('Blinken confronts China over ‘powering’ Russia’s war');
    expect(a!.text).not.toMatch(/Photo: Getty|Stay informed|All rights reserved/);
  });

  it('reads a page from standard input, and prints it as text or markdown', async () => {
    const seed = readFileSync(SEED_HTML, 'utf8');
    const text = await runCli(['extract', '-', '--format', 'text'], {}, seed);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Blinken confronts China over ‘powering’ Russia’s war');
    expect(text.stdout).toContain('Antony Blinken');
    expect(text.stdout).not.toMatch(/<p>|\{"file"/);

    const md = await runCli(['extract', '-', '--format', 'markdown'], {}, seed);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Blinken confronts China over ‘powering’ Russia’s war\n\n- By: /);
  });

  it('decodes a saved page as the fetcher decodes a response (here windows-1252, by its <meta>)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nf-extract-'));
    const file = join(dir, 'page.html');
    const body = [
      '„Wir schaffen das“, sagte die Bürgermeisterin am Montag über den Umbau des Bahnhofs.',
      'Die Arbeiten sollen im Frühjahr beginnen und gut zwei Jahre dauern, während der Verkehr weiterläuft.',
      'Für Pendler ändert sich zunächst wenig: Die Züge halten weiter an den alten Bahnsteigen.',
      'Die Kosten von 48 Millionen € teilen sich Land, Bund und die Stadt zu gleichen Teilen.',
    ]
      .map((p) => `<p>${p}</p>`)
      .join('');
    writeFileSync(
      file,
      iconv.encode(
        `<html><head><meta charset="windows-1252"><title>Umbau des Bahnhofs</title></head><body><article>${body}</article></body></html>`,
        'windows-1252',
      ),
    );
    const r = await runCli(['extract', file]);
    expect(r.code).toBe(0);
    expect(jsonLines<{ text: string }>(r.stdout)[0]!.text).toContain('„Wir schaffen das“, sagte die Bürgermeisterin');
  });

  it('reports a file it cannot read as an error line and exits non-zero, still doing the others', async () => {
    const r = await runCli(['extract', 'no-such-page.html', SEED_HTML]);
    expect(r.code).toBe(1);
    const lines = jsonLines<{ file: string; error?: string; title?: string }>(r.stdout);
    expect(lines[0]).toMatchObject({ file: 'no-such-page.html', error: expect.stringMatching(/ENOENT|no such file/) });
    expect(lines[1]!.title).toMatch(/Blinken/);
  });

  it('finds entities and attributed quotations in a text file and on standard input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nf-enrich-'));
    const file = join(dir, 'story.txt');
    writeFileSync(
      file,
      '“We will not back down,” Prime Minister Anthony Albanese said in Canberra on Monday.\n\nAlbanese later met Microsoft executives.',
    );
    const nlp = { NLP_URL: TEST_NLP_URL };
    const r = await runCli(['enrich', file], nlp);
    expect(r.code).toBe(0);
    const [out] = jsonLines<{
      lang: string;
      notes: string[];
      entities: { name: string; type: string }[];
      quotes: { text: string; speaker: string; kind: string }[];
    }>(r.stdout);
    expect(out).toMatchObject({ lang: 'en', notes: [] });
    expect(out!.entities).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Anthony Albanese', type: 'PERSON' })]));
    expect(out!.quotes[0]).toMatchObject({
      text: expect.stringContaining('We will not back down'),
      speaker: 'Anthony Albanese',
      kind: 'direct',
    });

    const piped = await runCli(['enrich', '-'], nlp, '"It is over," Smith said.');
    expect(jsonLines<{ file: string }>(piped.stdout)[0]!.file).toBe('-');
  });

  it('says in one line, exiting 3, when the NLP server cannot be reached', async () => {
    // Loopback, so it tries to start the local server, which refuses port 1 at once.
    const r = await runCli(['enrich', '-'], { NLP_URL: 'http://127.0.0.1:1' }, 'Smith spoke.');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^newsflow: the NLP server at http:\/\/127\.0\.0\.1:1 \(NLP_URL\) does not answer, and the local one could not be started: /,
    );
  });
});

describe('newsflow enqueue, status and search against running services', () => {
  let site: FixtureServer;
  let pipeline: TestPipeline;
  let env: Record<string, string>;
  const PATH = '/world/blinken-china/';

  beforeAll(async () => {
    site = await startFixtureServer({ [PATH]: { body: fixture('seed/seed.html') } });
    pipeline = await startTestPipeline(['fetch', 'extract', 'enrich', 'index'], { FETCH_ALLOW_PRIVATE_NETWORKS: 'true' });
    env = {
      REDIS_URL: pipeline.config.redis.url,
      QUEUE_PREFIX: pipeline.config.redis.prefix,
      SEARCH_URL: pipeline.config.search.url,
      SEARCH_FLAVOR: TEST_SEARCH_FLAVOR,
      SEARCH_INDEX: pipeline.config.search.alias,
    };
  });
  afterAll(async () => {
    await pipeline?.stop();
    await site?.close();
  });

  it('enqueues URLs from a file with a summary, tracks them, and finds the article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nf-urls-'));
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `# today's list\n${site.url}${PATH}\n\nmailto:someone@example.com\n`);
    const r = await runCli(['enqueue', '--file', list], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes(PATH))).toMatch(/^[0-9a-f]{32}\t.*\tqueued$/);
    expect(lines.find((l) => l.includes('mailto'))).toMatch(/will fail: .*only http and https/);
    expect(r.stderr).toMatch(/enqueued 2 URL\(s\), 0 already in progress, 1 invalid/);

    await eventually(
      'the article to be done',
      async () => {
        const s = await runCli(['status', `${site.url}${PATH}`, '--json'], env);
        return (JSON.parse(s.stdout) as { state: string }).state === 'done';
      },
      60_000,
      500,
    );
    const human = await runCli(['status', `${site.url}${PATH}`], env);
    expect(human.stdout).toMatch(/^done\n/);
    expect(human.stdout).toMatch(/index\s+completed/);

    // (the fetch job of the invalid URL may be failing right now: its stage line is written a
    // moment before the document's state, so wait for the state as for the article above)
    await eventually(
      'the invalid URL to be failed',
      async () => {
        const s = await runCli(['status', 'mailto:someone@example.com', '--json'], env);
        return (JSON.parse(s.stdout) as { state: string }).state === 'failed';
      },
      60_000,
      500,
    );
    const failed = await runCli(['status', 'mailto:someone@example.com'], env);
    expect(failed.stdout).toMatch(/^failed: .*only http and https/);

    await pipeline.process.articles.refresh();
    const found = await runCli(['search', 'relationship', '--speaker', 'Wang Yi', '--json'], env);
    expect(found.code).toBe(0);
    const body = JSON.parse(found.stdout) as { total: number; results: { title: string; quotes: { speaker: string; text: string }[] }[] };
    expect(body.total).toBe(1);
    expect(body.results[0]!.quotes.map((q) => q.text)).toContain('And the relationship is facing all kinds of disruptions');
    // Served from this test's host, the page is not listed under the site its canonical URL
    // claims (thenewdaily.com.au), only under its own host and the name it gives.
    const claimed = await runCli(['search', 'Blinken', '--site', 'thenewdaily.com.au', '--json'], env);
    expect((JSON.parse(claimed.stdout) as { total: number }).total).toBe(0);
    const text = await runCli(['search', 'Blinken', '--site', 'The New Daily'], env);
    expect(text.stdout).toMatch(/^1 article\(s\)/);
    expect(text.stdout).toMatch(/Blinken confronts China/);
  }, 120_000);

  it('says so when an article is unknown', async () => {
    const r = await runCli(['status', 'https://example.com/never-enqueued'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no article for/);
  });
});

describe('newsflow start refuses a bad setup with a clear message', () => {
  it('lists every configuration problem at once', async () => {
    const r = await runCli(['start', 'fetch'], { PORT: 'eighty', FETCH_ALLOW_PRIVATE_NETWORKS: 'perhaps' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/FETCH_ALLOW_PRIVATE_NETWORKS/);
  });

  it('refuses a Redis whose maxmemory-policy is not noeviction', async () => {
    const port = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--maxmemory-policy', 'volatile-lru'],
      { stdio: 'ignore' },
    );
    try {
      // Until it answers (a loaded machine may take longer than a moment to start it).
      await eventually(
        'the redis-server to answer',
        async () => {
          const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
          try {
            await probe.connect();
            return (await probe.ping()) === 'PONG';
          } catch {
            return false;
          } finally {
            probe.disconnect();
          }
        },
        20_000,
        100,
      );
      const r = await runCli(['start', 'fetch'], { REDIS_URL: `redis://127.0.0.1:${port}` });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/maxmemory-policy is "volatile-lru"; newsflow needs "noeviction"/);
    } finally {
      redis.kill();
    }
  });

  it('names an unknown service (a usage error: exit 2)', async () => {
    const r = await runCli(['start', 'crawl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown service crawl; choose from api, fetch, extract, enrich, index/);
  });
});
