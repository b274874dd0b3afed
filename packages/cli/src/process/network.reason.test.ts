import { describe, expect, it } from 'vitest';
import { displayAddress, networkReason } from './network.reason';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('networkReason', () => {
  it('says what a socket error code means', () => {
    expect(networkReason(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe('connection refused');
    expect(networkReason(withCode('getaddrinfo ENOTFOUND x.invalid', 'ENOTFOUND'))).toBe('no such host');
  });

  it('finds the code on a cause, as fetch reports it', () => {
    const err = new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED') });
    expect(networkReason(err)).toBe('connection refused');
  });

  it('finds a code folded into a client library message', () => {
    expect(networkReason(new Error('OpenSearch at http://127.0.0.1:1 is unavailable: connect ECONNREFUSED 127.0.0.1:1'))).toBe(
      'connection refused',
    );
    expect(networkReason(new Error('The operation was aborted due to timeout'))).toBe('timed out');
  });

  it('falls back to the first line of anything else', () => {
    expect(networkReason(new Error('WRONGPASS invalid username-password pair\n    at x'))).toBe('WRONGPASS invalid username-password pair');
    expect(networkReason(new Error(''))).toBe('no answer');
  });
});

describe('displayAddress', () => {
  it('keeps scheme, host and port, and drops credentials', () => {
    expect(displayAddress('redis://:s3cret@cache.internal', 6379)).toBe('redis://cache.internal:6379');
    expect(displayAddress('rediss://user:pw@127.0.0.1:6380/2', 6379)).toBe('rediss://127.0.0.1:6380/2');
    expect(displayAddress('http://elastic:pw@127.0.0.1:9200')).toBe('http://127.0.0.1:9200');
  });
});
