import { request } from 'undici';
import type { ModelAnnotation, ModelEntityType, ModelMention, NlpEngine } from './nlp.port';
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
  outputFormat: 'json',
  // The server indents its JSON by default: about half the bytes it writes and enrich decodes
  // are that whitespace.
  'output.prettyPrint': 'false',
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
  'ner.buildEntityMentions': 'true',
} as const;

interface CoreNlpToken {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  pos: string;
  lemma: string;
}
interface CoreNlpMention {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
  tokenBegin: number;
  tokenEnd: number;
}
interface CoreNlpSentence {
  tokens: CoreNlpToken[];
  entitymentions?: CoreNlpMention[];
}

// the 3-class model's types, and the fine-grained ones the other models may give
const TYPES: Record<string, ModelEntityType> = {
  PERSON: 'PERSON',
  ORGANIZATION: 'ORGANIZATION',
  LOCATION: 'LOCATION',
  MISC: 'MISC',
  CITY: 'LOCATION',
  COUNTRY: 'LOCATION',
  STATE_OR_PROVINCE: 'LOCATION',
};
const PRONOUN_TAGS = new Set(['PRP', 'PRP$', 'WP', 'WP$']);

/** The CoreNLP server behind the NlpEngine port. */
export function createCoreNlpEngine(opts: CoreNlpOptions): NlpEngine {
  const base = opts.url.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const pieceChars = opts.pieceChars ?? 50_000;
  const query = `properties=${encodeURIComponent(JSON.stringify({ ...CORENLP_PROPERTIES, ...opts.properties }))}`;

  const annotatePiece = async (piece: string, offset: number, out: ModelAnnotation, signal?: AbortSignal): Promise<void> => {
    let body: { sentences?: CoreNlpSentence[] };
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
      body = (await res.body.json()) as { sentences?: CoreNlpSentence[] };
    } catch (err) {
      if (err instanceof NlpUnavailableError) throw err;
      throw new NlpUnavailableError(`the NLP server at ${base} is unavailable: ${(err as Error).message}`);
    }
    for (const s of body.sentences ?? []) {
      const first = s.tokens[0];
      const last = s.tokens[s.tokens.length - 1];
      if (!first || !last) continue;
      out.sentences.push({ start: first.characterOffsetBegin + offset, end: last.characterOffsetEnd + offset });
      for (const t of s.tokens) {
        out.tokens.push({ start: t.characterOffsetBegin + offset, end: t.characterOffsetEnd + offset, pos: t.pos, lemma: t.lemma });
      }
      for (const m of s.entitymentions ?? []) {
        const type = TYPES[m.ner];
        if (!type) continue;
        // "he", "his": coreference's business, not names
        const toks = s.tokens.slice(m.tokenBegin, m.tokenEnd);
        if (toks.length > 0 && toks.every((t) => PRONOUN_TAGS.has(t.pos))) continue;
        const mention: ModelMention = { start: m.characterOffsetBegin + offset, end: m.characterOffsetEnd + offset, type };
        out.mentions.push(mention);
      }
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
