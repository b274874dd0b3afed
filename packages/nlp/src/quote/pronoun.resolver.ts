import type { ResolvedMention } from '../entity/entity.resolver';
import { AUX_ADVERBS, CUE_VERBS, ORG_ROLE_NOUNS } from '../lexicon/words';
import type { Ctx, Speaker } from './speaker.context';
import { CLAUSE_STOPS, PP_AFTER_ROLE, PREPOSITIONS, isRole, lower, mentionIndexBefore, speakerOf } from './speaker.context';
import { resolveRole } from './role.resolver';

// Whom "he", "she", "it" and "they" stand for, where a speech verb has a pronoun for its subject.

/**
 * "he said": the subject (first person named, outside quotes) of the current sentence before the
 * pronoun, else of the nearest earlier sentence that names one. "it" likewise for organisations/places.
 */
export function resolvePronoun(ctx: Ctx, at: number, kind: 'PERSON' | 'THING' | 'GROUP', depth = 0): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  // "he" skips a known woman, "she" a known man
  const pron = lower(tokens[at]);
  const wrongGender = pron === 'he' || pron === 'his' ? 'f' : pron === 'she' || pron === 'her' ? 'm' : null;
  const want = (e: number): boolean => {
    const ty = table.entities[e]!.type;
    if (kind === 'PERSON') return ty === 'PERSON' && (wrongGender === null || table.gender.get(e) !== wrongGender);
    return kind === 'THING' ? ty !== 'PERSON' : ty === 'ORGANIZATION';
  };
  const sentOf = tokens[at]!.sent;
  // "During a recess, the mother spoke to reporters. '…,' she said": a sentence nearer than any
  // name whose subject is a role the text gave someone ("Ortega's mother, Luz Ortega")
  if (kind === 'PERSON' && depth === 0) {
    const role = roleSubjectBefore(ctx, at, want, wrongGender);
    if (role) return role;
  }
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
    // ("The MP for Sandmere and Cleethorpes, Natalie Osei, said": a name inside a prepositional
    // phrase is no subject where the sentence names someone else)
    if (candidate?.sent === m.sent && afterPreposition(ctx, m.first)) continue;
    // ("On Thursday, under questioning by Lena Ortiz, she said": the pronoun is the subject; the
    // names of the phrase opening its sentence are not who it stands for)
    if (m.sent === sentOf && inOpeningPhrase(ctx, m, at)) continue;
    candidate = m; // keep going back within the sentence: the first one is its subject
  }
  // "Under questioning from counsel, Daniel Fairweather SC, Mr Keighley said …": a sentence opened
  // by a preposition names people in that opening phrase; its subject is who, after a comma, speaks
  if (candidate && candidate.sent !== sentOf) {
    const speaking = subjectAfterOpening(ctx, candidate, idx, want, pron);
    if (typeof speaking === 'number') {
      if (depth < 4) return resolvePronoun(ctx, speaking, kind, depth + 1);
    } else if (speaking) {
      candidate = speaking;
    }
  }
  // "Akers' mother, Donna Akers, paid tribute … '…,' she wrote": the sentence's subject is the
  // person the possessive's role names, not the possessor
  if (candidate?.possessive) {
    const named = namedRoleOfPossessive(ctx, candidate);
    if (named && want(named.entity)) candidate = named;
  }
  // "WIRED spoke to one mother, who … '…,' she said": someone unnamed, introduced closer than
  // anyone named
  if (kind === 'PERSON') {
    const intro = unnamedIntroBefore(ctx, at, wrongGender) ?? kinSubjectBefore(ctx, at, wrongGender);
    // ("Ortiz's sister was more blunt": the possessor opening the role's own sentence is not its subject)
    const possessor = intro && candidate?.possessive && candidate.sent === intro.sent && candidate.last >= intro.first - 1;
    if (intro && (!candidate || candidate.sent < intro.sent || possessor)) return intro.speaker;
  }
  // "She learned from Clarence Fontenot … '…,' she said": a sentence whose subject is the same
  // pronoun goes on about the same person, not about the one it names (the subject stays the
  // centre of the story); that pronoun is resolved in its turn
  // ("Asked whether she was nervous about following Falkner, she quipped": the same pronoun
  // before the name in the sentence, likewise)
  if (candidate && wrongGender !== null && depth < 4) {
    const lead = samePronounBefore(ctx, candidate.sent, candidate.first, pron);
    if (lead >= 0) return resolvePronoun(ctx, lead, kind, depth + 1);
  }
  if (candidate) return speakerOf(ctx, candidate.entity);
  // a profile names its subject once and then says "he" for paragraphs on end: with no one named
  // within reach, the person the story opened with
  if (kind === 'PERSON' && depth === 0) {
    const first = ms.find((m) => inQuote[m.first]! < 0 && table.entities[m.entity]!.type === 'PERSON');
    if (first && first.start < tokens[at]!.start && want(first.entity)) return speakerOf(ctx, first.entity);
  }
  return null;
}

/**
 * In the candidate's sentence, when it opens with a preposition ("Under", "After", "During") and the
 * candidate stands in that opening phrase: the person after a comma (and a title) whose next word,
 * adverbs aside, is a speech verb. Null otherwise.
 */
function subjectAfterOpening(
  ctx: Ctx,
  candidate: ResolvedMention,
  lastIdx: number,
  want: (e: number) => boolean,
  pron: string,
): ResolvedMention | number | null {
  const { tokens, table, inQuote } = ctx;
  const start = sentenceStart(ctx, candidate.first);
  if (!PREPOSITIONS.has(lower(tokens[start])) || inQuote[start]! >= 0) return null;
  // (", she said": the same pronoun is the subject, and stands for someone named before)
  for (let k = candidate.last; k < tokens.length && tokens[k]!.sent === candidate.sent && inQuote[k]! < 0; k++) {
    if (tokens[k]!.text !== ',' || lower(tokens[k + 1]) !== pron) continue;
    let v = k + 2;
    while (v < tokens.length && AUX_ADVERBS.has(lower(tokens[v]))) v++;
    if (CUE_VERBS.has(lower(tokens[v]))) return k + 1;
  }
  for (let i = mentionIndexBefore(table.mentions, tokens[candidate.first]!.start) + 1; i <= lastIdx; i++) {
    const m = table.mentions[i]!;
    if (m.sent !== candidate.sent) break;
    if (m.entity === candidate.entity || m.possessive || inQuote[m.first]! >= 0 || !want(m.entity)) continue;
    let b = m.first - 1;
    while (b > candidate.last && /^\p{Lu}\p{Ll}{0,3}\.?$/u.test(tokens[b]!.text)) b--;
    let v = m.last;
    while (v < tokens.length && AUX_ADVERBS.has(lower(tokens[v]))) v++;
    if (tokens[b]?.text === ',' && CUE_VERBS.has(lower(tokens[v]))) return m;
  }
  return null;
}

/** The first token of token `k`'s sentence. */
function sentenceStart(ctx: Ctx, k: number): number {
  while (k > 0 && ctx.tokens[k - 1]!.sent === ctx.tokens[k]!.sent) k--;
  return k;
}

/** Mention `m` stands in the phrase that opens its sentence with a preposition, set off by a comma right before token `at`. */
function inOpeningPhrase(ctx: Ctx, m: ResolvedMention, at: number): boolean {
  return m.first < at && ctx.tokens[at - 1]?.text === ',' && PREPOSITIONS.has(lower(ctx.tokens[sentenceStart(ctx, m.first)]));
}

/** Token `k` opens the object of a preposition: "for Cleethorpes", "for Sandmere and Cleethorpes". */
function afterPreposition(ctx: Ctx, k: number): boolean {
  const { tokens } = ctx;
  const before = lower(tokens[k - 1]);
  if (before === 'and' && /^\p{Lu}/u.test(tokens[k - 2]?.text ?? '')) return PREPOSITIONS.has(lower(tokens[k - 3]));
  return PREPOSITIONS.has(before);
}

/**
 * The pronoun `pron` in sentence `sent` before token `before`, outside quotation marks, when it
 * opens the sentence (its first word outside quotes) or stands before any name of it; else -1.
 */
function samePronounBefore(ctx: Ctx, sent: number, before: number, pron: string): number {
  const { tokens, inQuote } = ctx;
  let k = before;
  while (k > 0 && tokens[k - 1]!.sent === sent) k--;
  // "Asked what he expected, Ellis Braddock did not hesitate": a name opening the main clause
  // after an opening clause is whom that clause's pronoun points ahead to
  if (OPENING_CLAUSE.has(lower(tokens[k])) && lower(tokens[before - 1]) === ',') return -1;
  // ("Her best-known novel … starring Dana Whitcomb. '…,' she told": the possessive opening the
  // sentence is its subject's, the same person)
  const possessive = pron === 'she' ? 'her' : pron === 'he' ? 'his' : null;
  for (let opening = true; k < before; k++) {
    if (inQuote[k]! >= 0) continue;
    if (lower(tokens[k]) === pron) return k;
    // ("Her sister, Ann Ortiz, was more blunt": the one the possessive's role names is the subject)
    if (opening && lower(tokens[k]) === possessive) return namesItsRole(ctx, k + 1) ? -1 : k;
    opening = false;
    if (ctx.mentionAt.has(k)) return -1;
  }
  return -1;
}

/** "sister, Ann Ortiz": from token `at`, a role or relative in at most three words, a comma and a name. */
function namesItsRole(ctx: Ctx, at: number): boolean {
  const { tokens } = ctx;
  for (let j = at; j < at + 3 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]?.text ?? ''); j++) {
    const w = lower(tokens[j]);
    if (isPersonNoun(w) && tokens[j + 1]?.text === ',') return ctx.mentionAt.has(j + 2);
  }
  return false;
}

// words that open a clause before the sentence's main one ("Asked whether …, X said")
const OPENING_CLAUSE = new Set([
  'asked',
  'when',
  'after',
  'before',
  'while',
  'although',
  'though',
  'because',
  'since',
  'once',
  'if',
  'as',
  'having',
  'despite',
  'unlike',
  'pressed',
  'speaking',
]);

const INDEFINITES = new Set(['a', 'an', 'one', 'another']);

const FEMALE_NOUNS = new Set([
  'mother',
  'woman',
  'wife',
  'daughter',
  'sister',
  'girl',
  'spokeswoman',
  'chairwoman',
  'congresswoman',
  'grandmother',
  'actress',
  'waitress',
  'businesswoman',
]);

const MALE_NOUNS = new Set([
  'father',
  'man',
  'husband',
  'son',
  'brother',
  'boy',
  'spokesman',
  'chairman',
  'congressman',
  'grandfather',
  'actor',
  'businessman',
]);

/** A noun for a person: a role ("lawyer", "porter") or a relative ("sister"), not a body's ("council"). */
const isPersonNoun = (w: string): boolean => !ORG_ROLE_NOUNS.has(w) && (isRole(w) || MALE_NOUNS.has(w) || FEMALE_NOUNS.has(w));

/** "one mother", "a local shopkeeper": an unnamed person introduced in this sentence or the one before, outside quotes. */
function unnamedIntroBefore(ctx: Ctx, at: number, wrongGender: 'm' | 'f' | null): Intro | null {
  const { tokens, inQuote } = ctx;
  // (this sentence or the one before, not counting the sentences of a quotation between)
  let since = tokens[at]!.sent - 1;
  let quote = -1;
  for (let k = at - 1; k >= 0 && tokens[k]!.sent >= since; k--) {
    // (only the quotation nearest the pronoun: a run of quotations must not carry the walk back for good)
    if (inQuote[k]! >= 0 && quote < 0) quote = inQuote[k]!;
    if (inQuote[k]! >= 0 && inQuote[k] === quote) since = Math.min(since, tokens[k]!.sent - 1);
    if (inQuote[k]! >= 0 || !INDEFINITES.has(lower(tokens[k]))) continue;
    // ("Dr. Achterberg-Lowe, a cardiologist in Milwaukee, …": an appositive of someone named)
    if (tokens[k - 1]?.text === ',' && endsName(ctx, k - 2)) continue;
    for (let j = k + 1; j <= k + 3 && j < at; j++) {
      const w = lower(tokens[j]);
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]!.text) || inQuote[j]! >= 0) break;
      if (!isPersonNoun(w)) continue;
      if ((wrongGender === 'f' && FEMALE_NOUNS.has(w)) || (wrongGender === 'm' && MALE_NOUNS.has(w))) break;
      const end = complementEnd(ctx, j + 1, at);
      return {
        speaker: { name: ctx.text.slice(tokens[k]!.start, tokens[end - 1]!.end), type: null, entity: -1 },
        sent: tokens[k]!.sent,
        first: k,
      };
    }
  }
  return null;
}

/**
 * "A spokeswoman for Carbrook Facilities Services", "a spokesperson for the commission": where the
 * role's complement, from token `at`, ends (at `at` when there is none): a preposition of a role,
 * then a name, or "the" and a few plain words, before any verb.
 */
function complementEnd(ctx: Ctx, at: number, limit: number): number {
  const { tokens, inQuote } = ctx;
  if (!PP_AFTER_ROLE.has(lower(tokens[at])) || tokens[at]!.sent !== tokens[at - 1]!.sent) return at;
  let end = at;
  let plain = 0;
  for (let j = at + 1; j < limit && tokens[j]!.sent === tokens[at]!.sent && inQuote[j]! < 0; j++) {
    const t = tokens[j]!;
    const w = lower(t);
    // (a name is taken whole, its commas and all)
    const name = ctx.mentionAt.get(j);
    if (name && name.last <= limit) {
      end = name.last;
      j = name.last - 1;
      continue;
    }
    if (/^VB/.test(ctx.posAt(t.start) ?? '')) break;
    if (/^\p{Lu}/u.test(t.text)) {
      end = j + 1;
    } else if (w === 'the' || ((w === 'of' || w === 'and' || w === '&') && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? ''))) {
      continue;
    } else if (
      /^\p{Ll}+$/u.test(t.text) &&
      lower(tokens[j - 1]) !== 'of' &&
      plain < 3 &&
      !CUE_VERBS.has(w) &&
      !CLAUSE_STOPS.has(w) &&
      !PREPOSITIONS.has(w) &&
      lower(tokens[at + 1]) === 'the'
    ) {
      plain++;
      end = j + 1;
    } else {
      break;
    }
  }
  return end;
}

interface Intro {
  speaker: Speaker;
  sent: number;
  /** the phrase's first token */
  first: number;
}

/**
 * "Her sister was more blunt. '…,' she said" / "Ortiz's lawyer disagreed. '…,' he said": the
 * sentence before the pronoun's (or its own) opens with someone's relative or role holder, left
 * unnamed, and reports a stance (a speech verb, or "was more/less …" setting them against who
 * spoke before). "His father was a miner. '…,' he said" reports no stance: the walk decides.
 */
function kinSubjectBefore(ctx: Ctx, at: number, wrongGender: 'm' | 'f' | null): Intro | null {
  const { tokens, inQuote } = ctx;
  const sentOf = tokens[at]!.sent;
  let k = at;
  for (let sent = sentOf; sent >= Math.max(0, sentOf - 1); sent--) {
    const end = k;
    while (k > 0 && tokens[k - 1]!.sent === sent) k--;
    let open = k;
    while (open < end && inQuote[open]! >= 0) open++;
    const phrase = rolePhraseAt(ctx, open, end, wrongGender);
    if (phrase && reportsStance(ctx, phrase.end, end)) {
      const from = tokens[phrase.first]!.start;
      return { speaker: { name: ctx.text.slice(from, tokens[phrase.end - 1]!.end), type: null, entity: -1 }, sent, first: phrase.first };
    }
    if (k === 0) break;
  }
  return null;
}

const POSSESSIVE_DETERMINERS = new Set(['her', 'his', 'their']);

/** "Her sister", "His longtime lawyer", "Ortiz's mother" at token `at`, not followed by the holder's name. */
function rolePhraseAt(ctx: Ctx, at: number, end: number, wrongGender: 'm' | 'f' | null): { first: number; end: number } | null {
  const { tokens } = ctx;
  let j = at;
  if (POSSESSIVE_DETERMINERS.has(lower(tokens[at]))) {
    j = at + 1;
  } else {
    const m = ctx.mentionAt.get(at);
    if (!m?.possessive || ctx.table.entities[m.entity]!.type !== 'PERSON') return null;
    j = m.last;
    while (j < end && /^['’]s?$/u.test(tokens[j]!.text)) j++;
  }
  for (let n = 0; n < 3 && j < end && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[j]!.text); n++, j++) {
    const w = lower(tokens[j]);
    if (!isPersonNoun(w)) continue;
    if ((wrongGender === 'f' && FEMALE_NOUNS.has(w)) || (wrongGender === 'm' && MALE_NOUNS.has(w))) return null;
    // ("Her sister, Ana Ortiz, …": named, so the usual walk finds her)
    if (tokens[j + 1]?.text === ',' && ctx.mentionAt.has(j + 2)) return null;
    return { first: at, end: j + 1 };
  }
  return null;
}

const BE_FORMS = new Set(['was', 'is', 'were', 'are', 'has', 'had', 'seemed', 'sounded']);

/** Tokens [from, end) say the subject took a stance: a speech verb, or "was more/less …". */
function reportsStance(ctx: Ctx, from: number, end: number): boolean {
  const { tokens, inQuote } = ctx;
  for (let j = from; j < end && j < from + 6; j++) {
    if (inQuote[j]! >= 0) return false;
    const w = lower(tokens[j]);
    if (CUE_VERBS.has(w) || STANCE_VERBS.has(w)) return true;
    if (BE_FORMS.has(w) && /^(?:more|less|even|far)$/.test(lower(tokens[j + 1]))) return true;
  }
  return false;
}

// what someone does when they answer or take a side ("His lawyer disagreed.")
const STANCE_VERBS = new Set(['disagreed', 'disagrees', 'agreed', 'agrees', 'objected', 'objects', 'put', 'puts', 'sees', 'saw']);

/** Whether token `k` is the last token of a person's name. */
function endsName(ctx: Ctx, k: number): boolean {
  for (let j = k; j >= Math.max(0, k - 5); j--) {
    const m = ctx.mentionAt.get(j);
    if (m) return m.last === k + 1 && ctx.table.entities[m.entity]!.type === 'PERSON';
  }
  return false;
}

/**
 * The person a role names ("the mother", "the prosecutor") where it is the subject of the
 * pronoun's sentence or of one of the two before it, and no person is named between it and the
 * pronoun; null when a name comes first (the usual walk then decides).
 */
function roleSubjectBefore(ctx: Ctx, at: number, want: (e: number) => boolean, wrongGender: 'm' | 'f' | null): Speaker | null {
  const { tokens, inQuote, table } = ctx;
  const sentOf = tokens[at]!.sent;
  let k = at;
  for (let sent = sentOf; sent >= Math.max(0, sentOf - 2); sent--) {
    const end = k;
    while (k > 0 && tokens[k - 1]!.sent === sent) k--;
    for (let j = k; j < end; j++) {
      const m = ctx.mentionAt.get(j);
      if (m && inQuote[j]! < 0 && table.entities[m.entity]!.type === 'PERSON') return null;
    }
    // the subject: "the <role>" among the sentence's first words outside quotes, after an opening
    // phrase at most ("During a recess, the mother …")
    for (let j = k; j < Math.min(end, k + 8); j++) {
      if (inQuote[j]! >= 0 || lower(tokens[j]) !== 'the') continue;
      // (opening the sentence or right after its opening phrase: "he addressed the minister" is an object)
      if (j > k && tokens[j - 1]!.text !== ',') break;
      const w = tokens[j + 1];
      if (!w || !/^\p{Ll}+$/u.test(w.text) || !isRole(w.text) || ORG_ROLE_NOUNS.has(w.text)) break;
      const sp = resolveRole(ctx, j, j + 2, at, j + 2);
      if (sp && sp.entity >= 0 && table.entities[sp.entity]!.type === 'PERSON' && want(sp.entity)) return sp;
      // "The owner of the panadería next door, who asked that her name not be used, said …": someone
      // never named, known by the role and whom it is of, opening the sentence
      const noun = w.text;
      const fits = !(wrongGender === 'f' && FEMALE_NOUNS.has(noun)) && !(wrongGender === 'm' && MALE_NOUNS.has(noun));
      if (sp && sp.entity < 0 && j === k && fits && PP_AFTER_ROLE.has(lower(tokens[j + 2]))) {
        const phraseEnd = complementEnd(ctx, j + 2, end);
        if (phraseEnd > j + 3) return { ...sp, name: ctx.text.slice(tokens[j]!.start, tokens[phraseEnd - 1]!.end) };
      }
      break;
    }
    if (k === 0) break;
  }
  return null;
}

/**
 * After a possessive name, its role noun and the name of who holds it, set off by a comma:
 * "Akers' mother, Donna Akers", "the senator's wife, Ann Miller". That name's mention, else null.
 */
function namedRoleOfPossessive(ctx: Ctx, m: ResolvedMention): ResolvedMention | null {
  const { tokens } = ctx;
  let j = m.last;
  while (j < tokens.length && /^['’]s?$/u.test(tokens[j]!.text)) j++;
  let role = false;
  for (let n = 0; n < 3 && j < tokens.length && /^\p{Ll}+$/u.test(tokens[j]!.text); n++, j++) role ||= isRole(tokens[j]!.text);
  if (!role || tokens[j]?.text !== ',' || tokens[j]!.sent !== m.sent) return null;
  const named = ctx.mentionAt.get(j + 1);
  return named && named.sent === m.sent && !named.possessive && ctx.table.entities[named.entity]!.type === 'PERSON' ? named : null;
}
