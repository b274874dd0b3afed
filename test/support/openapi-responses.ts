import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema: Record<string, unknown> }>;
}

export interface DocumentedOperation {
  path: string;
  method: string;
  operationId: string;
  responses: Record<string, DocumentedResponse>;
}

interface OpenApiLike {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/** A response as the test saw it: Fastify's inject() answer has this shape. */
export interface SeenResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const COMPONENTS_ID = 'https://newsflow.invalid/openapi/components';

/** `#/components/schemas/X` (the document's refs) as refs into the components schema added to Ajv. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`) : rebase(v),
    ]),
  );
}

/**
 * Checks real responses against an OpenAPI 3.1 document: the status must be one the operation
 * documents, the content type one it documents for that status, and the body must match its
 * JSON Schema (2020-12, OpenAPI 3.1's dialect). Returns the problems, empty when it conforms.
 */
export function createResponseChecker(document: OpenApiLike) {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebase(document.components?.schemas ?? {}) });
  const validators = new Map<string, ValidateFunction>();

  const operations: DocumentedOperation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, ...(op as Omit<DocumentedOperation, 'path' | 'method'>) })),
  );

  function check(op: DocumentedOperation, res: SeenResponse): string[] {
    const documented = op.responses[String(res.statusCode)];
    if (!documented) {
      return [
        `${res.statusCode} is not documented for ${op.operationId} (documented: ${Object.keys(op.responses).join(', ')}); body: ${res.body.slice(0, 300)}`,
      ];
    }
    if (!documented.content) {
      return res.body === '' ? [] : [`${op.operationId} ${res.statusCode} documents no body, got: ${res.body.slice(0, 300)}`];
    }
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const media = documented.content[type];
    if (!media) {
      return [
        `${op.operationId} ${res.statusCode}: content type ${type || '(none)'} is not documented (documented: ${Object.keys(documented.content).join(', ')})`,
      ];
    }
    const key = `${op.operationId} ${res.statusCode} ${type}`;
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(rebase(media.schema) as object)));
    let body: unknown = res.body;
    if (type === 'application/json') {
      try {
        body = JSON.parse(res.body);
      } catch {
        return [`${key}: body is not JSON: ${res.body.slice(0, 300)}`];
      }
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  return { operations, check };
}

/** Whether a request path fits an OpenAPI path template (`/articles/{id}`). */
export function matchesTemplate(template: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}
