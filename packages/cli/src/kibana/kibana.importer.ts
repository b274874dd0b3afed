import { networkReason } from '../process/network.reason';

export interface KibanaTarget {
  /** Kibana's base URL, e.g. http://127.0.0.1:5601 (a base path, if Kibana has one, included). */
  url: string;
  /** A Kibana space; the default space when absent. */
  space?: string;
  auth?: { username: string; password: string } | { apiKey: string };
  timeoutMs?: number;
}

export interface ImportResult {
  successCount: number;
  /** One line per object Kibana refused, e.g. "lens newsflow-top-people: missing_references". */
  problems: string[];
}

export class KibanaImportError extends Error {
  override readonly name: string = 'KibanaImportError';
}

/** Nothing answered at Kibana's address (the CLI exits 3 for it, as for any service away). */
export class KibanaUnreachableError extends KibanaImportError {
  override readonly name = 'KibanaUnreachableError';
}

/**
 * Imports saved objects through Kibana's saved objects API (`_import?overwrite=true`, the NDJSON
 * as a multipart file, with the `kbn-xsrf` header Kibana demands of every write). Re-importing
 * replaces the objects, so running it again after an upgrade is safe.
 */
export async function importSavedObjects(target: KibanaTarget, ndjson: string): Promise<ImportResult> {
  const base = target.url.replace(/\/+$/, '');
  const space = target.space && target.space !== 'default' ? `/s/${encodeURIComponent(target.space)}` : '';
  const endpoint = `${base}${space}/api/saved_objects/_import?overwrite=true`;
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'newsflow.ndjson');
  const headers: Record<string, string> = { 'kbn-xsrf': 'newsflow' };
  if (target.auth && 'apiKey' in target.auth) {
    headers.authorization = `ApiKey ${target.auth.apiKey}`;
  } else if (target.auth) {
    headers.authorization = `Basic ${Buffer.from(`${target.auth.username}:${target.auth.password}`).toString('base64')}`;
  }

  let res: Response;
  try {
    res = await fetch(endpoint, { method: 'POST', body: form, headers, signal: AbortSignal.timeout(target.timeoutMs ?? 60_000) });
  } catch (err) {
    throw new KibanaUnreachableError(`cannot reach Kibana at ${base}: ${networkReason(err)}`);
  }
  const text = await res.text();
  const body = parseJson(text);
  if (!res.ok) throw new KibanaImportError(describeHttpFailure(res.status, body, text, base, target.space));
  if (!body || typeof body !== 'object') {
    throw new KibanaImportError(`Kibana at ${base} answered ${res.status} with something other than JSON; is it Kibana?`);
  }
  const result = body as {
    success?: boolean;
    successCount?: number;
    errors?: {
      type?: string;
      id?: string;
      title?: string;
      meta?: { title?: string };
      error?: { type?: string; message?: string; references?: { type: string; id: string }[] };
    }[];
  };
  const problems = (result.errors ?? []).map((e) => {
    const what = `${e.type ?? 'object'} ${e.id ?? '?'}${(e.meta?.title ?? e.title) ? ` (${e.meta?.title ?? e.title})` : ''}`;
    const refs = e.error?.references?.map((r) => `${r.type} ${r.id}`).join(', ');
    return `${what}: ${e.error?.type ?? 'error'}${e.error?.message ? ` ${e.error.message}` : ''}${refs ? ` [${refs}]` : ''}`;
  });
  if (result.success === false && problems.length === 0) problems.push('Kibana reported the import as failed without details');
  return { successCount: result.successCount ?? 0, problems };
}

function describeHttpFailure(status: number, body: unknown, text: string, base: string, space: string | undefined): string {
  const message = (body as { message?: string } | null)?.message ?? text.slice(0, 300);
  if (status === 401) return `Kibana at ${base} needs credentials (401): pass --username and --password, or --api-key`;
  if (status === 403) {
    return `Kibana at ${base} refused the import (403): the user needs the saved objects management privilege${message ? ` (${message})` : ''}`;
  }
  if (status === 404 && space) return `Kibana at ${base} has no space "${space}" (404)`;
  if (status === 404) return `no saved objects API at ${base} (404): is this Kibana's address (with its base path, if it has one)?`;
  if (status === 503) return `Kibana at ${base} is not ready yet (503); try again in a minute`;
  return `Kibana at ${base} answered ${status}${message ? `: ${message}` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
