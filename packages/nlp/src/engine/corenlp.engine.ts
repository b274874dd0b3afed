import { request } from 'undici';
import type { ModelAnnotation, NlpEngine } from './nlp.port';
import { readReply, REPLY_PROPERTIES, UnreadableReplyError } from './corenlp.reply';
import { NlpUnavailableError } from './nlp.port';

export interface CoreNlpOptions {
  /** Base URL of a StanfordCoreNLPServer, e.g. http://127.0.0.1:9000 */
  url: string;
  /** One request taking longer is given up as NlpUnavailableError (default 60 s). */
  timeoutMs?: number;
  /** Texts are sent in pieces of at most this many characters, cut at paragraph breaks (default 50,000). */
  pieceChars?: number;
  /** Overrides of CORENLP_PROPERTIES (for experiments with other models; the defaults are measured). */
  properties?: Record<string, string>;
}

/**
 * What newsflow asks of CoreNLP: tokens, sentences, part-of-speech tags, lemmas and the 3-class
 * NER model (one CRF instead of three; no numeric, time or fine-grained classifiers, which cost
 * time and give types newsflow does not index). The server's -serverProperties preloads the same.
 */
export const CORENLP_PROPERTIES = {
  annotators: 'tokenize,ssplit,pos,lemma,ner',
  // tags and offsets only, one line a sentence (corenlp.reply.ts): not the JSON that names every field
  ...REPLY_PROPERTIES,
  'tokenize.options': 'invertible=false,ptb3Escaping=false,splitHyphenated=false',
  // newsflow's texts hold one paragraph (or the headline) per line: a line never runs on
  'ssplit.newlineIsSentenceBreak': 'always',
  // a "sentence" of thousands of tokens (a run of marks, a table flattened to one line) would hold
  // the tagger for tens of seconds; longer ones are left untagged (names are still found)
  'pos.maxlen': '300',
  'ner.model': 'edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz',
  'ner.applyNumericClassifiers': 'false',
  'ner.useSUTime': 'false',
  'ner.applyFineGrained': 'false',
  // (the mentions are the runs of one class in the tags, read by newsflow: corenlp.reply.ts)
  'ner.buildEntityMentions': 'false',
} as const;

/** The CoreNLP server behind the NlpEngine port. */
export function createCoreNlpEngine(opts: CoreNlpOptions): NlpEngine {
  const base = opts.url.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const pieceChars = opts.pieceChars ?? 50_000;
  const query = `properties=${encodeURIComponent(JSON.stringify({ ...CORENLP_PROPERTIES, ...opts.properties }))}`;

  const annotatePiece = async (piece: string, offset: number, out: ModelAnnotation, signal?: AbortSignal): Promise<void> => {
    let body: string;
    try {
      const res = await request(`${base}/?${query}`, {
        method: 'POST',
        body: piece,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: signal ?? AbortSignal.timeout(timeoutMs),
      });
      if (res.statusCode !== 200) {
        const detail = (await res.body.text()).slice(0, 200);
        // The server answers 500/503 while it is busy, out of threads, or timed out on its side.
        throw new NlpUnavailableError(`the NLP server at ${base} answered ${res.statusCode}: ${detail}`);
      }
      body = await res.body.text();
    } catch (err) {
      if (err instanceof NlpUnavailableError) throw err;
      throw new NlpUnavailableError(`the NLP server at ${base} is unavailable: ${(err as Error).message}`);
    }
    try {
      readReply(body, offset, out);
    } catch (err) {
      if (!(err instanceof UnreadableReplyError)) throw err;
      throw new Error(`${err.message} at ${base}: is it CoreNLP 4.5 started with infra/local-nlp's settings?`);
    }
  };

  return {
    async annotate(text, signal) {
      const out: ModelAnnotation = { tokens: [], sentences: [], mentions: [] };
      for (const [offset, piece] of pieces(text, pieceChars)) await annotatePiece(piece, offset, out, signal);
      return out;
    },
    async isReady() {
      try {
        const res = await request(`${base}/ready`, {
          method: 'GET',
          headersTimeout: 3000,
          bodyTimeout: 3000,
          signal: AbortSignal.timeout(3000),
        });
        await res.body.dump();
        return res.statusCode === 200;
      } catch {
        return false;
      }
    },
  };
}

/** [offset, piece] pairs of at most `max` characters, cut after a line break when there is one. */
export function pieces(text: string, max: number): [number, string][] {
  const out: [number, string][] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + max);
    if (end < text.length) {
      const br = text.lastIndexOf('\n', end);
      if (br > at + max / 2) end = br + 1;
    }
    out.push([at, text.slice(at, end)]);
    at = end;
  }
  return out;
}
