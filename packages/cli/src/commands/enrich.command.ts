import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createCoreNlpEngine, enrichArticle, NlpUnavailableError, type NlpEngine } from '@newsflow/nlp';
import type { LocalService } from '../local/local-process';
import { EXIT } from '../process/cli.errors';
import { configFromEnv } from '../process/config.loader';
import { reportFileFailure } from '../process/file-failure.report';

const DATA_DIR = fileURLToPath(new URL('../../../../.data/corenlp', import.meta.url));

/**
 * `newsflow enrich FILE... | -`: entities and attributed quotations of plain-text files; one JSON
 * line per file. Uses the NLP server at NLP_URL; when none answers there and it is this machine,
 * starts the local one for the run and stops it at the end.
 */
export async function enrichCommand(files: string[]): Promise<number> {
  const { nlp } = configFromEnv();
  const engine = createCoreNlpEngine({ url: nlp.url, timeoutMs: nlp.timeoutMs });
  let local: LocalService | undefined;
  try {
    if (!(await engine.isReady())) local = await startLocalServer(nlp.url);
    return await enrichFiles(files, engine);
  } catch (err) {
    if (!(err instanceof NlpUnavailableError)) throw err;
    process.stderr.write(`newsflow: ${err.message}\n`);
    return EXIT.unreachable;
  } finally {
    await local?.stop();
  }
}

async function enrichFiles(files: string[], engine: NlpEngine): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      failures++;
      reportFileFailure(file, err);
      continue;
    }
    let enriched: Awaited<ReturnType<typeof enrichArticle>>;
    try {
      enriched = await enrichArticle(text, engine);
    } catch (err) {
      // The server going away mid-run ends the run, not just this file; anything else is this file's.
      if (err instanceof NlpUnavailableError) throw err;
      failures++;
      reportFileFailure(file, err);
      continue;
    }
    const { entities, quotes, lang, notes } = enriched;
    process.stdout.write(
      `${JSON.stringify({
        file,
        lang: lang ?? 'und',
        entities: entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
        quotes: quotes.map((q) => ({
          text: q.text,
          speaker: q.speaker,
          speakerType: q.speakerType,
          kind: q.kind,
          cue: q.cue,
          start: q.start,
          end: q.end,
        })),
        notes: notes ?? [],
      })}\n`,
    );
  }
  return failures > 0 ? 1 : 0;
}

/** The local CoreNLP server for a loopback URL that nothing answers; NlpUnavailableError when it cannot be had. */
async function startLocalServer(url: string): Promise<LocalService> {
  const u = new URL(url);
  const away = `the NLP server at ${url} (NLP_URL) does not answer`;
  if (!isLoopback(u.hostname)) throw new NlpUnavailableError(away);
  process.stderr.write(
    `newsflow: no NLP server answers at ${url}: starting the local CoreNLP server (5–20 s; the first run downloads it)\n`,
  );
  try {
    // Loaded only when needed: the usual run finds a server already up.
    const { startLocalNlp } = await import('../local/local-nlp');
    return await startLocalNlp({ port: Number(u.port || 80), dataDir: DATA_DIR });
  } catch (err) {
    throw new NlpUnavailableError(`${away}, and the local one could not be started: ${(err as Error).message.split('\n')[0]}`);
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
