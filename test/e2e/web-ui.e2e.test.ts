import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/browser';
import { fixture, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/web-ui/', import.meta.url));
const SEED_PATH = '/2024/04/26/blinken-confronts-china-russia-war/';
const XSS_PATH = '/city/2025/05/02/council-approves-tram-line/';
const QUOTE = 'And the relationship is facing all kinds of disruptions';

/**
 * The web UI in headless Chromium (Debian's, driven by playwright-core) against the whole
 * pipeline: enqueue through the form, follow progress, search, read; and an article full of
 * XSS payloads that must not run anything.
 */
describe('the web UI in headless Chromium', () => {
  let site: FixtureServer;
  let pipeline: TestPipeline;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Enqueues through the form and waits until the job shows as done. */
  async function enqueueThroughUi(url: string): Promise<string> {
    await page.goto(`${pipeline.apiUrl}/ui/enqueue`);
    await page.fill('textarea[name="urls"]', url);
    await page.click('form.enqueue button[type="submit"]');
    const job = page.locator('.job[data-id]').first();
    await job.waitFor();
    const id = (await job.getAttribute('data-id'))!;
    await page.locator(`.job[data-id="${id}"][data-state="done"], .job[data-id="${id}"][data-state="failed"]`).waitFor({ timeout: 60_000 });
    expect(await job.getAttribute('data-state'), await job.innerText()).toBe('done');
    return id;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await startFixtureServer({
      [SEED_PATH]: { body: fixture('seed/seed.html') },
      [XSS_PATH]: { body: fixture('web-ui/xss-article.html') },
    });
    pipeline = await startTestPipeline(['api', 'fetch', 'extract', 'enrich', 'index'], { FETCH_ALLOW_PRIVATE_NETWORKS: 'true' });
    profile = mkdtempSync(join(tmpdir(), 'newsflow-chromium-'));
    browser = await launchChromium(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await pipeline?.stop();
    await site?.close();
  });

  it('enqueues the seed page through the form, finds it by searching "Wang Yi", and shows the quotation attributed', async () => {
    const id = await enqueueThroughUi(`${site.url}${SEED_PATH}`);
    await expect.poll(() => page.locator(`.job[data-id="${id}"] .steps li.passed`).count()).toBe(6);
    await shot('1-enqueue-done');
    await pipeline.process.articles.refresh();

    await page.goto(`${pipeline.apiUrl}/`);
    await page.locator('.summary').waitFor();
    await page.fill('input[name="q"]', 'Wang Yi');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForURL(/q=Wang\+Yi/);
    const result = page.locator('.result').first();
    await result.waitFor();
    expect(await page.locator('.summary').innerText()).toMatch(/^1 article/);
    expect(await result.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.facet[data-facet="people"] a', { hasText: 'Antony Blinken' }).count()).toBe(1);
    await shot('2-search-wang-yi');

    // A facet is a link that narrows the search.
    await page.click('.facet[data-facet="people"] a:text-is("Antony Blinken")');
    await page.waitForURL(/person=Antony\+Blinken|person=Antony%20Blinken/);
    await page.locator('.result').first().waitFor();
    expect(await page.locator('.chip').innerText()).toContain('person: Antony Blinken');

    await page.click('.result h2 a');
    await page.waitForURL(/\/ui\/article\?id=/);
    const item = page.locator('.quote-item', { hasText: QUOTE });
    await item.waitFor();
    await shot('3-article');
    expect(await item.locator('.attribution').innerText()).toContain('Wang Yi');
    // Marked where it stands in the text, with its speaker after it.
    const mark = page.locator('.article-body mark.quote', { hasText: 'And the relationship' }).first();
    expect(await mark.getAttribute('data-speaker')).toBe('Wang Yi');
    const who = await page.locator(`.article-body .who[data-quote="${await mark.getAttribute('data-quote')}"]`).innerText();
    expect(who).toBe('Wang Yi');
    expect(await page.locator('.entities .tag', { hasText: 'Wang Yi' }).count()).toBeGreaterThan(0);
    expect(await page.locator('h1').innerText()).toMatch(/Blinken/);

    await page.click(`.quote-item:has-text("${QUOTE}") a.speaker`);
    await page.waitForURL(/\/ui\/quotes\?speaker=/);
    await page.locator('.quote-result').first().waitFor();
    const speakers = await page.locator('.quote-result .speaker').allInnerTexts();
    expect(speakers.length).toBeGreaterThan(0);
    expect(new Set(speakers)).toEqual(new Set(['Wang Yi']));
    expect(await page.locator('.quote-result blockquote', { hasText: QUOTE }).count()).toBe(1);
    await shot('4-quotes-wang-yi');

    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('runs nothing from an article full of XSS payloads', async () => {
    const id = await enqueueThroughUi(`${site.url}${XSS_PATH}`);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    const response = await page.goto(`${pipeline.apiUrl}/ui/article?id=${id}`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.locator('.article-body').waitFor();
    await page.locator('.quote-item').first().waitFor();
    // Give any timer, load or error handler its chance; hover and click the suspicious bits.
    await page.hover('.article-body').catch(() => undefined);
    for (const link of await page.locator('.article-body a').all()) {
      await link.click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
    }
    if (!page.url().includes('/ui/article')) await page.goBack();
    await page.waitForTimeout(1500);
    await shot('5-xss-article');

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
    const body = page.locator('.article-body');
    expect(await body.locator('script, iframe, frame, svg, math, object, embed, form, style, link, meta, base').count()).toBe(0);
    const dangerous = await body.evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes]
          .filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value))
          .map((a) => `${e.tagName} ${a.name}=${a.value}`),
      ),
    );
    expect(dangerous).toEqual([]);
    // Payloads in the title and the quotations are shown as text, not run.
    const title = await page.locator('h1').innerText();
    expect(title).toContain('Council approves new tram line');
    expect(await page.locator('h1 img').count()).toBe(0);
    expect(await page.locator('.quote-item').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
    expect(csp.join('\n')).not.toMatch(/inline script|script-src/i);

    // The search results show the same document's highlights as text too.
    await pipeline.process.articles.refresh();
    await page.goto(`${pipeline.apiUrl}/?q=tram`);
    await page.locator('.result').first().waitFor();
    await shot('6-xss-search');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
  }, 120_000);

  // Issue 16, item 7: the add page followed any `?id=` (`../search?q=x` reached /search) and
  // polled it for ever; an id nobody knows was polled for ever too.
  it('follows only article ids on the add page, and stops at an unknown one with a message', async () => {
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/articles') || path.startsWith('/search')) asked.push(path);
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${pipeline.apiUrl}/ui/enqueue?id=..%2Fsearch%3Fq%3Dx`);
      const refused = page.locator('.job[data-state="invalid"] .reason');
      await refused.waitFor();
      expect(await refused.innerText()).toMatch(/not an article id/);
      await page.waitForTimeout(1500);
      expect(asked).toEqual([]);

      const unknown = 'f'.repeat(32);
      await page.goto(`${pipeline.apiUrl}/ui/enqueue?id=${unknown}`);
      const job = page.locator(`.job[data-id="${unknown}"][data-state="unknown"]`);
      await job.waitFor();
      expect(await job.locator('.reason').innerText()).toMatch(/No article with this id/);
      await page.waitForTimeout(2500); // two more polls' worth: none is made
      expect(asked).toEqual([`/articles/${unknown}`]);

      await page.goto(`${pipeline.apiUrl}/ui/article?id=..%2Fsearch%3Fq%3Dx`);
      expect(await page.locator('.notice.error').innerText()).toMatch(/does not name an article/);
      expect(asked).toEqual([`/articles/${unknown}`]);
      await shot('7-enqueue-unknown-id');
      expect(pageErrors).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  }, 60_000);
});
