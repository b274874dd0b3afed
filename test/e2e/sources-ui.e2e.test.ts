import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/browser';
import { startTestPipeline, type TestPipeline } from '../support/pipeline';
import { rssFeed, startSourceSite, type SourceSite } from '../support/source-site';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/web-ui/', import.meta.url));

/** The sources page in headless Chromium: follow a feed and a broken page, see each one's last poll, remove one. */
describe('the web UI’s sources page', () => {
  let site: SourceSite;
  let pipeline: TestPipeline;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await startSourceSite({
      '/feed.xml': {
        body: rssFeed([{ url: 'https://news.example.com/a' }, { url: 'https://news.example.com/b' }]),
        type: 'application/rss+xml',
      },
      // A title that is markup: it must show as text.
      '/broken/': { body: '<!doctype html><title><img src=x onerror=alert(1)></title><p>No feeds here.</p>', type: 'text/html' },
    });
    pipeline = await startTestPipeline(['api', 'discover'], { FETCH_ALLOW_PRIVATE_NETWORKS: 'true', FETCH_HOST_RATE: '50' });
    profile = mkdtempSync(join(tmpdir(), 'newsflow-chromium-'));
    browser = await launchChromium(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.dismiss());
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await pipeline?.stop();
    await site?.close();
  });

  it('follows sources through the form, shows how each poll went, and removes one', async () => {
    await page.goto(`${pipeline.apiUrl}/ui/sources`);
    await page.locator('text=No source is followed yet.').waitFor();
    const follow = async (url: string) => {
      await page.fill('input[name="url"]', url);
      await page.click('form.enqueue button[type="submit"]');
      await page.locator('form.enqueue [role="status"]', { hasText: 'Following' }).waitFor();
    };
    await follow(`${site.url}/feed.xml`);
    await page.fill('input[name="every"]', '1h');
    await follow(`${site.url}/broken/`);

    const feed = page.locator('.job[data-state="ok"]');
    await feed.waitFor({ timeout: 20_000 });
    expect(await feed.innerText()).toMatch(/feed, every 15m; 2 URLs enqueued in all[\s\S]*2 URLs found, 2 new or changed, 2 enqueued/);
    const broken = page.locator('.job[data-state="failed"]');
    await broken.waitFor({ timeout: 20_000 });
    expect(await broken.innerText()).toMatch(
      /every 1h[\s\S]*is an HTML page, not a feed or sitemap \(and not a site.s home page: it links no feeds\)/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'sources.png'), fullPage: true });

    await broken.locator('button', { hasText: 'Remove' }).click();
    await broken.waitFor({ state: 'detached' });
    expect(await page.locator('.job[data-id]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
