import { describe, expect, it } from 'vitest';
import { isLoopbackName, judgeAddress, literalIpOf } from './address.policy';

describe('judgeAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])('allows public %s', (address) => {
    expect(judgeAddress(address)).toEqual({ allowed: true });
  });

  it.each([
    ['10.1.2.3', 'a private'],
    ['172.31.255.255', 'a private'],
    ['192.168.1.1', 'a private'],
    ['127.8.8.8', 'a loopback'],
    ['169.254.169.254', 'a link-local'],
    ['100.127.255.255', 'a carrier-grade NAT'],
    ['0.1.2.3', 'an unspecified'],
    ['239.255.255.250', 'a multicast'],
    ['255.255.255.255', 'a broadcast'],
    ['::1', 'a loopback'],
    ['fe80::1', 'a link-local'],
    ['fd00::1', 'a unique-local (private)'],
    ['::ffff:192.168.1.1', 'a private'],
    ['2002:a00:1::', 'a 6to4'],
    ['::7f00:1', 'a reserved'],
  ])('refuses %s as %s address', (address, kind) => {
    const verdict = judgeAddress(address);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain(`is ${kind} address`);
  });

  it('refuses something that is not an IP', () => {
    expect(judgeAddress('example.com').allowed).toBe(false);
  });
});

describe('literalIpOf', () => {
  it('recognises parsed literal hosts only', () => {
    expect(literalIpOf('[::1]')).toBe('::1');
    expect(literalIpOf('127.0.0.1')).toBe('127.0.0.1');
    expect(literalIpOf('example.com')).toBeNull();
    expect(literalIpOf('1.2.3.example')).toBeNull();
  });
});

describe('isLoopbackName', () => {
  it.each([
    ['localhost', true],
    ['LocalHost.', true],
    ['api.localhost', true],
    ['localhost.example.com', false],
    ['notlocalhost', false],
  ])('%s → %s', (name, expected) => {
    expect(isLoopbackName(name)).toBe(expected);
  });
});
