import { describe, expect, it } from 'vitest';
import { articleIdFor, normalizeArticleUrl } from '@newsflow/contracts';
import type { StoredArticle } from '@newsflow/contracts';
import { articleDate, buildArticleDocument, language, quoteLine } from './article-document.builder';
import { storedArticle } from '../../../test/support/stored-article';

const stored = (over: Partial<StoredArticle>): StoredArticle =>
  storedArticle({ url: 'https://t.example.com/s/1', finalUrl: 'https://www.example.com/news/story', ...over });

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

describe('buildArticleDocument: the source that found it', () => {
  const jobId = 'e'.repeat(32);
  const source = { id: 'f'.repeat(32), url: 'https://www.example.com/feed.xml' };

  it('names the followed source whose poll enqueued the URL', () => {
    const doc = buildArticleDocument(jobId, stored({}), { entities: [], quotes: [] }, [], new Date(), source);
    expect(doc.source).toEqual(source);
  });

  it('leaves the field out for a URL enqueued by hand (so an earlier source is kept by the write)', () => {
    const doc = buildArticleDocument(jobId, stored({}), { entities: [], quotes: [] });
    expect(doc).not.toHaveProperty('source');
  });
});

describe('buildArticleDocument: where the article is from', () => {
  const jobId = 'b'.repeat(32);
  const build = (over: Partial<StoredArticle>) => buildArticleDocument(jobId, stored(over), { entities: [], quotes: [] });

  it('drops a canonical URL on another site: id, site and canonicalUrl come from the fetched address', () => {
    const doc = build({
      finalUrl: 'https://www.copycat.example/2024/story',
      canonicalUrl: 'https://www.bbc.co.uk/news/world-1',
      siteName: 'BBC News',
    });
    expect(doc.site).toBe('copycat.example');
    expect(doc.canonicalUrl).toBeNull();
    expect(doc.id).toBe(articleIdFor(normalizeArticleUrl('https://www.copycat.example/2024/story')));
  });

  it('does not name the site after that canonical URL either (what extraction does when a page gives no name)', () => {
    const doc = build({
      finalUrl: 'https://www.copycat.example/2024/story',
      canonicalUrl: 'https://www.bbc.co.uk/news/world-1',
      siteName: 'bbc.co.uk',
    });
    expect(doc).toMatchObject({ site: 'copycat.example', siteName: 'copycat.example', canonicalUrl: null });
    // nor after any other site's host the page gives as its name
    expect(build({ finalUrl: 'https://copycat.example/a', canonicalUrl: null, siteName: 'www.BBC.co.uk' }).siteName).toBe(
      'copycat.example',
    );
  });

  it('keeps a canonical URL on the same site, whose host gives the site, and the name it goes by', () => {
    const doc = build({
      finalUrl: 'https://m.bbc.co.uk/news/world-1',
      canonicalUrl: 'https://www.bbc.co.uk/news/world-1',
      siteName: 'bbc.co.uk',
    });
    expect(doc).toMatchObject({ site: 'bbc.co.uk', canonicalUrl: 'https://www.bbc.co.uk/news/world-1', siteName: 'bbc.co.uk' });
    expect(build({ canonicalUrl: null, siteName: 'Example News' })).toMatchObject({
      site: 'example.com',
      canonicalUrl: null,
      siteName: 'Example News',
    });
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

describe('buildArticleDocument: the date an article is filed under', () => {
  const jobId = 'c'.repeat(32);
  const build = (over: Partial<StoredArticle>) => buildArticleDocument(jobId, stored(over), { entities: [], quotes: [] });

  it('is the publication date, as the page gave it, when there is one', () => {
    expect(build({ publishedAt: '2024-03-12T14:30:00+01:00', modifiedAt: '2024-03-13' })).toMatchObject({
      publishedAt: '2024-03-12T14:30:00+01:00',
      date: '2024-03-12T14:30:00+01:00',
      dateSource: 'published',
    });
  });

  it('is the modification date, said so, for a page that gives only that', () => {
    expect(build({ publishedAt: null, modifiedAt: '2024-03-13T09:05:00+01:00' })).toMatchObject({
      publishedAt: null,
      date: '2024-03-13T09:05:00+01:00',
      dateSource: 'modified',
    });
  });

  it('is the fetch, said so, for a page that gives no date: never passed off as a publication date', () => {
    expect(build({ publishedAt: null, modifiedAt: null })).toMatchObject({
      publishedAt: null,
      date: '2024-04-26T00:00:00.000Z',
      dateSource: 'fetched',
    });
    expect(articleDate({ publishedAt: null, modifiedAt: null, fetchedAt: 'F' })).toEqual({ date: 'F', dateSource: 'fetched' });
  });
});

describe('buildArticleDocument: language', () => {
  it('files the primary language for the facet and keeps the whole tag beside it', () => {
    const doc = buildArticleDocument('d'.repeat(32), stored({ lang: 'en', langTag: 'en-US' }), { entities: [], quotes: [] });
    expect(doc).toMatchObject({ lang: 'en', langTag: 'en-US' });
  });

  it('reads articles stored before langTag, which held the whole tag in lang', () => {
    expect(language({ lang: 'en-us' })).toEqual({ lang: 'en', langTag: 'en-us' });
    expect(language({ lang: 'pt_BR' })).toEqual({ lang: 'pt', langTag: 'pt-BR' });
    expect(language({ lang: null })).toEqual({ lang: null, langTag: null });
    expect(language({ lang: 'de', langTag: null })).toEqual({ lang: 'de', langTag: 'de' });
  });
});
