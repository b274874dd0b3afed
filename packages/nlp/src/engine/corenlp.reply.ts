import type { ModelAnnotation, ModelEntityType } from './nlp.port';

/**
 * The server's reply in the compact form newsflow asks for (`outputFormat=conll`, columns
 * `tag,ner,BEGIN_POS,END_POS`, not pretty-printed): one line per sentence, tokens apart by a space, each token
 * `TAG/NER/begin/end`. A tenth of the bytes of the JSON reply (which repeats every word three
 * times and names every field of every token): about 2 ms less of enrich's CPU an article and
 * less of the server's. The columns never hold a space or a slash (Penn tags, NER classes and
 * offsets), so the split is exact; the words themselves are read from the text by offset.
 */
export const REPLY_PROPERTIES = {
  outputFormat: 'conll',
  'output.columns': 'tag,ner,BEGIN_POS,END_POS',
  // (without it, one token a line, the columns tab-separated: twice the bytes)
  'output.prettyPrint': 'false',
} as const;

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
const TOKEN = /^([^/\s]+)\/([^/\s]+)\/(\d+)\/(\d+)$/;

/** Thrown when the reply is not in that form: a server of another version or other settings. */
export class UnreadableReplyError extends Error {}

/**
 * Adds the reply's sentences, tokens and name mentions to `out`, offsets moved by `offset` (where
 * the piece starts in the whole text). A mention is a run of tokens of one sentence with the same
 * class, as the server's own entity mentions are built from the 3-class model's IO tags; a run of
 * pronouns only ("he", "his") is left out: coreference's business, not a name.
 */
export function readReply(body: string, offset: number, out: ModelAnnotation): void {
  for (const line of body.split('\n')) {
    if (line.length === 0) continue;
    const toks = line.split(' ');
    let runStart = -1;
    let runType: string | undefined;
    let runPronouns = true;
    let prevEnd = 0;
    const close = (): void => {
      const type = runType === undefined ? undefined : TYPES[runType];
      if (type && !runPronouns) out.mentions.push({ start: runStart + offset, end: prevEnd + offset, type });
      runType = undefined;
    };
    let first = -1;
    for (const tok of toks) {
      const m = TOKEN.exec(tok);
      if (!m) throw new UnreadableReplyError(`unreadable token "${tok.slice(0, 60)}" in the NLP server's reply`);
      const [, pos, ner, b, e] = m as unknown as [string, string, string, string, string];
      const start = Number(b);
      const end = Number(e);
      if (first < 0) first = start;
      if (ner !== runType) {
        close();
        if (ner !== 'O') {
          runType = ner;
          runStart = start;
          runPronouns = true;
        }
      }
      if (runType !== undefined) runPronouns &&= PRONOUN_TAGS.has(pos);
      out.tokens.push({ start: start + offset, end: end + offset, pos });
      prevEnd = end;
    }
    close();
    out.sentences.push({ start: first + offset, end: prevEnd + offset });
  }
}
