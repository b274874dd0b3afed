import { z } from 'zod';
import type { QuoteArticle, QuoteHit } from '@newsflow/search';
import { articleSchema, quoteSchema } from './article.responses';
import type { SameShape } from './same-shape.types';

// Facets are the engine's aggregations, passed on: their buckets are promised, the rest
// (error bounds, other counts) is the engine's.
export const bucketSchema = z.looseObject({
  key: z.union([z.string(), z.number()]).describe('The value; for perDay, the day as epoch milliseconds'),
  key_as_string: z.string().optional(),
  doc_count: z.number().int().describe('Stories with this value (documents with all=true)'),
  documents: z.number().int().optional().describe('Documents with this value, every copy counted (by story only)'),
});

export const facetsSchema = z
  .record(z.string(), z.looseObject({ buckets: z.array(bucketSchema) }))
  .describe(
    'Top values: people, organizations, locations, speakers, sites, languages, and perDay (date histogram); by story (the default) each bucket counts stories, the top values are those with most stories, and the count is exact up to 40,000 stories',
  );

export const searchResultSchema = articleSchema
  .omit({ text: true, html: true })
  .extend({
    score: z.number().nullable(),
    copies: z.number().int().describe('Copies of this story among the matches (1 with all=true)'),
    highlight: z
      .record(z.string(), z.array(z.string()))
      .describe('Fragments by field, matches in <mark>…</mark>; everything else is unescaped page text'),
    matchingQuotes: z.array(quoteSchema),
  })
  .describe('The document without text and html, with its score, highlights and matching quotations');
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  total: z.number().int().describe('Stories that match (documents with all=true); exact up to 40,000 stories'),
  documents: z.number().int().describe('Documents that match, every copy counted'),
  results: z.array(searchResultSchema),
  facets: facetsSchema,
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const quoteArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  date: z.string(),
  dateSource: z.enum(['published', 'modified', 'fetched']).nullable(),
  site: z.string(),
  siteName: z.string().nullable(),
});

export const quoteResultSchema = quoteSchema.extend({
  highlight: z.string().nullable().describe('The quotation with matched words in <mark>…</mark>'),
  article: quoteArticleSchema,
});

export const quotesResponseSchema = z.object({
  total: z.number().int().describe('Matching quotations'),
  quotes: z.array(quoteResultSchema),
  facets: z.object({
    speakers: z
      .array(z.object({ key: z.string(), count: z.number().int() }))
      .describe('Top speakers of the matching quotations, ignoring the speaker filter'),
  }),
});
export type QuotesResponse = z.infer<typeof quotesResponseSchema>;

export const SEARCH_COMPONENTS = {
  Bucket: bucketSchema,
  Facets: facetsSchema,
  SearchResult: searchResultSchema,
  SearchResponse: searchResponseSchema,
  QuoteArticle: quoteArticleSchema,
  QuoteResult: quoteResultSchema,
  QuotesResponse: quotesResponseSchema,
};

const shapes: [SameShape<QuoteHit, z.infer<typeof quoteResultSchema>>, SameShape<QuoteArticle, z.infer<typeof quoteArticleSchema>>] = [
  true,
  true,
];
void shapes;
