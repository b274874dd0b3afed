import { describe, expect, it } from 'vitest';
import { articleIdFor, normalizeArticleUrl } from './article-url';
import { formatEvery, parseEvery, sourceIdFor, sourceIdOf } from './source';

describe('parseEvery / formatEvery', () => {
  it('reads intervals as people write them', () => {
    expect(parseEvery('15m')).toBe(15 * 60_000);
    expect(parseEvery(' 1h30m ')).toBe(90 * 60_000);
    expect(parseEvery('1h 30m')).toBe(90 * 60_000);
    expect(parseEvery('90s')).toBe(90_000);
    expect(parseEvery('2D')).toBe(2 * 86_400_000);
    expect(formatEvery(90 * 60_000)).toBe('1h30m');
    expect(formatEvery(parseEvery('2d'))).toBe('2d');
  });

  it('refuses what is not an interval, too often or too rare, saying why', () => {
    expect(() => parseEvery('often')).toThrow(/not an interval: write it like 15m/);
    expect(() => parseEvery('15')).toThrow(/not an interval/);
    expect(() => parseEvery('15m and more')).toThrow(/not an interval/);
    expect(() => parseEvery('30s')).toThrow(/too often: sources are polled at most every 1m/);
    expect(() => parseEvery('30s', 1000)).not.toThrow();
    expect(() => parseEvery('8d')).toThrow(/too long/);
  });
});

describe('sourceIdFor', () => {
  it('is the normalised URL’s id, so a source is found by any spelling of its URL', () => {
    expect(sourceIdFor('HTTPS://Example.com/feed.xml?utm_source=x')).toBe(
      articleIdFor(normalizeArticleUrl('https://example.com/feed.xml')),
    );
  });
});

describe('sourceIdOf', () => {
  it('reads an id as itself and a URL, any spelling, as its source id; anything else as none', () => {
    const id = sourceIdFor('https://example.com/feed.xml');
    expect(sourceIdOf(id)).toBe(id);
    expect(sourceIdOf(' HTTPS://Example.com/feed.xml?utm_source=x ')).toBe(id);
    expect(sourceIdOf('not a url')).toBeNull();
  });
});
