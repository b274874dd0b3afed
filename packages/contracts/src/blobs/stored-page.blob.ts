import { z } from 'zod';

/** What the fetch stage leaves for extract: the page, decoded, and how it was got. */
export const storedPageSchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  charset: z.string(),
  html: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  fetchedAt: z.string(),
});
export type StoredPage = z.infer<typeof storedPageSchema>;
