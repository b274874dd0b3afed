import type { Enrichment } from './types';
import { tokenize } from './text/tokens';
import { getGazetteer } from './lexicon/gazetteer';
import { findNames } from './entity/name.finder';
import type { NameCandidate } from './entity/name.finder';
import { resolveEntities } from './entity/entity.resolver';
import { findQuoteSpans } from './quote/quote-span.finder';
import { attributeQuotes } from './quote/attribution';

/** Texts longer than this are cut (at a paragraph break when possible) so the cost stays bounded. */
const DEFAULT_MAX_CHARS = 2_000_000;

export interface EnrichOptions {
  /** longer texts are cut, at a paragraph break when possible (default 2,000,000 characters) */
  maxChars?: number;
  /** rethrow an internal error instead of returning an empty result (tests, benchmarks) */
  rethrow?: boolean;
}

/**
 * Named entities (PERSON, ORGANIZATION, LOCATION) merged under their fullest name, and quotations
 * with their speakers, from English news text (paragraphs separated by line breaks, the first one
 * possibly the headline). Rules and word lists only: no model, no I/O; never throws on odd input.
 */
export function enrichText(input: string, options: EnrichOptions = {}): Enrichment {
  if (typeof input !== 'string' || input.trim().length === 0) return { entities: [], quotes: [] };
  try {
    return enrich(input, options);
  } catch (err) {
    // enrichment is an extra: an article must not fail over a rule's bug on odd text
    if (options.rethrow) throw err;
    return { entities: [], quotes: [] };
  }
}

function enrich(input: string, options: EnrichOptions): Enrichment {
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  let text = input;
  if (text.length > max) {
    const cut = text.lastIndexOf('\n', max);
    text = text.slice(0, cut > max / 2 ? cut : max);
  }
  const tokens = tokenize(text);
  const gaz = getGazetteer();
  const found = findNames(text, tokens, gaz);
  if (!looksEnglish(tokens)) {
    // the rules read English only: keep the names the gazetteer knows, attribute nothing
    const known = found.filter((n) => n.known !== null);
    return { entities: resolveEntities(text, tokens, known).entities, quotes: [] };
  }
  const names = dropHeadlineGuesses(found, tokens, text);
  const table = resolveEntities(text, tokens, names);
  const spans = findQuoteSpans(text);
  const quotes = attributeQuotes(text, tokens, spans, table);
  return { entities: table.entities, quotes };
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is was that for on with as at by it he she they from said says his her their be has have are were this an not but'.split(' '),
);

/** English news text is thick with function words; other languages (and non-text) are not. */
function looksEnglish(tokens: ReturnType<typeof tokenize>): boolean {
  let words = 0;
  let latin = 0;
  let hits = 0;
  for (const t of tokens) {
    if (!/^[\p{L}]/u.test(t.text)) continue;
    words++;
    if (/^[A-Za-z]/.test(t.text)) latin++;
    if (ENGLISH_FUNCTION_WORDS.has(t.text.toLowerCase())) hits++;
  }
  if (latin * 2 < words) return false; // another script
  return words < 30 || hits / words >= 0.08; // too short to tell: try
}

/**
 * A Title Case headline capitalises every word, so its unknown capitalised words prove nothing:
 * keep only names the gazetteer knows or that the body repeats.
 */
function dropHeadlineGuesses(names: NameCandidate[], tokens: ReturnType<typeof tokenize>, text: string): NameCandidate[] {
  const headline = tokens.filter((t) => t.para === 0);
  const words = headline.filter((t) => /^\p{L}/u.test(t.text));
  const hasBody = tokens.some((t) => t.para > 0);
  if (!hasBody || words.length === 0 || words.length > 25) return names;
  // a headline has no closing full stop
  if (/[.!?:]["”’]?$/.test(headline[headline.length - 1]!.text) || /^[.!?:]$/.test(headline[headline.length - 1]!.text)) return names;
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  if (capitalised / words.length < 0.6) return names;
  const headEnd = headline[headline.length - 1]!.end;
  const body = text.slice(headEnd);
  return names.filter((n) => n.start >= headEnd || n.known !== null || n.words.every((w) => body.includes(w)));
}
