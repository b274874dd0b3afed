import type { Redis } from 'ioredis';
import type { DocumentFormat } from '../read/document.reader';

/** What a source remembers of each document it read: enough for a conditional GET, and to walk on after a 304. */
export interface DocumentNote {
  etag: string | null;
  lastModified: string | null;
  format: DocumentFormat;
  /** A sitemap index's sitemaps (newest first), or a site's feeds and sitemaps: where a 304 leads. */
  next?: { url: string; changedAt: number | null }[];
}

export interface DocumentMemo {
  /** Every note of the source, by document URL. */
  load(): Promise<Map<string, DocumentNote>>;
  /** Replaces the notes with this poll's: documents no longer read are forgotten. */
  save(notes: Map<string, DocumentNote>): Promise<void>;
}

// KEYS: the notes, the source's record. ARGV: url, note pairs. Nothing is written for a source
// removed while it was being polled.
const SAVE = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('DEL', KEYS[1])
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1
`;

export function createDocumentMemo(redis: Redis, keys: { documents: string; record: string }): DocumentMemo {
  const key = keys.documents;
  return {
    async load() {
      const raw = await redis.hgetall(key);
      return new Map(Object.entries(raw).map(([url, json]) => [url, JSON.parse(json) as DocumentNote]));
    },
    async save(notes) {
      await redis.eval(SAVE, 2, key, keys.record, ...[...notes].flatMap(([url, note]) => [url, JSON.stringify(note)]));
    },
  };
}
