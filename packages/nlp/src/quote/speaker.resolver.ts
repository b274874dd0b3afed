import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { EntityTable, ResolvedMention } from '../entity/entity.resolver';
import { AUX_ADVERBS, CUE_VERBS, ORG_ROLE_NOUNS, PRONOUNS, ROLE_NOUNS } from '../lexicon/words';

// Whom a noun phrase, pronoun or role names, for the quotation rules.

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
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'its', 'their', 'our', 'two', 'three', 'several', 'some', 'many', 'other', 'senior', 'top']);
export const isWordTok = (t: Token | undefined): boolean => t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

export function speakerOf(ctx: Ctx, entity: number): Speaker {
  const e = ctx.table.entities[entity]!;
  return { name: e.name, type: e.type, entity };
}

const PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'on', 'by', 'to', 'during', 'after', 'before', 'since', 'about', 'over', 'under', 'into']);
const CLAUSE_STOPS = new Set(['that', 'and', 'but', 'or', 'when', 'while', 'because', 'if', 'as', 'which', 'who', 'where', 'although', 'though', 'so', 'than', 'then', 'also']);
const PP_AFTER_ROLE = new Set(['for', 'of', 'at', 'with', 'from']);

export const LISTENER_CUES = new Set(['tell', 'tells', 'told', 'telling', 'ask', 'asks', 'asked', 'asking', 'urge', 'urged', 'warn', 'warned', 'beg', 'begged']);

const isRole = (w: string): boolean => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, '')) || isAgentNoun(w);

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
  filter ledger paper-based caller-id human woman-owned german roman`.split(/\s+/).filter(Boolean),
);
const isAgentNoun = (w: string): boolean => AGENT_ENDINGS.test(w) && !AGENT_LOOKALIKES.has(w);
// documents speak for their authors: never a speaker of their own
const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'report', 'letter', 'memo', 'email', 'e-mail', 'post', 'tweet', 'release', 'note', 'document', 'filing', 'study', 'survey', 'poll', 'message', 'video', 'editorial', 'column', 'complaint', 'lawsuit', 'ruling', 'order', 'notice']);
// "issued a statement warning that …": the issuer speaks
const ISSUING_VERBS = new Set(['issued', 'issues', 'issuing', 'released', 'releases', 'published', 'publishes', 'posted', 'posts', 'sent', 'sends', 'put', 'puts', 'made', 'makes', 'filed', 'files']);

/**
 * The subject noun phrase ending right before the cue verb at `cue` ("A spokesperson for the
 * British Foreign Office", "Mayer, Disney's chairman of X,", "he"), and whom it names.
 */
export function subjectNP(ctx: Ctx, from: number, cue: number, quoteOpen: number): { speaker: Speaker; from: number } | null {
  const { tokens } = ctx;
  let end = cue - 1;
  while (end >= from && AUX_ADVERBS.has(lower(tokens[end]))) end--;
  if (end < from) return null;
  const pron = PRONOUNS.get(lower(tokens[end]));
  if (pron) return lower(tokens[end]) === 'i' || lower(tokens[end]) === 'we' ? null : wrap(resolvePronoun(ctx, end, pron), end);
  // "Morrison, Vindman's superior, said": step over a comma-bounded appositive
  let appositive: [number, number] | null = null;
  if (tokens[end]!.text === ',') {
    let k = end - 1;
    const scan = (): void => {
      while (k >= from && k > end - 25 && tokens[k]!.text !== ',' && !CUE_VERBS.has(lower(tokens[k]))) k--;
    };
    scan();
    // "Steve Menet, Senior Vice President of Sales for Dräger, Inc., says": a company's suffix
    // after its own comma is still the appositive
    while (k > from && tokens[k]!.text === ',' && COMPANY_SUFFIXES.test(ctx.text.slice(tokens[k + 1]?.start ?? 0, tokens[end]!.start).trim())) {
      k--;
      scan();
    }
    if (k < from || tokens[k]!.text !== ',') return null;
    appositive = [k + 1, end];
    end = k - 1;
    if (end < from) return null;
  }
  let i = end + 1;
  while (i - 1 >= from && end - i < 10) {
    const prev = tokens[i - 1]!;
    const w = prev.text.toLowerCase();
    if (DETERMINERS.has(w)) {
      i--;
      // "a spokesperson for the Foreign Office": the determiner may open a complement of a role noun
      const p = lower(tokens[i - 1]);
      const roleBefore = [2, 3, 4].some((d) => i - d >= from && isRole(lower(tokens[i - d])));
      if (PP_AFTER_ROLE.has(p) && roleBefore) {
        i--;
        continue;
      }
      break;
    }
    if (PP_AFTER_ROLE.has(w) && [2, 3].some((d) => i - d >= from && isRole(lower(tokens[i - d])))) {
      i--;
      continue;
    }
    if (!isWordTok(prev) && prev.text !== '-' && prev.text !== '&') break;
    // "the singer and guitarist": one person by two roles
    if (w === 'and' && isRole(lower(tokens[i])) && isRole(lower(tokens[i - 2]))) {
      i--;
      continue;
    }
    if (i - 1 < end && (PREPOSITIONS.has(w) || CLAUSE_STOPS.has(w) || CUE_VERBS.has(w) || PRONOUNS.has(w))) break;
    if (ctx.inQuote[i - 1]! >= 0) break;
    i--;
  }
  if (i > end) return null;
  if (DOCUMENT_NOUNS.has(lower(tokens[end])) && ISSUING_VERBS.has(lower(tokens[i - 1])) && i - 1 > from) {
    return subjectNP(ctx, from, i - 1, quoteOpen);
  }
  const sp = namePhrase(ctx, i, end + 1, quoteOpen);
  // "Cummings's lawyer, Daniel Ortiz, told": the appositive names the role
  if (appositive && (!sp || sp.entity < 0)) {
    const named = namePhrase(ctx, appositive[0], appositive[1], quoteOpen);
    if (named && named.type === 'PERSON') return { speaker: named, from: i };
  }
  return sp ? { speaker: sp, from: i } : null;
}

const COMPANY_SUFFIXES = /^(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|plc|PLC|AG|SA|S\.A|GmbH|NV|N\.V|LP|LLP|Jr|Sr|Ph\.D|M\.D)\.?$/;

const wrap = (speaker: Speaker | null, from: number): { speaker: Speaker; from: number } | null =>
  speaker ? { speaker, from } : null;

/** The noun phrase after a cue verb or "according to" ("said White House Press Secretary X"). */
export function objectNP(ctx: Ctx, k: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  const t = tokens[k];
  if (!t || !isWordTok(t) || PREPOSITIONS.has(lower(t)) || CLAUSE_STOPS.has(lower(t)) || ctx.inQuote[k]! >= 0) return null;
  let e = k;
  while (e < tokens.length && e < k + 14 && tokens[e]!.sent === t.sent && ctx.inQuote[e]! < 0 &&
    (isWordTok(tokens[e]) || tokens[e]!.text === '-' || tokens[e]!.text === '&')) e++;
  return namePhrase(ctx, k, e, quoteOpen);
}

/** Whom a phrase names: a person in it, else an organisation or place in its head, else a pronoun or role. */
function namePhrase(ctx: Ctx, from: number, to: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  if (to <= from) return null;
  const w0 = lower(tokens[from]);
  const pron = PRONOUNS.get(w0);
  if (pron) return w0 === 'i' || w0 === 'we' ? null : resolvePronoun(ctx, from, pron);
  // the head runs to the first preposition; a person named further on ("a survey by X") still counts
  let headEnd = from;
  while (headEnd < to && !PREPOSITIONS.has(lower(tokens[headEnd]))) headEnd++;
  let person: ResolvedMention | null = null;
  let other: ResolvedMention | null = null;
  for (let j = from; j < to; j++) {
    const m = ctx.mentionAt.get(j);
    if (!m || m.possessive) continue;
    const ty = ctx.table.entities[m.entity]!.type;
    if (ty === 'PERSON') {
      if (!person || (j < headEnd)) person = m;
    } else if (j < headEnd) other ??= m;
  }
  const roleAt = tokens.slice(from, headEnd).findIndex((t) => isRole(t.text.toLowerCase()));
  if (person && (person.first < headEnd || roleAt < 0 || !/^(?:a|an|the)$/.test(w0))) return speakerOf(ctx, person.entity);
  if (other && roleAt < 0) return speakerOf(ctx, other.entity);
  if (roleAt >= 0) return resolveRole(ctx, from, to, quoteOpen, headEnd);
  if (person) return speakerOf(ctx, person.entity);
  if (other) return speakerOf(ctx, other.entity);
  // "an insider told", "one witness said": someone unnamed, whatever the noun; ("the report said"
  // is left alone: a definite phrase often names a thing)
  const plain = to - from >= 2 && to - from <= 4 && tokens.slice(from, to).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text)) && !DOCUMENT_NOUNS.has(lower(tokens[to - 1]));
  if (plain && /^(?:a|an|one|another)$/.test(w0)) return { name: ctx.text.slice(tokens[from]!.start, tokens[to - 1]!.end), type: null, entity: -1 };
  // "the insider added", after "an insider told": the same unnamed speaker
  if (plain && w0 === 'the' && introducedBefore(ctx, lower(tokens[to - 1]), tokens[from]!.start)) {
    return { name: ctx.text.slice(tokens[from]!.start, tokens[to - 1]!.end), type: null, entity: -1 };
  }
  return null;
}

/** A role phrase: a person known by that role, the organisation just named, or the phrase itself. */
function resolveRole(ctx: Ctx, from: number, to: number, quoteOpen: number, headEnd: number): Speaker | null {
  const { tokens, table } = ctx;
  const lw = tokens.slice(from, headEnd).map((t) => t.text.toLowerCase());
  const headAt = lw.findIndex(isRole);
  if (headAt < 0) return null;
  const head = lw[headAt]!.replace(/s$/, '');
  const beforeAt = tokens[quoteOpen]?.start ?? Infinity;
  // only a bare "the minister" / "the production company" / "the singer and guitarist" points back;
  // "the French foreign ministry" is someone new
  const lastRole = lw.length - 1 - [...lw].reverse().findIndex(isRole);
  // ('the "Pose" actor' reaches here as "actor", the quoted title cut off before it)
  const quotedBefore = lw.length === 1 && quotedTitleBefore(tokens, from);
  const the = lw[0] === 'the' ? 1 : 0;
  const bare = (the === 1 || quotedBefore) && lw.length - the <= 3 && lastRole === lw.length - 1 &&
    tokens.slice(from + the, headEnd).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text));
  if (bare) {
    const last = lw[lastRole]!.replace(/s$/, '');
    if (ORG_ROLE_NOUNS.has(last)) {
      const m = lastMention(ctx, beforeAt, (e) => table.entities[e]!.type === 'ORGANIZATION');
      if (m >= 0) return speakerOf(ctx, m);
    } else if (introducedBefore(ctx, lw[lastRole]!, tokens[from]!.start)) {
      return { name: ctx.text.slice(tokens[from]!.start, tokens[headEnd - 1]!.end), type: null, entity: -1 };
    } else {
      // ("the doctor said" after "a doctor on the scene": someone unnamed, as introduced)
      const m = lastMention(ctx, beforeAt, (e) => table.entities[e]!.type === 'PERSON' && (table.roles.get(e)?.has(head) ?? false));
      if (m >= 0) return speakerOf(ctx, m);
      // "said the actor": an agent noun of no known person points to the person the passage is about
      if (isAgentNoun(lw[lastRole]!) && !ROLE_NOUNS.has(lw[lastRole]!)) {
        const p = salientPerson(ctx, beforeAt);
        if (p >= 0) return speakerOf(ctx, p);
      }
    }
  }
  // an unnamed speaker: the phrase as written, up to a clause break
  let end = to;
  for (let j = from + headAt + 1; j < to; j++) {
    const w = lower(tokens[j]);
    if (CLAUSE_STOPS.has(w) || (PREPOSITIONS.has(w) && !PP_AFTER_ROLE.has(w)) || CUE_VERBS.has(w)) {
      end = j;
      break;
    }
  }
  // "the French foreign ministry" is named without its article; "a spokesperson" keeps it
  const start = lower(tokens[from]) === 'the' && end - from > 1 ? from + 1 : from;
  const phrase = ctx.text.slice(tokens[start]!.start, tokens[end - 1]!.end);
  return { name: phrase, type: null, entity: -1 };
}

/** 'the "Pose" actor': a short quoted title between "the" and the noun at `at`. */
function quotedTitleBefore(tokens: readonly Token[], at: number): boolean {
  if (!/^["“”]$/.test(tokens[at - 1]?.text ?? '')) return false;
  for (let k = at - 2; k >= Math.max(0, at - 7); k--) {
    if (/^["“”]$/.test(tokens[k]!.text)) return lower(tokens[k - 1]) === 'the';
  }
  return false;
}

/** Index of the last mention starting before `at` (mentions are sorted), or -1. */
function mentionIndexBefore(ms: readonly ResolvedMention[], at: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function lastMention(ctx: Ctx, before: number, ok: (entity: number) => boolean): number {
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
 * The person the passage before `before` is about: of the people named in its last three
 * paragraphs (outside quotes), the one the text has named most so far (the most recent on a tie).
 */
function salientPerson(ctx: Ctx, before: number): number {
  const { table, inQuote } = ctx;
  const ms = table.mentions;
  const last = mentionIndexBefore(ms, before);
  if (last < 0) return -1;
  const para = ms[last]!.para;
  const counts = new Map<number, number>();
  const recent = new Map<number, number>();
  for (let i = 0; i <= last; i++) {
    const m = ms[i]!;
    if (table.entities[m.entity]!.type !== 'PERSON' || inQuote[m.first]! >= 0) continue;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    if (m.para >= para - 2) recent.set(m.entity, i);
  }
  let best = -1;
  for (const [e, at] of recent) {
    if (best < 0 || counts.get(e)! > counts.get(best)! || (counts.get(e) === counts.get(best) && at > recent.get(best)!)) best = e;
  }
  return best;
}

/**
 * "he said": the subject (first person named, outside quotes) of the current sentence before the
 * pronoun, else of the nearest earlier sentence that names one. "it" likewise for organisations/places.
 */
export function resolvePronoun(ctx: Ctx, at: number, kind: 'PERSON' | 'THING' | 'GROUP'): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  // "he" skips a known woman, "she" a known man
  const pron = lower(tokens[at]);
  const wrongGender = pron === 'he' ? 'f' : pron === 'she' ? 'm' : null;
  const want = (e: number): boolean => {
    const ty = table.entities[e]!.type;
    if (kind === 'PERSON') return ty === 'PERSON' && (wrongGender === null || table.gender.get(e) !== wrongGender);
    return kind === 'THING' ? ty !== 'PERSON' : ty === 'ORGANIZATION';
  };
  const sentOf = tokens[at]!.sent;
  const ms = table.mentions;
  // mentions sorted by start; walk back sentence by sentence
  const idx = mentionIndexBefore(ms, tokens[at]!.start);
  let currentSent = sentOf;
  let candidate: ResolvedMention | null = null;
  for (let i = idx; i >= 0; i--) {
    const m = ms[i]!;
    if (m.sent !== currentSent) {
      if (candidate) break;
      if (sentOf - m.sent > 6) break;
      currentSent = m.sent;
    }
    // a possessive counts only as the sentence's first words ("Taylor Swift's albums ... she")
    const opensSentence = m.first === 0 || tokens[m.first - 1]!.sent !== m.sent;
    if (inQuote[m.first]! >= 0 || (m.possessive && !opensSentence) || !want(m.entity)) continue;
    candidate = m; // keep going back within the sentence: the first one is its subject
  }
  // "WIRED spoke to one mother, who … '…,' she said": someone unnamed, introduced closer than
  // anyone named
  if (kind === 'PERSON') {
    const intro = unnamedIntroBefore(ctx, at, wrongGender);
    if (intro && (!candidate || candidate.sent < intro.sent)) return intro.speaker;
  }
  return candidate ? speakerOf(ctx, candidate.entity) : null;
}

const INDEFINITES = new Set(['a', 'an', 'one', 'another']);
const FEMALE_NOUNS = new Set(['mother', 'woman', 'wife', 'daughter', 'sister', 'girl', 'spokeswoman', 'chairwoman', 'congresswoman', 'grandmother', 'actress', 'waitress', 'businesswoman']);
const MALE_NOUNS = new Set(['father', 'man', 'husband', 'son', 'brother', 'boy', 'spokesman', 'chairman', 'congressman', 'grandfather', 'actor', 'businessman']);

/** "one mother", "a local shopkeeper": an unnamed person introduced in this sentence or the one before, outside quotes. */
function unnamedIntroBefore(ctx: Ctx, at: number, wrongGender: 'm' | 'f' | null): { speaker: Speaker; sent: number } | null {
  const { tokens, inQuote } = ctx;
  const sentOf = tokens[at]!.sent;
  for (let k = at - 1; k >= 0 && tokens[k]!.sent >= sentOf - 1; k--) {
    if (inQuote[k]! >= 0 || !INDEFINITES.has(lower(tokens[k]))) continue;
    for (let j = k + 1; j <= k + 3 && j < at; j++) {
      const w = lower(tokens[j]);
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]!.text) || inQuote[j]! >= 0) break;
      if (ORG_ROLE_NOUNS.has(w) || !(isRole(w) || MALE_NOUNS.has(w) || FEMALE_NOUNS.has(w))) continue;
      if ((wrongGender === 'f' && FEMALE_NOUNS.has(w)) || (wrongGender === 'm' && MALE_NOUNS.has(w))) break;
      return { speaker: { name: ctx.text.slice(tokens[k]!.start, tokens[j]!.end), type: null, entity: -1 }, sent: tokens[k]!.sent };
    }
  }
  return null;
}

/** Whether the text before `at` introduced someone as "a/an/one <noun>" ("an insider", "a source"). */
function introducedBefore(ctx: Ctx, noun: string, at: number): boolean {
  const escaped = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:a|an|one)\\s+(?:[a-z-]+\\s+)?${escaped}\\b`, 'i').test(ctx.text.slice(Math.max(0, at - 5000), at));
}
