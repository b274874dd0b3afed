import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { FetchFailure } from './fetch.failure';
import { systemResolver } from './guarded.lookup';
import { startConnectionCounter } from '../../../../test/support/hostile-server';
import { createPageFetcherWithSeams, type PageFetcher } from './page.fetcher';

// Names a hostile DNS could answer with; any other name goes to the system resolver.
const FAKE_DNS: Record<string, LookupAddress[]> = {
  'rebind.test': [
    { address: '93.184.216.34', family: 4 },
    { address: '127.0.0.1', family: 4 },
  ],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'unique-local.test': [{ address: 'fd00::1', family: 6 }],
};

let counter: Awaited<ReturnType<typeof startConnectionCounter>>;
let fetcher: PageFetcher;

beforeAll(async () => {
  counter = await startConnectionCounter();
  fetcher = createPageFetcherWithSeams(
    { userAgent: 'newsflow-test', timeoutMs: 2000, maxBytes: 65536, maxRedirects: 5, allowPrivateNetworks: false },
    { resolve: async (hostname) => FAKE_DNS[hostname] ?? systemResolver(hostname) },
  );
});

afterAll(async () => {
  await fetcher.close();
  await counter.close();
});

const P = () => counter.port;
const spellings: [string, () => string][] = [
  ['dotted', () => `http://127.0.0.1:${P()}/`],
  ['https', () => `https://127.0.0.1:${P()}/`],
  ['short two-part', () => `http://127.1:${P()}/`],
  ['short three-part', () => `http://127.0.1:${P()}/`],
  ['decimal', () => `http://2130706433:${P()}/`],
  ['decimal, trailing dot', () => `http://2130706433.:${P()}/`],
  ['hex', () => `http://0x7f000001:${P()}/`],
  ['hex short', () => `http://0x7f.1:${P()}/`],
  ['hex dotted', () => `http://0x7f.0x0.0x0.0x1:${P()}/`],
  ['octal', () => `http://0177.0.0.1:${P()}/`],
  ['octal whole', () => `http://017700000001:${P()}/`],
  ['zero-padded', () => `http://127.000.000.001:${P()}/`],
  ['trailing dot', () => `http://127.0.0.1.:${P()}/`],
  ['percent-encoded dot', () => `http://127.0.0.1%2e:${P()}/`],
  ['full-width digits', () => `http://１２７．０．０．１:${P()}/`],
  ['other loopback', () => `http://127.0.0.2:${P()}/`],
  ['IPv6 loopback', () => `http://[::1]:${P()}/`],
  ['IPv6 loopback, long', () => `http://[0:0:0:0:0:0:0:1]:${P()}/`],
  ['IPv4-mapped dotted', () => `http://[::ffff:127.0.0.1]:${P()}/`],
  ['IPv4-mapped hex', () => `http://[::ffff:7f00:1]:${P()}/`],
  ['IPv4-mapped long', () => `http://[0:0:0:0:0:ffff:127.0.0.1]:${P()}/`],
  ['IPv4-compatible', () => `http://[::127.0.0.1]:${P()}/`],
  ['unspecified', () => `http://0.0.0.0:${P()}/`],
  ['unspecified, "0"', () => `http://0:${P()}/`],
  ['IPv6 unspecified', () => `http://[::]:${P()}/`],
  ['localhost (by name)', () => `http://localhost:${P()}/`],
  ['LOCALHOST. (by name)', () => `http://LOCALHOST.:${P()}/`],
  ['sub.localhost (by name)', () => `http://admin.localhost:${P()}/`],
  ['private 10/8', () => `http://10.0.0.1:${P()}/`],
  ['private 172.16/12', () => `http://172.16.0.1:${P()}/`],
  ['private 192.168/16', () => `http://192.168.0.1:${P()}/`],
  ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
  ['cloud metadata, hex', () => 'http://0xa9fea9fe/latest/meta-data/'],
  ['cloud metadata, decimal', () => 'http://2852039166/latest/meta-data/'],
  ['cloud metadata, IPv4-mapped', () => 'http://[::ffff:169.254.169.254]/latest/meta-data/'],
  ['carrier-grade NAT', () => `http://100.64.0.1:${P()}/`],
  ['multicast', () => `http://224.0.0.1:${P()}/`],
  ['broadcast', () => `http://255.255.255.255:${P()}/`],
  ['reserved 240/4', () => `http://240.0.0.1:${P()}/`],
  ['benchmarking 198.18/15', () => `http://198.18.0.1:${P()}/`],
  ['documentation 192.0.2/24', () => `http://192.0.2.1:${P()}/`],
  ['IPv6 link-local', () => `http://[fe80::1]:${P()}/`],
  ['IPv6 unique-local fc', () => `http://[fc00::1]:${P()}/`],
  ['IPv6 unique-local fd', () => `http://[fd12:3456::1]:${P()}/`],
  ['IPv6 multicast', () => `http://[ff02::1]:${P()}/`],
  ['IPv4-mapped private', () => `http://[::ffff:10.0.0.1]:${P()}/`],
  ['6to4 of 127.0.0.1', () => `http://[2002:7f00:1::1]:${P()}/`],
  ['Teredo', () => `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${P()}/`],
  ['NAT64 of 127.0.0.1', () => `http://[64:ff9b::7f00:1]:${P()}/`],
  ['DNS rebinding: public + loopback', () => `http://rebind.test:${P()}/`],
  ['DNS to metadata', () => 'http://metadata.test/latest/meta-data/'],
  ['DNS to IPv4-mapped loopback', () => `http://mapped.test:${P()}/`],
  ['DNS to unique-local', () => `http://unique-local.test:${P()}/`],
];

it(`has a battery of at least 30 spellings (${spellings.length})`, () => {
  expect(spellings.length).toBeGreaterThanOrEqual(30);
});

it.each(spellings)('refuses %s', async (_label, url) => {
  const error = await fetcher.fetchPage(url()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchFailure);
  const failure = error as FetchFailure;
  expect({ code: failure.code, permanent: failure.permanent }, failure.message).toEqual({ code: 'blocked-address', permanent: true });
  expect(failure.message).toMatch(/^refused: .*FETCH_ALLOW_PRIVATE_NETWORKS=true/);
});

it('refuses credentials smuggled before a private host', async () => {
  const failure = (await fetcher.fetchPage(`http://example.com@127.0.0.1:${P()}/`).catch((e: unknown) => e)) as FetchFailure;
  expect(failure.code).toBe('invalid-url');
});

it('never opened a connection to the local listener', () => {
  expect(counter.count()).toBe(0);
});

it('does reach the listener when private networks are allowed (the counter works)', async () => {
  const open = createPageFetcherWithSeams(
    { userAgent: 'newsflow-test', timeoutMs: 2000, maxBytes: 65536, maxRedirects: 5, allowPrivateNetworks: true },
    {},
  );
  await open.fetchPage(`http://127.0.0.1:${P()}/`).catch(() => undefined); // "reached" is text/plain-less: not-html
  await open.close();
  expect(counter.count()).toBe(1);
});
