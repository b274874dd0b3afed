import {
  SniffingTransport,
  type TransportOptions,
  type TransportRequestOptions,
  type TransportRequestParams,
} from '@elastic/elasticsearch';
import { statusOf } from './response';

/** The Elasticsearch majors the 9.x client can speak to. */
export type EsMajor = 8 | 9;

/**
 * The 9.x client's versioned media types with the version an 8.x server accepts. The client sends
 * `compatible-with=9`, which 8.x refuses (media_type_header_exception); a 9.x server is sent 9, as
 * the client does by itself.
 */
const ES8_MEDIA_TYPES = {
  jsonContentType: 'application/vnd.elasticsearch+json; compatible-with=8',
  ndjsonContentType: 'application/vnd.elasticsearch+x-ndjson; compatible-with=8',
  accept: 'application/vnd.elasticsearch+json; compatible-with=8,text/plain',
};

/**
 * The client's transport, speaking to the server's major: given (SEARCH_ES_MAJOR), or read from
 * GET / before the first request (asked again after a failure: the server may not be up yet).
 * Requests to an 8.x server go through a second transport on the same connection pool, built
 * with the 8.x media types, so every header is still set by the client library itself.
 */
export function versionedTransport(url: string, known: EsMajor | null): typeof SniffingTransport {
  return class VersionedTransport extends SniffingTransport {
    readonly #es8: SniffingTransport;
    #major: Promise<EsMajor> | null = known === null ? null : Promise.resolve(known);

    constructor(opts: TransportOptions) {
      super(opts);
      this.#es8 = new SniffingTransport({ ...opts, vendoredHeaders: ES8_MEDIA_TYPES });
    }

    // One generic signature covers the base class's overloads (with and without `meta`).
    override async request<T>(params: TransportRequestParams, options?: TransportRequestOptions): Promise<T> {
      this.#major ??= this.#readMajor().catch((err: unknown) => {
        this.#major = null;
        throw err;
      });
      return (await this.#major) === 8 ? this.#es8.request<T>(params, options) : super.request<T>(params, options);
    }

    /** GET / with plain JSON media types, which every version takes. */
    async #readMajor(): Promise<EsMajor> {
      let number: string | undefined;
      try {
        const root = await super.request<{ version?: { number?: string } }>(
          { method: 'GET', path: '/' },
          { headers: { accept: 'application/json', 'content-type': 'application/json' } },
        );
        number = root.version?.number;
      } catch (err) {
        if (statusOf(err) !== 403) throw err; // away, or refused for another reason: as it is
        throw new Error(
          `Elasticsearch at ${url} does not let newsflow read its version (GET / answered 403): set SEARCH_ES_MAJOR to 8 or 9`,
          { cause: err },
        );
      }
      const major = Number(/^(\d+)\./.exec(number ?? '')?.[1]);
      if (major === 8) return 8;
      if (major >= 9) return 9;
      throw new Error(
        `Elasticsearch ${number ?? '(no version number)'} at ${url} is not supported: newsflow speaks to Elasticsearch 8 and 9` +
          (Number.isNaN(major) ? ' (set SEARCH_ES_MAJOR to 8 or 9 if it is one of them)' : ''),
      );
    }
  };
}
