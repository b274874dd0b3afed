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

  it('leaves a time that has its own zone alone', () => {
    expect(refined('2019-11-19T06:30:42-05:00', '2019-11-19T11:30:42Z')).toBe('2019-11-19T06:30:42-05:00');
  });
});
