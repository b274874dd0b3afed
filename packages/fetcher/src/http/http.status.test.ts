import { describe, expect, it } from 'vitest';
import { failureForStatus, parseRetryAfter } from './http.status';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-03T10:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 03 Nov 2026 10:01:30 GMT', 90_000],
    ['Tue, 03 Nov 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    [null, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('failureForStatus', () => {
  it('passes 2xx and 304', () => {
    expect(failureForStatus('http://x/', 200, 'OK', null)).toBeNull();
    expect(failureForStatus('http://x/', 304, '', null)).toBeNull();
  });

  it('fills in a missing reason phrase', () => {
    expect(failureForStatus('http://x/', 404, '', null)?.message).toBe('http://x/ answered 404 Not Found');
  });

  it('treats 408 as transient and other 4xx as permanent', () => {
    expect(failureForStatus('http://x/', 408, '', null)).toMatchObject({ code: 'http-4xx', permanent: false });
    expect(failureForStatus('http://x/', 403, '', null)).toMatchObject({ code: 'http-4xx', permanent: true });
  });

  it('keeps Retry-After on 503', () => {
    expect(failureForStatus('http://x/', 503, '', '60')).toMatchObject({ code: 'http-5xx', permanent: false, retryAfterMs: 60_000 });
  });
});
