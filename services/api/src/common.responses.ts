import { z } from 'zod';

export const errorSchema = z
  .object({ error: z.string() })
  .describe(
    'Every error the API answers, whichever route or layer refuses (400, 401, 403, 404, 405, 413, 415, 429, 500, 503): one message for a person',
  );
export type ErrorBody = z.infer<typeof errorSchema>;

export const healthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof healthSchema>;

export const readinessSchema = z
  .object({
    ready: z.boolean(),
    away: z.array(z.string()).describe('The parts that do not answer: redis, search'),
    redis: z.boolean(),
    search: z.boolean(),
  })
  .describe('The shape the workers serve on HEALTH_PORT too, with each part by name');
export type Readiness = z.infer<typeof readinessSchema>;

/** Only the frame is promised: the document describes itself. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;

export const COMMON_COMPONENTS = {
  Error: errorSchema,
  Health: healthSchema,
  Readiness: readinessSchema,
  OpenApiDocument: openApiDocumentSchema,
};
