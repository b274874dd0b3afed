import { z } from 'zod';
import {
  ARTICLE_STATES,
  sourceRefSchema,
  traceEventSchema,
  type ArticleDocument,
  type EntityField,
  type QuoteField,
} from '@newsflow/contracts';
import type { StageSpan } from '@newsflow/runtime';
import type { StoryCopy } from '@newsflow/search';
import type { SameShape } from './same-shape.types';

const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION'] as const;
const DATE_SOURCES = ['published', 'modified', 'fetched'] as const;

export const entitySchema = z.object({
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  mentions: z.array(z.string()),
  mentionCount: z.number().int(),
});

export const quoteSchema = z.object({
  text: z.string(),
  speaker: z.string().nullable(),
  speakerType: z.enum(ENTITY_TYPES).nullable(),
  kind: z.enum(['direct', 'partial']),
  cue: z.string().nullable(),
});

export const articleStateSchema = z.enum(ARTICLE_STATES);

/** The indexed document (contracts' ArticleDocument; the check below keeps the two the same). */
export const articleSchema = z
  .object({
    id: z.string().describe('From the canonical URL; may differ from the article id a URL was enqueued under'),
    urlIds: z.array(z.string()).optional().describe('The ids of the enqueued URLs that reached this article'),
    storyId: z
      .string()
      .optional()
      .describe('The story this article is a copy of: the id of its first copy indexed (its own id when it is the first)'),
    source: sourceRefSchema
      .optional()
      .describe('The followed source whose poll found the article (the latest one); absent when it was enqueued by hand'),
    url: z.string(),
    finalUrl: z.string(),
    canonicalUrl: z.string().nullable(),
    site: z.string(),
    siteName: z.string().nullable(),
    title: z.string(),
    byline: z.string().nullable(),
    authors: z.array(z.string()),
    publishedAt: z
      .string()
      .nullable()
      .describe('ISO 8601 as the page gave it: a day, or a time with its own zone; null when the page gives no publication date'),
    modifiedAt: z.string().nullable(),
    date: z.string().describe('What date filters and sorting use: publishedAt, else modifiedAt, else fetchedAt (see dateSource)'),
    dateSource: z.enum(DATE_SOURCES).optional().describe('Where date came from (absent in documents indexed before it existed)'),
    lang: z.string().nullable().describe('BCP 47 primary language subtag: en'),
    langTag: z.string().nullable().optional().describe('The full language tag the page declares: en-US'),
    section: z.string().nullable(),
    keywords: z.array(z.string()),
    access: z.enum(['free', 'paywalled']),
    image: z.object({ url: z.string(), caption: z.string().nullable() }).nullable(),
    excerpt: z.string().nullable(),
    text: z.string().describe('Clean text'),
    html: z.string().describe('Clean HTML from the page: untrusted, sanitise before display'),
    wordCount: z.number().int(),
    entities: z.array(entitySchema),
    quotes: z.array(quoteSchema),
    people: z.array(z.string()),
    organizations: z.array(z.string()),
    locations: z.array(z.string()),
    speakers: z.array(z.string()),
    quoteLines: z
      .array(z.string())
      .optional()
      .describe('Each quotation as one keyword, "Speaker: “text”" (text cut at 300 characters), for tools that cannot read nested fields'),
    fetchedAt: z.string(),
    indexedAt: z.string(),
    trace: z.array(traceEventSchema).optional().describe('The pipeline’s trace up to indexing'),
  })
  .describe('The indexed document');

export const storyCopySchema = z
  .object({ id: z.string(), url: z.string(), site: z.string(), siteName: z.string().nullable(), title: z.string(), date: z.string() })
  .describe('Another copy of the article’s story');

export const articleViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  state: articleStateSchema,
  stage: z.string().nullable(),
  reason: z.string().nullable(),
  updatedAt: z.string().nullable(),
  trace: z.array(traceEventSchema),
  document: articleSchema.nullable(),
  copies: z.array(storyCopySchema).describe('The other copies of the document’s story, earliest first (at most 100)'),
});
export type ArticleView = z.infer<typeof articleViewSchema>;

export const stageSpanSchema = z.object({
  stage: z.string(),
  attempt: z.number().int().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  outcome: z
    .enum(['running', 'completed', 'retrying', 'postponed', 'failed'])
    .describe('running: started, no end yet (or the worker died and the job will be picked up again)'),
  ms: z.number().nullable(),
  detail: z.string().nullable(),
});

export const articleTraceSchema = z.object({
  id: z.string(),
  url: z.string(),
  state: articleStateSchema,
  reason: z.string().nullable(),
  queuedAt: z.string().nullable(),
  stages: z.array(stageSpanSchema),
});
export type ArticleTrace = z.infer<typeof articleTraceSchema>;

export const enqueueAcceptedSchema = z.object({
  id: z.string(),
  url: z.string(),
  status: z.enum(['queued', 'in-flight']),
  warning: z.string().optional(),
  links: z.object({ self: z.string() }),
});
export type EnqueueAccepted = z.infer<typeof enqueueAcceptedSchema>;

export const ARTICLE_COMPONENTS = {
  Entity: entitySchema,
  Quote: quoteSchema,
  TraceEvent: traceEventSchema,
  ArticleState: articleStateSchema,
  Article: articleSchema,
  StoryCopy: storyCopySchema,
  ArticleView: articleViewSchema,
  StageSpan: stageSpanSchema,
  ArticleTrace: articleTraceSchema,
  EnqueueAccepted: enqueueAcceptedSchema,
};

// The types the pipeline writes and the schemas the API documents cannot drift apart: a field
// added to either side alone fails type-checking here.
const shapes: [
  SameShape<ArticleDocument, z.infer<typeof articleSchema>>,
  SameShape<EntityField, z.infer<typeof entitySchema>>,
  SameShape<QuoteField, z.infer<typeof quoteSchema>>,
  SameShape<StoryCopy, z.infer<typeof storyCopySchema>>,
  SameShape<StageSpan, z.infer<typeof stageSpanSchema>>,
] = [true, true, true, true, true];
void shapes;
