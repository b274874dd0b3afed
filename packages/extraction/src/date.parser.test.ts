import { describe, expect, it } from 'vitest';
import { dateFromUrl, toIsoDate } from './date.parser';

describe('toIsoDate', () => {
  it('normalises common page date formats to UTC ISO 8601', () => {
    expect(toIsoDate('2024-04-27T14:12:31+10:00')).toBe('2024-04-27T04:12:31.000Z');
    expect(toIsoDate('2024-04-27T14:12:31+1000')).toBe('2024-04-27T04:12:31.000Z');
    expect(toIsoDate('2024-04-27 14:12:31Z')).toBe('2024-04-27T14:12:31.000Z');
    expect(toIsoDate('2024-04-27')).toBe('2024-04-27T00:00:00.000Z');
    expect(toIsoDate('1714188127')).toBe('2024-04-27T03:22:07.000Z');
  });

  it('refuses what is not a plausible date', () => {
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate('0001-01-01')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads /yyyy/mm/dd/ and yyyy-mm-dd in paths', () => {
    expect(dateFromUrl('https://x.example/news/2024/04/27/story')).toBe('2024-04-27T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/2019-11-19-story.html')).toBe('2019-11-19T00:00:00.000Z');
    expect(dateFromUrl('https://x.example/news/story-14848175.php')).toBeNull();
  });
});
