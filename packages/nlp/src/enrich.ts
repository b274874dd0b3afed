import type { Enrichment } from './types';
import type { ModelAnnotation, NlpEngine } from './engine/nlp.port';
import { tokenize } from './text/tokens';
import { getGazetteer } from './lexicon/gazetteer';
import { findNames } from './entity/name.finder';
import { namesFromModel } from './entity/model.names';
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

export interface EnrichArticleOptions extends EnrichOptions {
  /** The page's declared language (html lang, og:locale), if any: a hint, the text decides. */
  lang?: string | null;
  signal?: AbortSignal;
}

/**
 * Entities and attributed quotations of an article: the model (through `engine`) reads the
 * names and sentences of English text; newsflow's rules do the rest (enrichText). Text that is
 * not English is not sent to the English model: empty result, `lang` recorded. Throws only
 * NlpUnavailableError (the server is away or slow: try later); never fails over odd text.
 */
export async function enrichArticle(input: string, engine: NlpEngine, options: EnrichArticleOptions = {}): Promise<Enrichment> {
  if (typeof input !== 'string' || input.trim().length === 0) return { entities: [], quotes: [], lang: 'und' };
  const { text, notes } = bound(input, options.maxChars ?? DEFAULT_MAX_CHARS);
  const lang = languageOf(text, options.lang ?? null);
  if (lang !== 'en') return { entities: [], quotes: [], lang, ...(notes.length ? { notes } : {}) };
  const annotation = await engine.annotate(text, options.signal);
  const out = enrichText(text, annotation, options);
  return { ...out, lang, ...(notes.length ? { notes } : {}) };
}

/**
 * Named entities (PERSON, ORGANIZATION, LOCATION) merged under their fullest name, and quotations
 * with their speakers, from English news text (paragraphs separated by line breaks, the first one
 * possibly the headline) and the model's annotation of that same text. No I/O; never throws on odd input.
 */
export function enrichText(input: string, annotation: ModelAnnotation, options: EnrichOptions = {}): Enrichment {
  if (typeof input !== 'string' || input.trim().length === 0) return { entities: [], quotes: [] };
  try {
    return enrich(bound(input, options.maxChars ?? DEFAULT_MAX_CHARS).text, annotation);
  } catch (err) {
    // enrichment is an extra: an article must not fail over a rule's bug on odd text
    if (options.rethrow) throw err;
    return { entities: [], quotes: [] };
  }
}

/** Cuts a text longer than `max` at a paragraph break when possible, and says so. */
function bound(input: string, max: number): { text: string; notes: string[] } {
  if (input.length <= max) return { text: input, notes: [] };
  const cut = input.lastIndexOf('\n', max);
  const text = input.slice(0, cut > max / 2 ? cut : max);
  return { text, notes: [`the text was cut to its first ${text.length} of ${input.length} characters for entities and quotations`] };
}

/**
 * 'en' when the text reads as English. A declared language is only a hint: pages often declare
 * the site's language, not the article's; the text's own function words decide.
 */
function languageOf(text: string, declared: string | null): string {
  if (looksEnglish(tokenize(text.slice(0, 20_000)))) return 'en';
  const primary = declared?.toLowerCase().split(/[-_]/)[0];
  return primary && primary !== 'en' && /^[a-z]{2,3}$/.test(primary) ? primary : 'und';
}

function enrich(text: string, annotation: ModelAnnotation): Enrichment {
  const tokens = tokenize(text);
  const gaz = getGazetteer();
  const names = namesFromModel(text, tokens, annotation, findNames(text, tokens, gaz), gaz);
  const table = resolveEntities(text, tokens, names);
  const spans = findQuoteSpans(text);
  const pos = new Map(annotation.tokens.map((t) => [t.start, t.pos]));
  const quotes = attributeQuotes(text, tokens, spans, table, (start) => pos.get(start));
  return { entities: table.entities, quotes };
}

// English function words that are not also common words of other Latin-script languages ("a",
// "in", "an", "on", "as" are Italian, German, French or Spanish words too): in English news they
// make up about 15-35% of the words, in Italian or Portuguese text under 8%.
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to is was that for with from said says his her their they he she it be has have are were this not but by which who would will'.split(
    ' ',
  ),
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
  return words < 30 || hits / words >= 0.1; // too short to tell: try
}
