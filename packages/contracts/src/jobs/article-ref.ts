import { z } from 'zod';
import { MAX_URL_LENGTH } from '../article-url';

/**
 * What every stage's job carries: a reference to the article, never its body.
 * Page HTML and article text live in the blob store under `id`.
 */
export const articleRefSchema = z.object({
  v: z.literal(1),
  /** Hash of the normalised URL: the job id in every queue and the search document id. */
  id: z.string().regex(/^[0-9a-f]{32}$/, 'id must be 32 lowercase hex characters'),
  /** The URL as normalised at enqueue time (or the raw input when it is not a valid URL). */
  url: z.string().min(1).max(MAX_URL_LENGTH),
});

export type ArticleRef = z.infer<typeof articleRefSchema>;
