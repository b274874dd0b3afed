import { z } from 'zod';
import { ARTICLE_ID_PATTERN, MAX_URL_LENGTH, sourceIdOf } from '@newsflow/contracts';
import { DATE_PARAM_HINT, isIsoDateParam, MAX_PAGE_SIZE } from '@newsflow/search';

export const enqueueBodySchema = z.object({
  url: z
    .string({ message: 'url must be a string' })
    .min(1, 'url must not be empty')
    .max(MAX_URL_LENGTH, `url is longer than ${MAX_URL_LENGTH} characters`),
});

export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, 'an article id is 32 lowercase hex characters');

/** Checked here, not by the engine, so a bad date gets the API's own 400 and not the engine's error. */
const isoDate = z.string().refine(isIsoDateParam, DATE_PARAM_HINT);

export const searchQuerySchema = z.object({
  q: z.string().max(1000).optional(),
  person: z.string().max(200).optional(),
  organization: z.string().max(200).optional(),
  location: z.string().max(200).optional(),
  speaker: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  lang: z.string().max(20).optional(),
  access: z.enum(['free', 'paywalled']).optional(),
  /** A followed source's id or URL, read as its id (the one field documents are filtered on). */
  source: z
    .string()
    .max(MAX_URL_LENGTH)
    .transform((v, ctx) => sourceIdOf(v) ?? (ctx.addIssue({ code: 'custom', message: 'source must be a source id or its URL' }), z.NEVER))
    .optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  from: z.coerce.number().int().min(0).max(10_000).optional(),
  size: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).optional(),
  /** Every copy of a story as its own result (by default one result per story). */
  all: z
    .enum(['true', 'false'], { message: 'all must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});

export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export const quoteQuerySchema = z.object({
  q: z.string().max(1000).optional(),
  speaker: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  lang: z.string().max(20).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  from: z.coerce.number().int().min(0).max(10_000).optional(),
  size: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).optional(),
});
