import { z } from 'zod';
import { MAX_URL_LENGTH } from '../article-url';
import { SOURCE_ID_PATTERN } from '../source';

/**
 * The followed source whose poll enqueued the URL, so that its article's document can say where
 * it came from (Kibana's documents per source per day). Its URL is carried with its id, not
 * looked up at index time: a source removed while its articles are in the pipeline still names
 * them.
 */
export const sourceRefSchema = z.object({
  id: z.string().regex(SOURCE_ID_PATTERN, 'source.id must be 32 lowercase hex characters'),
  url: z.string().min(1).max(MAX_URL_LENGTH),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;

/**
 * What every stage's job carries: a reference to the article, never its body.
 * Page HTML and article text live in the blob store under `id`.
 *
 * `source` was added to version 1 rather than making a version 2: it is optional, so a payload
 * queued before it existed parses as one enqueued by hand, and a worker still running the older
 * schema drops it (zod strips unknown keys) instead of failing the job as a version it does not
 * know.
 */
export const articleRefSchema = z.object({
  v: z.literal(1),
  /** Hash of the normalised URL: the job id in every queue and the search document id. */
  id: z.string().regex(/^[0-9a-f]{32}$/, 'id must be 32 lowercase hex characters'),
  /** The URL as normalised at enqueue time (or the raw input when it is not a valid URL). */
  url: z.string().min(1).max(MAX_URL_LENGTH),
  /** Absent when the URL was enqueued by hand (API, CLI). */
  source: sourceRefSchema.optional(),
});

export type ArticleRef = z.infer<typeof articleRefSchema>;
