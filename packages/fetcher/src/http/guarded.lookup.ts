import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AddressVerdict } from './address.policy';

export type HostResolver = (hostname: string) => Promise<dns.LookupAddress[]>;

export const systemResolver: HostResolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Raised inside the socket's lookup so the fetcher can tell a refusal from a network error. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_NEWSFLOW_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`refused: ${hostname} resolves to ${reason}`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `lookup` for net/tls.connect: resolves the name once, refuses it if ANY address is not
 * allowed (a name that mixes public and private answers is a rebinding attempt or a
 * misconfiguration either way), and hands the very addresses it checked to the socket, so a
 * second resolution with a different answer can never happen between check and connect.
 */
export function createGuardedLookup(resolve: HostResolver, judge: (address: string) => AddressVerdict): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        for (const entry of found) {
          const verdict = judge(entry.address);
          if (!verdict.allowed) {
            callback(new BlockedAddressError(hostname, verdict.reason), '', 0);
            return;
          }
        }
        const wanted = options.family === 4 || options.family === 6 ? found.filter((e) => e.family === options.family) : found;
        const first = wanted[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`no usable address for ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
