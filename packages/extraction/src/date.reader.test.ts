import { describe, expect, it } from 'vitest';
import { formatDate, parseIsoLike } from './date.parser';
import { refineWith } from './date.reader';

const refined = (best: string, other: string) => formatDate(refineWith(parseIsoLike(best)!, parseIsoLike(other)!));

describe('refineWith: the most trusted date, completed by another naming the same moment', () => {
  it('gives a day the time (and zone) of a value on the same day, and nothing from another day', () => {
    expect(refined('2019-11-19', '2019-11-19T06:30:42-05:00')).toBe('2019-11-19T06:30:42-05:00');
    expect(refined('2019-11-19', '2019-11-20T06:30:42-05:00')).toBe('2019-11-19');
  });

  it('gives a local time the zone of the same local time', () => {
    expect(refined('2019-11-19T19:31:39', '2019-11-19T19:31:00+01:00')).toBe('2019-11-19T19:31:39+01:00');
    expect(refined('2019-11-19T19:31:39', '2019-11-19T18:31:00+01:00')).toBe('2019-11-19T19:31:39');
  });

  it('writes a UTC time in the zone the page shows it in', () => {
    // shown with its zone
    expect(refined('2019-11-20T04:31:13Z', '2019-11-19T22:31:00-06:00')).toBe('2019-11-19T22:31:13-06:00');
    // shown as a local time: the offset that makes it the same moment, if it is a real one
    expect(refined('2019-11-20T01:50:59.403Z', '2019-11-19T17:50:00')).toBe('2019-11-19T17:50:59.403-08:00');
    expect(refined('2018-01-22T02:13:30Z', '2018-01-22T00:13:00')).toBe('2018-01-22T00:13:30-02:00');
    expect(refined('2019-11-20T01:50:59Z', '2019-11-19T17:43:00')).toBe('2019-11-20T01:50:59Z'); // -8h07: no zone
  });

  it('puts a UTC time on the day the page writes, when a real zone puts it there', () => {
    // Rome at 00:30 (+02:00) is 22:30 UTC the day before; New York at 20:30 (-05:00) is 01:30 UTC the day after
    expect(refined('2024-05-14T22:30:00Z', '2024-05-15')).toBe('2024-05-15T00:30:00+02:00');
    expect(refined('2019-11-19T01:30:00Z', '2019-11-18')).toBe('2019-11-18T23:30:00-02:00');
    // the same day, a day no zone reaches, and a time with its own zone: unchanged
    expect(refined('2024-05-14T22:30:00Z', '2024-05-14')).toBe('2024-05-14T22:30:00Z');
    expect(refined('2024-05-14T03:00:00Z', '2024-05-15')).toBe('2024-05-14T03:00:00Z');
    expect(refined('2024-05-14T15:00:00Z', '2024-05-13')).toBe('2024-05-14T15:00:00Z');
    expect(refined('2024-05-14T22:30:00+02:00', '2024-05-15')).toBe('2024-05-14T22:30:00+02:00');
  });

  it('leaves a time that has its own zone alone', () => {
    expect(refined('2019-11-19T06:30:42-05:00', '2019-11-19T11:30:42Z')).toBe('2019-11-19T06:30:42-05:00');
  });
});
