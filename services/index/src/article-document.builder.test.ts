import { describe, expect, it } from 'vitest';
import { articleIdFor, normalizeArticleUrl } from '@newsflow/contracts';
import type { StoredArticle } from '@newsflow/service-extract';
import { buildArticleDocument, quoteLine } from './article-document.builder';

const stored = (over: Partial<StoredArticle>): StoredArticle =>
  ({
    url: 'https://t.example.com/s/1', finalUrl: 'https://www.example.com/news/story', fetchedAt: '2024-04-26T00:00:00.000Z', title: 'T',
    byline: null, authors: [], publishedAt: null, modifiedAt: null, siteName: null, lang: 'en', canonicalUrl: null, image: null,
    section: null, keywords: [], access: 'free', excerpt: null, text: 'Text.', html: '<p>Text.</p>', wordCount: 1, sources: {}, ...over,
  }) as StoredArticle;

describe('buildArticleDocument', () => {
  it('files the article under its canonical URL and remembers the job that reached it', () => {
    const jobId = 'a'.repeat(32);
    const canonical = 'https://www.example.com/news/story';
    const doc = buildArticleDocument(jobId, stored({ canonicalUrl: `${canonical}?utm_source=x` }), { entities: [], quotes: [] });
    expect(doc.id).toBe(articleIdFor(normalizeArticleUrl(canonical)));
    expect(doc.urlIds).toEqual([jobId]);
    expect(doc.url).toBe('https://t.example.com/s/1');
  });
});

describe('buildArticleDocument: where the article is from', () => {
  const jobId = 'b'.repeat(32);
  const build = (over: Partial<StoredArticle>) => buildArticleDocument(jobId, stored(over), { entities: [], quotes: [] });

  it('drops a canonical URL on another site: id, site and canonicalUrl come from the fetched address', () => {
    const doc = build({ finalUrl: 'https://www.copycat.example/2024/story', canonicalUrl: 'https://www.bbc.co.uk/news/world-1', siteName: 'BBC News' });
    expect(doc.site).toBe('copycat.example');
    expect(doc.canonicalUrl).toBeNull();
    expect(doc.id).toBe(articleIdFor(normalizeArticleUrl('https://www.copycat.example/2024/story')));
  });

  it('does not name the site after that canonical URL either (what extraction does when a page gives no name)', () => {
    const doc = build({ finalUrl: 'https://www.copycat.example/2024/story', canonicalUrl: 'https://www.bbc.co.uk/news/world-1', siteName: 'bbc.co.uk' });
    expect(doc).toMatchObject({ site: 'copycat.example', siteName: 'copycat.example', canonicalUrl: null });
    // nor after any other site's host the page gives as its name
    expect(build({ finalUrl: 'https://copycat.example/a', canonicalUrl: null, siteName: 'www.BBC.co.uk' }).siteName).toBe('copycat.example');
  });

  it('keeps a canonical URL on the same site, whose host gives the site, and the name it goes by', () => {
    const doc = build({ finalUrl: 'https://m.bbc.co.uk/news/world-1', canonicalUrl: 'https://www.bbc.co.uk/news/world-1', siteName: 'bbc.co.uk' });
    expect(doc).toMatchObject({ site: 'bbc.co.uk', canonicalUrl: 'https://www.bbc.co.uk/news/world-1', siteName: 'bbc.co.uk' });
    expect(build({ canonicalUrl: null, siteName: 'Example News' })).toMatchObject({ site: 'example.com', canonicalUrl: null, siteName: 'Example News' });
  });
});

describe('quoteLine', () => {
  it('puts the speaker before the quotation', () => {
    expect(quoteLine({ speaker: 'Wang Yi', text: 'And the relationship is facing all kinds of disruptions' })).toBe(
      'Wang Yi: “And the relationship is facing all kinds of disruptions”',
    );
    expect(quoteLine({ speaker: null, text: 'No comment' })).toBe('unattributed: “No comment”');
  });

  it('cuts long quotations so the line stays well under the keyword limit', () => {
    const line = quoteLine({ speaker: 'A', text: 'word '.repeat(200) });
    expect(line.length).toBeLessThan(320);
    expect(line).toMatch(/…”$/);
  });
});
