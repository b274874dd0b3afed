import { z } from 'zod';

const FIELD_SOURCES = ['jsonld', 'opengraph', 'meta', 'readability', 'heuristic'] as const;
const SOURCED_FIELDS = [
  'title',
  'authors',
  'publishedAt',
  'modifiedAt',
  'siteName',
  'lang',
  'canonicalUrl',
  'image',
  'section',
  'keywords',
  'access',
] as const;

/**
 * What extract leaves for enrich and index: the extraction library's article plus where and
 * when it was fetched. The extraction library keeps its own type; the extract handler's `put`
 * only compiles while that type fits this schema, and index's reads are checked against it.
 */
export const storedArticleSchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  fetchedAt: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  publishedAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  /** Absent from articles re-made from documents indexed before it: `lang` then holds the whole tag. */
  langTag: z.string().nullable().optional(),
  canonicalUrl: z.string().nullable(),
  image: z.object({ url: z.string(), caption: z.string().nullable() }).nullable(),
  section: z.string().nullable(),
  keywords: z.array(z.string()),
  access: z.enum(['free', 'paywalled']),
  excerpt: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  wordCount: z.number().int().nonnegative(),
  sources: z.partialRecord(z.enum(SOURCED_FIELDS), z.enum(FIELD_SOURCES)),
});
export type StoredArticle = z.infer<typeof storedArticleSchema>;
