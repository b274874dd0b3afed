import type { Quote } from '../types';
import type { Token } from '../text/tokens';
import type { EntityTable, ResolvedMention } from '../entity/entity.resolver';
import type { QuoteSpan } from './quote-span.finder';
import { AFTER_ONLY_CUES, AUX_ADVERBS, CUE_VERBS, NAMING_VERBS, PRONOUNS } from '../lexicon/words';
import type { Ctx, Speaker } from './speaker.context';
import { DETERMINERS, isWordTok, lower, mentionEndingAt, mentionIndexBefore, speakerOf } from './speaker.context';
import { LISTENER_CUES, objectNP, subjectNP } from './speaker.resolver';
import { resolvePronoun } from './pronoun.resolver';
import { inferGender } from './gender.inference';
import { gestureLead, subjectLead } from './lead.sentence';

interface Attribution {
  speaker: Speaker | null;
  cue: string | null;
}

// after a short quote, one of these means the quote ends a phrase rather than modifying a noun
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'and',
  'or',
  'but',
  'that',
  'which',
  'as',
  'is',
  'was',
  'are',
  'were',
  'be',
  'if',
  'than',
  'into',
  'about',
  'over',
  'against',
  'because',
  'since',
  'so',
  'while',
  'when',
  'after',
  'before',
  'between',
  'among',
  'without',
  'within',
]);
// a fragment opening like a clause ("will almost certainly") is quoted speech, not a label
const CLAUSE_OPENERS = new Set([
  'will',
  'would',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'not',
  'to',
  'be',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'we',
  'i',
  'you',
  'they',
  'it',
]);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'this', 'that', 'these', 'those']);
const OBJECT_PREPOSITIONS = new Set([
  'to',
  'with',
  'for',
  'of',
  'at',
  'by',
  'from',
  'on',
  'in',
  'about',
  'into',
  'over',
  'against',
  'toward',
  'towards',
]);
const GERUND_OPENERS = new Set(['after', 'before', 'when', 'while', 'without', 'since']);
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by']);
const DASHES = new Set(['—', '–', '-', '―']);

/** Attributes each quotation span to a speaker and decides direct vs partial. */
export function attributeQuotes(
  text: string,
  tokens: readonly Token[],
  spans: readonly QuoteSpan[],
  table: EntityTable,
  posAt: (start: number) => string | undefined = () => undefined,
): Quote[] {
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
  const ctx: Ctx = { text, tokens, table, inQuote, mentionAt, posAt };
  inferGender(ctx);

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
    const signed = after?.speaker || before?.speaker ? null : signature(ctx, st.close);
    attrs.push(after?.speaker ? after : before?.speaker ? before : (signed ?? before ?? after ?? { speaker: null, cue: null }));
  });

  // direct quotes without attribution: another quote of the same paragraph, or the previous
  // paragraph's speaker when the paragraph opens with the quote (a continued quotation)
  let lastSpeaker: { para: number; attr: Attribution } | null = null;
  spans.forEach((sp, si) => {
    const st = spanTok[si]!;
    const para = tokens[st.open]?.para ?? -1;
    const a = attrs[si]!;
    // a longer fragment with no cue of its own, after a quote of the same paragraph, is more of it
    const longPartial = kinds[si] === 'partial' && text.slice(sp.start, sp.end).split(/\s+/).length >= 4;
    if (!a.speaker && !scare[si] && longPartial) {
      const prev = nearestInParagraph(attrs, spanTok, tokens, si, para, false);
      // "…, Howitt says. Just because …, 'that doesn't mean …'": the reported speech of the
      // sentence before, in the same paragraph, goes on
      const reported = prev ? null : reportedSpeaker(ctx, previousSentenceStart(tokens, st.open), st.open);
      if (prev) attrs[si] = { speaker: prev.speaker, cue: null };
      else if (reported) attrs[si] = { speaker: reported, cue: null };
    }
    if (!a.speaker && !scare[si] && kinds[si] === 'direct') {
      const same = nearestInParagraph(attrs, spanTok, tokens, si, para, true);
      if (same) {
        attrs[si] = { speaker: same.speaker, cue: null };
      } else if (opensParagraph(tokens, st.open) && lastSpeaker && lastSpeaker.para >= para - 1) {
        attrs[si] = { speaker: lastSpeaker.attr.speaker, cue: null };
      } else {
        // "Erekat said it was only the latest move." / "“They wanted us on our knees…”": a quote
        // with no cue of its own goes on from the reported speech just before it — earlier in its
        // paragraph, or in the paragraph before when it opens its own
        const opens = opensParagraph(tokens, st.open);
        const lead = colonLead(ctx, st.open);
        const reported = lead
          ? null
          : reportedSpeaker(ctx, opens ? paragraphStart(tokens, st.open - 1) : paragraphStart(tokens, st.open), st.open);
        // "…, he smiled. '…'": someone reacting just before the quotation says it
        const gesture = lead || reported || opens ? null : (gestureLead(ctx, st.open) ?? subjectLead(ctx, st.open));
        if (lead) attrs[si] = lead;
        else if (reported) attrs[si] = { speaker: reported, cue: null };
        else if (gesture) attrs[si] = { speaker: gesture, cue: null };
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
  attrs: Attribution[],
  spanTok: { open: number }[],
  tokens: readonly Token[],
  si: number,
  para: number,
  orNext: boolean,
): Attribution | null {
  for (let j = si - 1; j >= 0 && tokens[spanTok[j]!.open]?.para === para; j--) if (attrs[j]!.speaker && attrs[j]!.cue) return attrs[j]!;
  if (!orNext) return null;
  for (let j = si + 1; j < attrs.length && tokens[spanTok[j]!.open]?.para === para; j++) {
    if (attrs[j]!.speaker && attrs[j]!.cue) return attrs[j]!;
  }
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
  // ("Takin' It To the Streets": a title's small words stay in lower case)
  const titleCase = /^\p{Lu}/u.test(words[0] ?? '') && words.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL_WORDS.has(w.toLowerCase()));
  if (words.length > (titleCase ? 7 : 4)) return false;
  const prev = tokens[open - 1];
  const before = lower(prev);
  // 'Colin "Blue" Henderson': a nickname between the names of a person
  const around = close >= 0 ? ctx.table.mentions[mentionIndexBefore(ctx.table.mentions, tokens[open]!.start)] : undefined;
  if (around && around.first < open && around.last > close && words.length <= 3) return true;
  if (NAMING_VERBS.has(before) || before === 'so-called' || before === 'term' || before === 'dubbed') return true;
  if (close < 0) return false;
  const next = tokens[close + 1];
  // (words closed by a comma or a stop inside the marks end a clause: "'He is stubborn,' his wife said")
  if (
    next &&
    next.sent === tokens[close]!.sent &&
    !/[,.!?]$/.test(ctx.text.slice(tokens[open]!.end, tokens[close]!.start).trim()) &&
    isWordTok(next) &&
    /^\p{Ll}/u.test(next.text) &&
    !CUE_VERBS.has(lower(next)) &&
    !PRONOUNS.has(lower(next)) &&
    !AUX_ADVERBS.has(lower(next)) &&
    !FUNCTION_WORDS.has(lower(next)) &&
    !CLAUSE_OPENERS.has(words[0]!.toLowerCase()) &&
    // (where the model tagged it, the word after is a noun or what qualifies one: '"full but
    // defensible" given the growth' goes on with a preposition)
    /^(?:NN|JJ|VBG|CD|undefined)/.test(String(ctx.posAt(next.start)))
  ) {
    // the quoted words modify the noun after them, unless a speech verb earlier in the sentence
    // reports a phrase of them: "the company said it had made a 'fair and generous' offer" quotes
    // its words (one word is still the writer's doubt: "said the 'interim' government")
    return words.length < 2 || !reportedInSentence(ctx, open);
  }
  if (titleCase && words.length > 1) {
    const samePara = next !== undefined && next.para === tokens[close]!.para;
    // after a full stop inside the marks the sentence is over: a cue further on belongs to the next one
    const nextIsCue = samePara && !inner.endsWith('.') && (CUE_VERBS.has(lower(next)) || CUE_VERBS.has(lower(tokens[close + 2])));
    const prevIsCue = prev && (CUE_VERBS.has(before) || before === ':' || before === ',');
    if (!nextIsCue && !prevIsCue) return true;
  }
  return false;
}

/** A speech verb (not a naming one) outside quotation marks earlier in the quotation's sentence. */
function reportedInSentence(ctx: Ctx, open: number): boolean {
  const { tokens, inQuote } = ctx;
  const sent = tokens[open]!.sent;
  for (let k = open - 1; k >= 0 && tokens[k]!.sent === sent; k--) {
    const w = lower(tokens[k]);
    if (inQuote[k]! < 0 && CUE_VERBS.has(w) && !NAMING_VERBS.has(w)) return true;
  }
  return false;
}

/** "…," Blinken said / "…," said the minister / "…," Smith, the minister, said / "…," according to X */
function attributeAfter(ctx: Ctx, close: number, open: number): Attribution | null {
  const { tokens, inQuote } = ctx;
  let k = close + 1;
  // (the second mark of an AP-style closing '' is a token of its own)
  while (k < tokens.length && /^[,—–\-'’]$/.test(tokens[k]!.text)) k++;
  const startK = k;
  const first = tokens[startK];
  // "…?" Schiff asked. — the attribution may open what the tokenizer took for a new sentence
  if (!first || first.para !== tokens[close]!.para) return null;
  // after '."' the next sentence is the reporter's own; after '?"' or '!"' it may still be "Schiff asked"
  const inner = ctx.text.slice(tokens[open]!.end, tokens[close]!.start).trim();
  if (first.sent !== tokens[close]!.sent && !/[?!]['’"”]*$/.test(inner)) return null;
  const sent = first.sent;
  const end = Math.min(tokens.length, startK + 30);
  for (let j = startK; j < end; j++) {
    const t = tokens[j]!;
    if (t.sent !== sent || inQuote[j]! >= 0 || /^["“”‘]$/.test(t.text) || t.text === '.' || t.text === ';') break;
    const w = t.text.toLowerCase();
    if (w === 'according' && lower(tokens[j + 1]) === 'to') {
      const sp = objectNP(ctx, j + 2, open);
      if (sp) return { speaker: sp, cue: 'according to' };
      continue;
    }
    // "as Ruiz put it": a cue of two words
    const putIt = (w === 'put' || w === 'puts') && lower(tokens[j + 1]) === 'it';
    if ((!CUE_VERBS.has(w) || NAMING_VERBS.has(w)) && !putIt && !calledOut(tokens, j)) continue;
    // ("… State Emergency Service …": a capitalised word inside a name is no verb)
    if (j > startK && /^\p{Lu}/u.test(t.text)) continue;
    // "said Smith" names the speaker; "telling Smith" names the listener, "adding that" a clause
    if ((j === startK || tokens[j - 1]!.text === ',') && !LISTENER_CUES.has(w) && !w.endsWith('ing')) {
      const sp = objectNP(ctx, j + 1, open);
      if (sp) return { speaker: sp, cue: t.text };
    }
    if (j > startK) {
      const sub = subjectNP(ctx, startK, j, open);
      // ("…," as Ruiz put it.)
      const lead = putIt && lower(tokens[startK]) === 'as' ? startK + 1 : startK;
      if (sub && sub.from === lead) return { speaker: sub.speaker, cue: t.text };
      // "'…,' his wife Trish Henderson said": a person named after a few words of their role
      const named = mentionEndingAt(ctx.table.mentions, j - 1);
      if (named && ctx.table.entities[named.entity]!.type === 'PERSON' && rolePhraseBefore(tokens, lead, named.first)) {
        return { speaker: speakerOf(ctx, named.entity), cue: t.text };
      }
    }
  }
  return null;
}

/**
 * "'…,' his wife Trish Henderson said", "'…,' the club's captain Ana Ruiz said": the words from
 * `from` to the name are a determiner and a few lower-case words naming the person's role.
 */
function rolePhraseBefore(tokens: readonly Token[], from: number, name: number): boolean {
  if (name - from < 1 || name - from > 4 || !ROLE_OPENERS.has(lower(tokens[from]))) return false;
  for (let k = from + 1; k < name; k++) if (!/^(?:\p{Ll}[\p{Ll}-]*|['’]s)$/u.test(tokens[k]!.text)) return false;
  return true;
}

const ROLE_OPENERS = new Set(['his', 'her', 'their', 'its', 'the', 'a', 'an']);

/**
 * "'Mama, we're late,' Ruiz called from the hallway": after a quotation, "called" with no object
 * of its own ("called it …", "called the plan …" name something) is a call, words said aloud.
 */
function calledOut(tokens: readonly Token[], j: number): boolean {
  if (!/^(?:called|calls)$/i.test(tokens[j]!.text)) return false;
  const next = tokens[j + 1];
  return (
    !next || next.sent !== tokens[j]!.sent || !/^\p{L}/u.test(next.text) || /^(?:out|from|back|across|over|up|down|to)$/i.test(next.text)
  );
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
      const sp = objectNP(ctx, j + 2, open);
      if (sp) return { speaker: sp, cue: 'according to' };
    }
    // ("X put it simply: '…'", "X said on Monday: '…'": a cue earlier in the clause is found below)
    const cueEarlier = (): boolean =>
      tokens
        .slice(sentStart, j)
        .some(
          (t, i) =>
            (CUE_VERBS.has(t.text) && !NAMING_VERBS.has(t.text)) ||
            ((t.text === 'put' || t.text === 'puts') && lower(tokens[sentStart + i + 1]) === 'it'),
        );
    if (tokens[j]!.text === ':' && j === open - 1 && !CUE_VERBS.has(lower(tokens[j - 1])) && !cueEarlier()) {
      const sub = subjectNP(ctx, sentStart, j, open);
      // "He told the BBC: '…'" — the phrase before the colon is the listener; the loop finds "told"
      const objectOfCue = sub && CUE_VERBS.has(lower(tokens[sub.from - 1]));
      if (sub && !objectOfCue) return { speaker: sub.speaker, cue: null };
    }
    // "called it an 'extremely adverse development'" reports words; "called the 'Three Amigos'" names
    // ... and "called the ruling 'a blow to free speech'" reports words too
    const naming = NAMING_VERBS.has(w) && open - j <= 2 && !OBJECT_PRONOUNS.has(lower(tokens[j + 1]));
    // "As he put it after the hearing: '…'"
    const putIt = (w === 'put' || w === 'puts') && lower(tokens[j + 1]) === 'it';
    if ((!CUE_VERBS.has(w) || naming || AFTER_ONLY_CUES.has(w)) && !putIt) continue;
    if (j > sentStart && /^\p{Lu}/u.test(tokens[j]!.text)) continue;
    if (nounUse(ctx, j)) continue;
    firstCue ??= tokens[j]!.text;
    // "… by saying", "after telling": the gerund's subject is the sentence's, found below
    // ("X, which is owned by Y, defended it in a statement, saying …": a participle after a comma
    // likewise: not the words before it)
    const before = lower(tokens[j - 1]);
    if (w.endsWith('ing') && (OBJECT_PREPOSITIONS.has(before) || GERUND_OPENERS.has(before) || before === ',')) continue;
    const sub = subjectNP(ctx, sentStart, j, open);
    if (sub) return { speaker: sub.speaker, cue: tokens[j]!.text };
  }
  if (firstCue) {
    // "…, adding that it is '…'": the sentence's subject speaks (a person before anything else)
    for (let j = sentStart; j < open; j++) {
      const m = ctx.mentionAt.get(j);
      // (a name after a preposition is an object — "quick access to Siri by saying" — not the subject)
      if (
        m &&
        !m.possessive &&
        inQuote[j]! < 0 &&
        ctx.table.entities[m.entity]!.type === 'PERSON' &&
        !OBJECT_PREPOSITIONS.has(lower(tokens[j - 1]))
      ) {
        return { speaker: speakerOf(ctx, m.entity), cue: firstCue };
      }
    }
    for (let j = sentStart; j < open; j++) {
      if (inQuote[j]! >= 0) continue;
      const m = ctx.mentionAt.get(j);
      // ("On Bluesky she wrote:": a name after a preposition is no subject)
      if (m && !m.possessive && !OBJECT_PREPOSITIONS.has(lower(tokens[j - 1]))) return { speaker: speakerOf(ctx, m.entity), cue: firstCue };
      // ("He was fined in 2019, and joked on X that he was '…'": the pronoun opening it too)
      const pron = PRONOUNS.get(lower(tokens[j]));
      if (pron && lower(tokens[j]) !== 'i' && lower(tokens[j]) !== 'we') return { speaker: resolvePronoun(ctx, j, pron), cue: firstCue };
      if (isWordTok(tokens[j]) && /^\p{Ll}/u.test(tokens[j]!.text) && !DETERMINERS.has(lower(tokens[j]))) break;
    }
  }
  return null;
}

/**
 * "in a research note", "his latest post": a cue word the tagger reads as a noun after a
 * determiner or modifier. (Not a participle: "issued a statement warning that …" reports.)
 */
function nounUse(ctx: Ctx, j: number): boolean {
  if (lower(ctx.tokens[j]).endsWith('ing')) return false;
  const pos = ctx.posAt(ctx.tokens[j]!.start) ?? '';
  const before = j > 0 ? (ctx.posAt(ctx.tokens[j - 1]!.start) ?? '') : '';
  return /^NNS?$/.test(pos) && /^(?:DT|JJ|NN|NNS|PRP\$|CD|POS)$/.test(before);
}

/** The previous paragraph ends with "Blinken said:" — the speaker of a quote that opens the next one. */
function colonLead(ctx: Ctx, open: number): Attribution | null {
  const { tokens } = ctx;
  const colon = open - 1;
  const prev = tokens[colon];
  if (!prev || prev.text !== ':') return null;
  // treat the colon as the quote's start so the lead sentence is searched
  const said = attributeBefore(ctx, colon);
  if (said?.speaker || !opensParagraph(tokens, open)) return said;
  // "O'Sullivan, the finance chief, was blunter when he described the outlook:" and the quotation
  // as the next paragraph: a lead with no speech verb introduces its subject's words, when that
  // subject is a person (not "The report listed three findings:")
  let from = colon;
  while (from > 0 && tokens[from - 1]!.sent === prev.sent) from--;
  for (let k = from + 1; k < colon; k++) {
    if (ctx.inQuote[k]! >= 0 || !/^VB[DZP]$/.test(ctx.posAt(tokens[k]!.start) ?? '')) continue;
    const sub = subjectNP(ctx, from, k, open);
    return sub && sub.speaker.type === 'PERSON' ? { speaker: sub.speaker, cue: null } : said;
  }
  return said;
}

/** The first token of the sentence before token `k`'s, within its paragraph (else of its own sentence). */
function previousSentenceStart(tokens: readonly Token[], k: number): number {
  const { sent, para } = tokens[k]!;
  let j = k;
  while (j > 0 && tokens[j - 1]!.para === para && tokens[j - 1]!.sent >= sent - 1) j--;
  return j;
}

/** Index of the first token of the paragraph that token `k` is in (0 when k < 0). */
function paragraphStart(tokens: readonly Token[], k: number): number {
  if (k < 0) return 0;
  const para = tokens[k]!.para;
  while (k > 0 && tokens[k - 1]!.para === para) k--;
  return k;
}

/**
 * The named subject of the last speech verb outside quotation marks in tokens [from, to) ("Erekat
 * said …"), if there is one. (Not a pronoun: "she described him as …" is too often about someone.)
 */
function reportedSpeaker(ctx: Ctx, from: number, to: number): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  let found: Speaker | null = null;
  for (let k = from; k < to; k++) {
    const w = lower(tokens[k]);
    if (inQuote[k]! >= 0 || !CUE_VERBS.has(w) || NAMING_VERBS.has(w)) continue;
    let j = k - 1;
    while (j >= from && AUX_ADVERBS.has(lower(tokens[j]))) j--;
    const tok = tokens[j];
    if (!tok || j < from || inQuote[j]! >= 0) continue;
    const m = mentionEndingAt(table.mentions, j);
    if (m && !m.possessive) {
      found = speakerOf(ctx, m.entity);
      continue;
    }
    // "She added that rents had risen …": the person the pronoun stands for
    const pron = lower(tok);
    if ((pron === 'he' || pron === 'she') && (j === from || tokens[j - 1]!.sent !== tok.sent || tokens[j - 1]!.text === ',')) {
      found = resolvePronoun(ctx, j, 'PERSON') ?? found;
      continue;
    }
    // "Ostrander, who grew up in Kettering, said he …": a named subject before a relative clause
    // or appositives
    if (tok.text === ',') {
      let s = k;
      while (s > from && tokens[s - 1]!.sent === tokens[k]!.sent) s--;
      const sub = subjectNP(ctx, s, k, to);
      if (sub && sub.from === s && sub.speaker.entity >= 0) found = sub.speaker;
    }
  }
  return found && found.type !== 'LOCATION' ? found : null;
}

/**
 * A signature line: "…" — Name (a review, a testimonial, an embedded post), right after the
 * closing mark or opening the next paragraph.
 */
function signature(ctx: Ctx, close: number): Attribution | null {
  const { tokens } = ctx;
  if (close < 0) return null;
  const dash = tokens[close + 1];
  if (!dash || !DASHES.has(dash.text)) return null;
  // the dash ends the quote's paragraph's text or opens the next paragraph
  const closePara = tokens[close]!.para;
  if (dash.para !== closePara && (dash.para !== closePara + 1 || tokens[close + 2]?.para !== dash.para)) return null;
  const m = ctx.mentionAt.get(close + 2);
  if (!m || ctx.table.entities[m.entity]!.type === 'LOCATION') return null;
  return { speaker: speakerOf(ctx, m.entity), cue: dash.text };
}
