import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORENLP_PROPERTIES, createCoreNlpEngine } from '@newsflow/nlp';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { isNlpUp, startLocalNlp } from './local-nlp';

// The global setup starts the local CoreNLP server when none answers at NLP_URL (CI starts its
// own), so this needs a running server: it fails, rather than skips, when there is none.
const NLP_URL = process.env.NLP_URL ?? 'http://127.0.0.1:9000';
const SERVER_PROPERTIES = fileURLToPath(new URL('../../../../infra/local-nlp/server.properties', import.meta.url));

/** Reads `key = value` lines the way java.util.Properties does for this file (no escapes, no continuations). */
async function readProperties(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const m = /^\s*([^#!\s=:][^\s=:]*)\s*[=:\s]\s*(.*?)\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

describe('isNlpUp', () => {
  it('is false for a closed port', async () => {
    expect(await isNlpUp(`http://127.0.0.1:${await freePort()}`)).toBe(false);
  });

  it(`is true for the running server at ${NLP_URL}`, async () => {
    expect(await isNlpUp(NLP_URL)).toBe(true);
  });
});

describe('infra/local-nlp/server.properties', () => {
  // -preload builds its pipeline from this file; when it differs from what requests send, the
  // first request loads models again (15 s and more here) instead of taking well under one.
  it('holds exactly what each request sends (CORENLP_PROPERTIES)', async () => {
    expect(await readProperties(SERVER_PROPERTIES), 'edit infra/local-nlp/server.properties along with CORENLP_PROPERTIES').toEqual(
      CORENLP_PROPERTIES,
    );
  });
});

describe('startLocalNlp', () => {
  // Always a port of its own, so this truly starts (and stops) a server whatever else runs here.
  it('starts a CoreNLP server with its models preloaded, reuses it, and stops it', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const server = await startLocalNlp({ port, dataDir: join(tmpdir(), `newsflow-nlp-${port}`), startTimeoutMs: 240_000 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      expect(await isNlpUp(server.url)).toBe(true);

      const started = Date.now();
      const text = 'Angela Merkel met Emmanuel Macron in Paris.';
      const annotation = await createCoreNlpEngine({ url: server.url }).annotate(text);
      const firstRequestMs = Date.now() - started;
      expect(annotation.mentions.map((m) => `${text.slice(m.start, m.end)}/${m.type}`)).toEqual([
        'Angela Merkel/PERSON',
        'Emmanuel Macron/PERSON',
        'Paris/LOCATION',
      ]);
      // Preloaded: well under a second even on a busy two-core machine; loading on demand takes 15 s+.
      expect(firstRequestMs).toBeLessThan(5_000);

      const again = await startLocalNlp({ port, dataDir: join(tmpdir(), `newsflow-nlp-${port}`) });
      await again.stop();
      expect(await isNlpUp(server.url)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(await isNlpUp(server.url)).toBe(false);
  });
});
