import { z } from 'zod';
import { MAX_PAGE_SIZE } from '@newsflow/search';

export const enqueueBodySchema = z.object({
  url: z.string({ message: 'url must be a string' }).min(1, 'url must not be empty').max(8192, 'url is longer than 8192 characters'),
});

export const articleIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'an article id is 32 lowercase hex characters');

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date such as 2024-04-26 or 2024-04-26T10:00:00Z');

export const searchQuerySchema = z.object({
  q: z.string().max(1000).optional(),
  person: z.string().max(200).optional(),
  organization: z.string().max(200).optional(),
  location: z.string().max(200).optional(),
  speaker: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  lang: z.string().max(20).optional(),
  access: z.enum(['free', 'paywalled']).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  from: z.coerce.number().int().min(0).max(10_000).optional(),
  size: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).optional(),
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
