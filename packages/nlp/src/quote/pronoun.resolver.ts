import type { ResolvedMention } from '../entity/entity.resolver';
import { ORG_ROLE_NOUNS } from '../lexicon/words';
import type { Ctx, Speaker } from './speaker.context';
import { isRole, lower, mentionIndexBefore, speakerOf } from './speaker.context';
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
    const role = roleSubjectBefore(ctx, at, want);
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
    candidate = m; // keep going back within the sentence: the first one is its subject
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
    const intro = unnamedIntroBefore(ctx, at, wrongGender);
    if (intro && (!candidate || candidate.sent < intro.sent)) return intro.speaker;
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
    if (lower(tokens[k]) === pron || (opening && lower(tokens[k]) === possessive)) return k;
    opening = false;
    if (ctx.mentionAt.has(k)) return -1;
  }
  return -1;
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

/** "one mother", "a local shopkeeper": an unnamed person introduced in this sentence or the one before, outside quotes. */
function unnamedIntroBefore(ctx: Ctx, at: number, wrongGender: 'm' | 'f' | null): { speaker: Speaker; sent: number } | null {
  const { tokens, inQuote } = ctx;
  const sentOf = tokens[at]!.sent;
  for (let k = at - 1; k >= 0 && tokens[k]!.sent >= sentOf - 1; k--) {
    if (inQuote[k]! >= 0 || !INDEFINITES.has(lower(tokens[k]))) continue;
    // ("Dr. Achterberg-Lowe, a cardiologist in Milwaukee, …": an appositive of someone named)
    if (tokens[k - 1]?.text === ',' && endsName(ctx, k - 2)) continue;
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
function roleSubjectBefore(ctx: Ctx, at: number, want: (e: number) => boolean): Speaker | null {
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
