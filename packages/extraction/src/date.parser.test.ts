import { describe, expect, it } from 'vitest';
import { dateFromUrl, formatDate, inZone, instantOf, parseIsoLike, toIsoDate } from './date.parser';

describe('toIsoDate', () => {
  it('keeps the time and zone the page gives, in ISO 8601', () => {
    expect(toIsoDate('2024-04-27T14:12:31+10:00')).toBe('2024-04-27T14:12:31+10:00');
    expect(toIsoDate('2024-04-27T14:12:31+1000')).toBe('2024-04-27T14:12:31+10:00');
    expect(toIsoDate('2019-11-19T13:16:49+0000')).toBe('2019-11-19T13:16:49Z');
    expect(toIsoDate('2024-04-27 14:12:31Z')).toBe('2024-04-27T14:12:31Z');
    expect(toIsoDate('2019-11-20T01:50:59.403Z')).toBe('2019-11-20T01:50:59.403Z');
    expect(toIsoDate('2024-04-27 14:12:31 UTC')).toBe('2024-04-27T14:12:31Z');
    expect(toIsoDate('2024-04-27T05:30-03:30')).toBe('2024-04-27T05:30:00-03:30');
  });

  it('invents nothing: a day stays a day, a time without zone stays local', () => {
    expect(toIsoDate('2024-04-27')).toBe('2024-04-27');
    expect(toIsoDate('2024/04/27')).toBe('2024-04-27');
    expect(toIsoDate('20191119')).toBe('2019-11-19');
    expect(toIsoDate('2019-11-19 19:31:39')).toBe('2019-11-19T19:31:39');
  });

  it('reads Unix timestamps as UTC', () => {
    expect(toIsoDate('1714188127')).toBe('2024-04-27T03:22:07Z');
    expect(toIsoDate('1714188127000')).toBe('2024-04-27T03:22:07Z');
  });

  it('refuses what is not a plausible date', () => {
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate('0001-01-01T00:00Z')).toBeNull();
    expect(toIsoDate('2023-02-29')).toBeNull();
    expect(toIsoDate('2024-04-31')).toBeNull();
    expect(toIsoDate('2024-04-27T25:00:00Z')).toBeNull();
  });
});

describe('instants and zones', () => {
  it('computes the moment only when the zone is known, and writes it in another zone', () => {
    const utc = parseIsoLike('2019-11-20T01:50:59Z')!;
    expect(instantOf(utc)).toBe(Date.UTC(2019, 10, 20, 1, 50, 59));
    expect(instantOf(parseIsoLike('2019-11-20T01:50:59')!)).toBeNull();
    expect(formatDate(inZone(utc, -8 * 60))).toBe('2019-11-19T17:50:59-08:00');
    expect(formatDate(inZone(utc, 5 * 60 + 30))).toBe('2019-11-20T07:20:59+05:30');
  });
});

describe('dateFromUrl', () => {
  const day = (url: string) => {
    const p = dateFromUrl(url);
    return p ? formatDate(p) : null;
  };
  it('reads the day in the path: /yyyy/mm/dd/, yyyy-mm-dd, /yyyy/mon/dd/, a slug ending -yyyymmdd', () => {
    expect(day('https://x.example/news/2024/04/27/story')).toBe('2024-04-27');
    expect(day('https://x.example/2019-11-19-story.html')).toBe('2019-11-19');
    expect(day('https://x.example/commentisfree/2019/nov/18/the-view')).toBe('2019-11-18');
    expect(day('https://x.example/tuft-cells-20191115/')).toBe('2019-11-15');
  });
  it('takes no id, no month alone and nothing from the query for a day', () => {
    expect(day('https://x.example/news/story-14848175.php')).toBeNull();
    expect(day('https://x.example/2018/10/story.html')).toBeNull();
    expect(day('https://x.example/view?date=2019-11-19')).toBeNull();
    expect(day('https://x.example/2019/13/40/story')).toBeNull();
  });
});
