import type { EntityType, Quote } from '../types';
import type { Token } from '../text/tokens';
import type { EntityTable, ResolvedMention } from '../entity/entity.resolver';
import type { QuoteSpan } from './quote-span.finder';
import { AUX_ADVERBS, CUE_VERBS, NAMING_VERBS, ORG_ROLE_NOUNS, PRONOUNS, ROLE_NOUNS } from '../lexicon/words';

interface Speaker {
  name: string;
  type: EntityType | null;
  entity: number;
}

interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
}

interface Ctx {
  text: string;
  tokens: readonly Token[];
  table: EntityTable;
  /** token index -> index of the quote span containing it, or -1 */
  inQuote: Int32Array;
  /** token index -> mention starting at that token */
  mentionAt: Map<number, ResolvedMention>;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'its', 'their', 'our', 'two', 'three', 'several', 'some', 'many', 'other', 'senior', 'top']);
const STOP_NP = new Set(['in', 'on', 'at', 'to', 'during', 'after', 'before', 'on', 'with', 'from', 'via', 'when', 'while', 'as', 'that', 'and', 'but', 'who', 'which', 'last', 'this', 'earlier', 'later', 'on']);
const isWordTok = (t: Token | undefined): boolean => t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/** Attributes each quotation span to a speaker and decides direct vs partial. */
export function attributeQuotes(text: string, tokens: readonly Token[], spans: readonly QuoteSpan[], table: EntityTable): Quote[] {
  const inQuote = new Int32Array(tokens.length).fill(-1);
  const spanTok: { open: number; close: number; firstIn: number; lastIn: number }[] = [];
  let k = 0;
  spans.forEach((sp, si) => {
    while (k < tokens.length && tokens[k]!.start < sp.open) k++;
    const open = k;
    const limit = sp.close >= 0 ? sp.close : sp.end;
    let m = open + 1;
    while (m < tokens.length && tokens[m]!.start < limit) {
      inQuote[m] = si;
      m++;
    }
    const close = sp.close >= 0 ? m : -1;
    spanTok.push({ open, close, firstIn: open + 1, lastIn: m - 1 });
    k = open;
  });
  const mentionAt = new Map<number, ResolvedMention>();
  for (const m of table.mentions) mentionAt.set(m.first, m);
  const ctx: Ctx = { text, tokens, table, inQuote, mentionAt };

  const kinds: Quote['kind'][] = [];
  const attrs: Attribution[] = [];
  const scare: boolean[] = [];
  spans.forEach((sp, si) => {
    const st = spanTok[si]!;
    const direct = isDirect(ctx, st.open);
    kinds.push(direct ? 'direct' : 'partial');
    const isScare = looksLikeScareQuote(ctx, sp, st.open, st.close);
    scare.push(isScare);
    if (isScare) {
      attrs.push({ speaker: null, cue: null });
      return;
    }
    const after = st.close >= 0 ? attributeAfter(ctx, st.close, st.open) : null;
    const before = after?.speaker ? null : attributeBefore(ctx, st.open);
    attrs.push(after?.speaker ? after : before ?? after ?? { speaker: null, cue: null });
  });

  // direct quotes without attribution: another quote of the same paragraph, or the previous
  // paragraph's speaker when the paragraph opens with the quote (a continued quotation)
  let lastSpeaker: { para: number; attr: Attribution } | null = null;
  spans.forEach((sp, si) => {
    const st = spanTok[si]!;
    const para = tokens[st.open]?.para ?? -1;
    const a = attrs[si]!;
    if (!a.speaker && !scare[si] && kinds[si] === 'direct') {
      const same = nearestInParagraph(attrs, spanTok, tokens, si, para);
      if (same) attrs[si] = { speaker: same.speaker, cue: null };
      else if (opensParagraph(tokens, st.open) && lastSpeaker && lastSpeaker.para >= para - 1) {
        attrs[si] = { speaker: lastSpeaker.attr.speaker, cue: null };
      } else {
        const lead = colonLead(ctx, st.open);
        if (lead) attrs[si] = lead;
      }
    }
    const now = attrs[si]!;
    if (now.speaker) lastSpeaker = { para: lastParaOf(tokens, st, para), attr: now };
  });

  return spans.map((sp, si) => {
    const a = attrs[si]!;
    return {
      text: text.slice(sp.start, sp.end),
      start: sp.start,
      end: sp.end,
      kind: kinds[si]!,
      cue: a.cue,
      speaker: a.speaker?.name ?? null,
      speakerType: a.speaker?.type ?? null,
    };
  });
}

function lastParaOf(tokens: readonly Token[], st: { lastIn: number }, para: number): number {
  return tokens[st.lastIn]?.para ?? para;
}

function opensParagraph(tokens: readonly Token[], open: number): boolean {
  const prev = tokens[open - 1];
  return !prev || prev.para !== tokens[open]!.para;
}

function nearestInParagraph(
  attrs: Attribution[], spanTok: { open: number }[], tokens: readonly Token[], si: number, para: number,
): Attribution | null {
  for (let j = si - 1; j >= 0 && tokens[spanTok[j]!.open]?.para === para; j--) if (attrs[j]!.speaker && attrs[j]!.cue) return attrs[j]!;
  for (let j = si + 1; j < attrs.length && tokens[spanTok[j]!.open]?.para === para; j++) if (attrs[j]!.speaker && attrs[j]!.cue) return attrs[j]!;
  return null;
}

/** A quote is direct when it starts its sentence in the reporter's text, or follows "said," / ":". */
function isDirect(ctx: Ctx, open: number): boolean {
  const { tokens, inQuote } = ctx;
  const sent = tokens[open]!.sent;
  let k = open - 1;
  while (k >= 0 && tokens[k]!.sent === sent && inQuote[k]! >= 0) k--;
  const prev = tokens[k];
  if (!prev || prev.sent !== sent) return true;
  if (prev.text === ',' || prev.text === ':' || prev.text === '—' || /^["“”]$/.test(prev.text)) {
    return /^\p{Lu}/u.test(tokens[open + 1]?.text ?? '');
  }
  return false;
}

/**
 * Scare quotes, titles and nicknames: short quoted words used as a modifier ("its 'no limits'
 * partnership"), after a naming verb ("dubbed 'Three Amigos'") or in title case with no speech verb.
 */
function looksLikeScareQuote(ctx: Ctx, sp: QuoteSpan, open: number, close: number): boolean {
  const { tokens } = ctx;
  const inner = ctx.text.slice(sp.start, sp.end);
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length > 4) return false;
  const prev = tokens[open - 1];
  const before = lower(prev);
  if (NAMING_VERBS.has(before) || before === 'so-called' || before === 'term' || before === 'as' || before === 'dubbed') return true;
  if (close < 0) return false;
  const next = tokens[close + 1];
  if (next && next.sent === tokens[close]!.sent && isWordTok(next) && /^\p{Ll}/u.test(next.text) &&
      !CUE_VERBS.has(lower(next)) && !PRONOUNS.has(lower(next)) && !AUX_ADVERBS.has(lower(next))) {
    // the quoted words modify the noun after them
    return true;
  }
  if (words.every((w) => /^\p{Lu}/u.test(w)) && words.length > 1 && !/[.!?]$/.test(inner)) {
    const nextIsCue = next && CUE_VERBS.has(lower(tokens[close + 2])) || CUE_VERBS.has(lower(next));
    const prevIsCue = prev && (CUE_VERBS.has(before) || before === ':' || before === ',');
    if (!nextIsCue && !prevIsCue) return true;
  }
  return false;
}

/** "…," Blinken said / "…," said the minister / "…," according to X */
function attributeAfter(ctx: Ctx, close: number, open: number): Attribution | null {
  const { tokens, inQuote } = ctx;
  const sent = tokens[close]!.sent;
  let k = close + 1;
  while (k < tokens.length && /^[,—–-]$/.test(tokens[k]!.text)) k++;
  const end = Math.min(tokens.length, k + 12);
  const startK = k;
  for (let j = startK; j < end; j++) {
    const t = tokens[j]!;
    if (t.sent !== sent || inQuote[j]! >= 0 || /^["“”‘]$/.test(t.text) || t.text === '.' || t.text === ';') break;
    const w = t.text.toLowerCase();
    if (w === 'according' && lower(tokens[j + 1]) === 'to') {
      return { speaker: resolveNP(ctx, j + 2, open), cue: 'according to' };
    }
    if (CUE_VERBS.has(w) && !NAMING_VERBS.has(w)) {
      if (j === startK) return { speaker: resolveNP(ctx, j + 1, open), cue: t.text };
      const subj = resolveSubject(ctx, startK, j, open);
      if (subj) return { speaker: subj, cue: t.text };
      return null;
    }
  }
  return null;
}

/** X said (that) … "…" — the nearest speech verb before the quote in its sentence that has a subject. */
function attributeBefore(ctx: Ctx, open: number): Attribution | null {
  const { tokens, inQuote } = ctx;
  const sent = tokens[open]!.sent;
  let sentStart = open;
  while (sentStart > 0 && tokens[sentStart - 1]!.sent === sent) sentStart--;
  let firstCue: string | null = null;
  for (let j = open - 1; j >= sentStart; j--) {
    if (inQuote[j]! >= 0) continue;
    const w = lower(tokens[j]);
    if (w === 'according' && lower(tokens[j + 1]) === 'to') {
      const sp = resolveNP(ctx, j + 2, open);
      if (sp) return { speaker: sp, cue: 'according to' };
    }
    if (tokens[j]!.text === ':' && j === open - 1) {
      const m = mentionEndingAt(ctx, j);
      if (m) return { speaker: m, cue: null };
    }
    if (!CUE_VERBS.has(w) || NAMING_VERBS.has(w)) continue;
    firstCue ??= tokens[j]!.text;
    const subj = resolveSubject(ctx, sentStart, j, open);
    if (subj) return { speaker: subj, cue: tokens[j]!.text };
  }
  if (firstCue) {
    // "…, adding that it is '…'": the sentence's subject speaks
    for (let j = sentStart; j < open; j++) {
      if (inQuote[j]! >= 0) continue;
      const m = ctx.mentionAt.get(j);
      if (m && !m.possessive) return { speaker: speakerOf(ctx, m.entity), cue: firstCue };
      if (isWordTok(tokens[j]) && /^\p{Ll}/u.test(tokens[j]!.text) && !DETERMINERS.has(lower(tokens[j]))) {
        const pron = PRONOUNS.get(lower(tokens[j]));
        if (pron) return { speaker: resolvePronoun(ctx, j, pron), cue: firstCue };
        break;
      }
    }
  }
  return null;
}

/** The previous paragraph ends with "Blinken said:" — the speaker of a quote that opens the next one. */
function colonLead(ctx: Ctx, open: number): Attribution | null {
  const { tokens } = ctx;
  const prev = tokens[open - 1];
  if (!prev || prev.text !== ':') return null;
  // treat the colon as the quote's start so the lead sentence is searched
  return attributeBefore(ctx, open - 1);
}

function mentionEndingAt(ctx: Ctx, j: number): Speaker | null {
  for (const m of ctx.table.mentions) if (m.last === j) return speakerOf(ctx, m.entity);
  return null;
}

function speakerOf(ctx: Ctx, entity: number): Speaker {
  const e = ctx.table.entities[entity]!;
  return { name: e.name, type: e.type, entity };
}

/** Subject right before a cue verb at `cue`, skipping adverbs/auxiliaries and an appositive. */
function resolveSubject(ctx: Ctx, from: number, cue: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  let j = cue - 1;
  while (j >= from && AUX_ADVERBS.has(lower(tokens[j]))) j--;
  if (j < from) return null;
  // "Morrison, Vindman's superior, said": skip back over a comma-bounded appositive
  if (tokens[j]!.text === ',') {
    let k = j - 1;
    while (k >= from && tokens[k]!.text !== ',' && k > j - 10) k--;
    if (k >= from && tokens[k]!.text === ',') {
      const m = mentionCovering(ctx, k - 1);
      if (m && !m.possessive) return speakerOf(ctx, m.entity);
    }
    return null;
  }
  const m = mentionCovering(ctx, j);
  if (m && !m.possessive) return speakerOf(ctx, m.entity);
  const w = lower(tokens[j]);
  const pron = PRONOUNS.get(w);
  if (pron && w !== 'i' && w !== 'we') return resolvePronoun(ctx, j, pron);
  if (ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''))) {
    let k = j;
    while (k > from && k > j - 5 && isWordTok(tokens[k - 1]) && !CUE_VERBS.has(lower(tokens[k - 1]))) {
      k--;
      if (DETERMINERS.has(lower(tokens[k]))) break;
    }
    return resolveRole(ctx, k, j + 1, quoteOpen);
  }
  return null;
}

function mentionCovering(ctx: Ctx, j: number): ResolvedMention | null {
  for (let k = j; k >= Math.max(0, j - 6); k--) {
    const m = ctx.mentionAt.get(k);
    if (m && m.last > j) return m;
  }
  return null;
}

/** A noun phrase starting at `k` ("Smith", "the minister", "a spokesperson for the company", "he"). */
function resolveNP(ctx: Ctx, k: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  const t = tokens[k];
  if (!t) return null;
  const m = ctx.mentionAt.get(k);
  if (m) return speakerOf(ctx, m.entity);
  const w = lower(t);
  const pron = PRONOUNS.get(w);
  if (pron) return w === 'i' || w === 'we' ? null : resolvePronoun(ctx, k, pron);
  let e = k;
  while (e < tokens.length && e < k + 8 && isWordTok(tokens[e]) && tokens[e]!.sent === t.sent && !(e > k && STOP_NP.has(lower(tokens[e])))) {
    const mm = ctx.mentionAt.get(e);
    if (mm && e > k + 1) break;
    e++;
  }
  return resolveRole(ctx, k, e, quoteOpen);
}

/** A role phrase: a person known by that role, the organisation just named, or the phrase itself. */
function resolveRole(ctx: Ctx, from: number, to: number, quoteOpen: number): Speaker | null {
  const { tokens, table } = ctx;
  const words = tokens.slice(from, to).map((t) => t.text);
  const lw = words.map((w) => w.toLowerCase());
  const headAt = lw.findIndex((w) => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, '')));
  if (headAt < 0) return null;
  const head = lw[headAt]!;
  const definite = lw[0] === 'the' || lw[0] === 'his' || lw[0] === 'her' || lw[0] === 'its' || lw[0] === 'their';
  const beforeAt = tokens[quoteOpen]?.start ?? Infinity;
  if (definite && ORG_ROLE_NOUNS.has(head)) {
    const m = lastMention(ctx, beforeAt, (e) => table.entities[e]!.type === 'ORGANIZATION');
    if (m >= 0) return speakerOf(ctx, m);
  } else if (definite) {
    const m = lastMention(ctx, beforeAt, (e) => table.entities[e]!.type === 'PERSON' && (table.roles.get(e)?.has(head) ?? false));
    if (m >= 0) return speakerOf(ctx, m);
  }
  const phrase = ctx.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  return { name: phrase, type: null, entity: -1 };
}

function lastMention(ctx: Ctx, before: number, ok: (entity: number) => boolean): number {
  const ms = ctx.table.mentions;
  for (let i = ms.length - 1; i >= 0; i--) {
    const m = ms[i]!;
    if (m.start < before && ok(m.entity)) return m.entity;
  }
  return -1;
}

/**
 * "he said": the subject (first person named, outside quotes) of the current sentence before the
 * pronoun, else of the nearest earlier sentence that names one. "it" likewise for organisations/places.
 */
function resolvePronoun(ctx: Ctx, at: number, kind: 'PERSON' | 'THING' | 'GROUP'): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  const want = (e: number): boolean => {
    const ty = table.entities[e]!.type;
    return kind === 'PERSON' ? ty === 'PERSON' : kind === 'THING' ? ty !== 'PERSON' : ty === 'ORGANIZATION';
  };
  const sentOf = tokens[at]!.sent;
  const ms = table.mentions;
  // mentions sorted by start; walk back sentence by sentence
  let idx = ms.length - 1;
  while (idx >= 0 && ms[idx]!.start >= tokens[at]!.start) idx--;
  let currentSent = sentOf;
  let candidate: ResolvedMention | null = null;
  for (let i = idx; i >= 0; i--) {
    const m = ms[i]!;
    if (m.sent !== currentSent) {
      if (candidate) break;
      if (sentOf - m.sent > 6) break;
      currentSent = m.sent;
    }
    if (inQuote[m.first]! >= 0 || m.possessive || !want(m.entity)) continue;
    candidate = m; // keep going back within the sentence: the first one is its subject
  }
  return candidate ? speakerOf(ctx, candidate.entity) : null;
}
