import { z } from 'zod';

const entityType = z.enum(['PERSON', 'ORGANIZATION', 'LOCATION']);

/** What enrich leaves for index: the NLP library's result, offsets into the article's text. */
export const enrichmentSchema = z.object({
  entities: z.array(
    z.object({
      name: z.string(),
      type: entityType,
      mentions: z.array(z.object({ text: z.string(), start: z.number().int(), end: z.number().int() })),
    }),
  ),
  quotes: z.array(
    z.object({
      text: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      kind: z.enum(['direct', 'partial']),
      cue: z.string().nullable(),
      speaker: z.string().nullable(),
      speakerType: entityType.nullable(),
    }),
  ),
  lang: z.string().optional(),
  notes: z.array(z.string()).optional(),
});
export type StoredEnrichment = z.infer<typeof enrichmentSchema>;
