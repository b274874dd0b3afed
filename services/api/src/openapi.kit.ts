import { z } from 'zod';
import type { ComponentName } from './openapi.components';

export type Json = Record<string, unknown>;
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<number, Json>;
  security: Json[];
}
/** OpenAPI paths: path → method → operation. */
export type PathOperations = Record<string, Record<string, Operation>>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the dialect line. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

export const ref = (name: ComponentName): Json => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: ComponentName, description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
export const error = (description: string): Json => json('Error', description);
export const html = (description: string): Json => ({ description, content: { 'text/html': { schema: jsonSchemaOf(z.string()) } } });
export const noBody = (description: string): Json => ({ description });

/** A request body: what the route accepts, so the schema's input side (extra keys are dropped, not refused). */
export const requestBody = (schema: z.ZodType): Json => ({
  required: true,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'input') } },
});

export const pathParameter = (name: string, schema: z.ZodType, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: jsonSchemaOf(schema, 'input'),
});

/** Query parameters from the zod object the route parses the query with; `docs` must describe each. */
export function queryParameters<S extends z.ZodObject>(schema: S, docs: Record<keyof S['shape'], string>): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: !(field as z.ZodType).safeParse(undefined).success,
    description: docs[name as keyof S['shape']],
    schema: jsonSchemaOf(field as z.ZodType, 'input'),
  }));
}

type Draft = Omit<Operation, 'security'>;

/** Probes, metrics and this document: never behind the token (api.app.ts OPEN_ROUTES). */
export const open = (op: Draft): Operation => ({ ...op, security: [] });

/**
 * Reads: open, unless API_TOKEN is set with API_READS_OPEN=false; then the bearer token, or the
 * session cookie that opening any page once with `?token=` sets.
 */
export const read = (op: Draft): Operation => ({
  ...op,
  security: [{}, { bearer: [] }, { session: [] }],
  responses: {
    ...op.responses,
    303: noBody(
      'With API_READS_OPEN=false, signed in with ?token=<API_TOKEN>: the session cookie set, redirected to the address without it',
    ),
    401: error('With API_READS_OPEN=false: token missing or wrong'),
  },
});

/** Writes: the bearer token whenever API_TOKEN is set (open without one, for local use). */
export const write = (op: Draft): Operation => ({
  ...op,
  security: [{}, { bearer: [] }],
  responses: { ...op.responses, 401: error('API_TOKEN is set: token missing or wrong') },
});

/** Admin routes: the token always; with no API_TOKEN they are refused (403) unless API_ADMIN_OPEN. */
export const admin = (op: Draft): Operation => ({
  ...op,
  security: [{ bearer: [] }, { session: [] }],
  responses: {
    ...op.responses,
    303: noBody('Signed in with ?token=<API_TOKEN>: the session cookie set, redirected to the address without it'),
    401: error('Token missing or wrong'),
    403: error('No API_TOKEN set (and API_ADMIN_OPEN not true)'),
  },
});
