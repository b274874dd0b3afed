import { describe, expect, it } from 'vitest';
import { isIsoDateParam } from './date-range.param';

const ACCEPTED_DATES = [
  '2024-04-26',
  '2024-02-29',
  '2000-02-29',
  '2024-12-31',
  '2024-04-26T10:00',
  '2024-04-26T10:00Z',
  '2024-04-26T10:00:59',
  '2024-04-26T10:00:00Z',
  '2024-04-26T23:59:59.999Z',
  '2024-04-26T10:00:00.123456789+02:00',
  '2024-04-26T10:00:00-05:30',
  '2024-04-26T10:00:00+18:00',
];

describe('isIsoDateParam', () => {
  it.each(ACCEPTED_DATES)('accepts %s', (value) => {
    expect(isIsoDateParam(value)).toBe(true);
  });

  it.each([
    // what Date.parse takes and the engine refuses or reads otherwise
    ['2024-02-30', 'no such day'],
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'not a leap year'],
    ['2024-04-31', 'no such day'],
    ['2024-13-01', 'no such month'],
    ['2024-00-10', 'no such month'],
    ['April 1, 2024', 'not ISO 8601'],
    ['Fri, 26 Apr 2024 10:00:00 GMT', 'not ISO 8601'],
    ['1', 'epoch milliseconds to the engine'],
    ['1714125600000', 'epoch milliseconds to the engine'],
    ['2024-04-26T24:00', 'no such hour'],
    ['2024-04-26T10:60', 'no such minute'],
    ['2024-04-26T23:59:60Z', 'leap second: the engine refuses it'],
    ['2024-04-26T10:00:00+19:00', 'offset beyond ±18:00'],
    ['2024-04-26T10:00:00.1234567891Z', 'more than nine fraction digits'],
    ['2024-04-26 10:00', 'space, not T'],
    ['2024-4-6', 'digits missing'],
    ['2024-04', 'month only'],
    ['', 'empty'],
    ['now-1d', 'date math'],
  ])('refuses %j (%s)', (value) => {
    expect(isIsoDateParam(value)).toBe(false);
  });
});
