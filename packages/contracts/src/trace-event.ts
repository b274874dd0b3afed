import { z } from 'zod';

/** One step of an article's way through the stages, as kept in its status and its document. */
export const traceEventSchema = z.object({
  stage: z.string(),
  event: z.enum(['queued', 'started', 'completed', 'retrying', 'postponed', 'failed']),
  at: z.string(),
  attempt: z.number().int().optional(),
  detail: z.string().optional(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;
