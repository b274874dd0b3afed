import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { EntityTable, ResolvedMention } from '../entity/entity.resolver';
import { ROLE_NOUNS } from '../lexicon/words';

// What the speaker rules share: the text as they read it, whom a speaker is, and how they look
// back for the people and organisations named before a point.

export interface Speaker {
  name: string;
  type: EntityType | null;
  entity: number;
}

/** What the rules read: text, tokens, entities, which tokens are quoted, which mention starts where. */
export interface Ctx {
  text: string;
  tokens: readonly Token[];
  table: EntityTable;
  /** token index -> index of the quote span containing it, or -1 */
  inQuote: Int32Array;
  /** token index -> mention starting at that token */
  mentionAt: Map<number, ResolvedMention>;
  /** the model's part-of-speech tag (Penn Treebank) of the word starting at a character offset */
  posAt: (start: number) => string | undefined;
}

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'one',
  'another',
  'his',
  'her',
  'its',
  'their',
  'our',
  'two',
  'three',
  'several',
  'some',
  'many',
  'other',
  'senior',
  'top',
]);

export const isWordTok = (t: Token | undefined): boolean => t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

export function speakerOf(ctx: Ctx, entity: number): Speaker {
  const e = ctx.table.entities[entity]!;
  return { name: e.name, type: e.type, entity };
}

export const PREPOSITIONS = new Set([
  'for',
  'of',
  'at',
  'with',
  'from',
  'in',
  'on',
  'by',
  'to',
  'during',
  'after',
  'before',
  'since',
  'about',
  'over',
  'under',
  'into',
]);

export const CLAUSE_STOPS = new Set([
  'that',
  'and',
  'but',
  'or',
  'when',
  'while',
  'because',
  'if',
  'as',
  'which',
  'who',
  'where',
  'although',
  'though',
  'so',
  'than',
  'then',
  'also',
]);

export const PP_AFTER_ROLE = new Set(['for', 'of', 'at', 'with', 'from']);

// ("Inspectors said", "Organisers said": a plural agent noun is a role too)
export const isRole = (w: string): boolean =>
  ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, '')) || isAgentNoun(w) || (w.endsWith('s') && isAgentNoun(w.slice(0, -1)));

// Nouns for what someone does are an open class ("the actor", "the guitarist", "the comedian"):
// read by their endings, less the things that end alike ("the letter said", "the paper says").
const AGENT_ENDINGS = /^[a-z-]{3,}(?:er|or|ist|ian|man|woman|person|ee)$/;

const AGENT_LOOKALIKES = new Set(
  `letter paper order filing poster register charter newsletter chapter computer number center centre quarter border
  water power tower layer matter error mirror color colour factor sector monitor motor indicator elevator reactor
  tractor vendor answer trailer cover offer other another either neither whether however together rather later
  never ever over under after per member minor major senior junior interior exterior superior inferior former
  latter meter metre liter litre theater theatre barrier carrier copper cancer counter corner dinner summer winter
  weather feather leather river silver finger murder disorder transfer folder header footer banner manner cluster
  filter ledger paper-based caller-id human woman-owned german roman degree decree fee tree spree coffee toffee
  committee guarantee agree free three knee glee`
    .split(/\s+/)
    .filter(Boolean),
);

export const isAgentNoun = (w: string): boolean => AGENT_ENDINGS.test(w) && !AGENT_LOOKALIKES.has(w);

/** The mention whose tokens include token `k`, if any. */
export function coveringMention(ctx: Ctx, k: number): ResolvedMention | undefined {
  const ms = ctx.table.mentions;
  const m = ms[mentionIndexBefore(ms, ctx.tokens[k]!.start + 1)];
  return m && m.first <= k && m.last > k ? m : undefined;
}

/**
 * Offset from `from` of the first role word in tokens [from, to) that is no word of a name
 * ("A Department of Health and Social Care spokesperson": "spokesperson", not the name's
 * "Department"), or -1.
 */
export function roleWordIn(ctx: Ctx, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const name = coveringMention(ctx, k);
    // (a one-word "name" that is a role word, "Office", is read as the role)
    if (isRole(lower(ctx.tokens[k])) && (!name || name.last - name.first < 2)) return k - from;
  }
  return -1;
}

/** Index of the last mention starting before `at` (mentions are sorted), or -1. */
export function mentionIndexBefore(ms: readonly ResolvedMention[], at: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function lastMention(ctx: Ctx, before: number, ok: (entity: number) => boolean): number {
  const ms = ctx.table.mentions;
  // look back a bounded distance: a role refers to someone named recently
  const from = mentionIndexBefore(ms, before);
  for (let i = from; i >= Math.max(0, from - 200); i--) {
    const m = ms[i]!;
    if (m.start < before && ok(m.entity)) return m.entity;
  }
  return -1;
}

/**
 * How the text introduced someone it later calls "the <noun>": "a spokesperson for the Ministry
 * of Transportation" when the introduction said whose the role is, else "the <noun>" as written
 * (`asWritten`). Null when no "a/an/one (…) <noun>" comes before `at`.
 */
export function introductionOf(ctx: Ctx, noun: string, at: number, asWritten: string): string | null {
  const escaped = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = `[\\p{Lu}][\\p{L}\\d&'’.-]*`;
  const re = new RegExp(
    `\\b(?:[Aa]n?|[Oo]ne)\\s+(?:[\\p{L}-]+\\s+)?${escaped}\\b(\\s+(?:for|of|at|with)\\s+(?:the\\s+)?${name}(?:\\s+(?:(?:of|for|and|the|on|&)\\s+)*${name})*)?`,
    'gu',
  );
  let last: RegExpExecArray | null = null;
  for (const m of ctx.text.slice(Math.max(0, at - 5000), at).matchAll(re)) last = m;
  if (last === null) return null;
  // (group 1: whose role it is)
  return last[1] ? last[0] : asWritten;
}

/** The mention whose last token is `k`, if any (mentions are sorted by start). */
export function mentionEndingAt(ms: readonly ResolvedMention[], k: number): ResolvedMention | undefined {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.last <= k + 1) lo = mid + 1;
    else hi = mid;
  }
  const m = ms[lo - 1];
  return m && m.last === k + 1 ? m : undefined;
}
