import type { ResolvedMention } from '../entity/entity.resolver';
import { AUX_ADVERBS, CUE_VERBS, PRONOUNS } from '../lexicon/words';
import type { Ctx, Speaker } from './speaker.context';
import {
  CLAUSE_STOPS,
  DETERMINERS,
  PP_AFTER_ROLE,
  PREPOSITIONS,
  introductionOf,
  coveringMention,
  isRole,
  isWordTok,
  lower,
  mentionEndingAt,
  roleWordIn,
  speakerOf,
} from './speaker.context';
import { resolveRole } from './role.resolver';
import { resolvePronoun } from './pronoun.resolver';

// Whom a noun phrase, pronoun or role names, for the quotation rules.

export const LISTENER_CUES = new Set([
  'tell',
  'tells',
  'told',
  'telling',
  'ask',
  'asks',
  'asked',
  'asking',
  'urge',
  'urged',
  'warn',
  'warned',
  'beg',
  'begged',
]);

// documents speak for their authors: never a speaker of their own
const DOCUMENT_NOUNS = new Set([
  'statement',
  'statements',
  'report',
  'letter',
  'memo',
  'email',
  'e-mail',
  'post',
  'tweet',
  'release',
  'note',
  'document',
  'filing',
  'study',
  'survey',
  'poll',
  'message',
  'video',
  'editorial',
  'column',
  'complaint',
  'lawsuit',
  'ruling',
  'order',
  'notice',
]);

// "issued a statement warning that …": the issuer speaks
const ISSUING_VERBS = new Set([
  'issued',
  'issues',
  'issuing',
  'released',
  'releases',
  'published',
  'publishes',
  'posted',
  'posts',
  'sent',
  'sends',
  'put',
  'puts',
  'made',
  'makes',
  'filed',
  'files',
]);

/**
 * The subject noun phrase ending right before the cue verb at `cue` ("A spokesperson for the
 * British Foreign Office", "Mayer, Disney's chairman of X,", "he"), and whom it names.
 */
export function subjectNP(ctx: Ctx, from: number, cue: number, quoteOpen: number): { speaker: Speaker; from: number } | null {
  const { tokens } = ctx;
  let end = cue - 1;
  while (end >= from && AUX_ADVERBS.has(lower(tokens[end]))) end--;
  // "the American Hospital Association, which said", "Ruiz, who told": the relative's antecedent
  if (end - 2 >= from && /^(?:which|who)$/.test(lower(tokens[end])) && tokens[end - 1]!.text === ',') end -= 2;
  // "the Italian smiled and said", "Ruiz paused, then added": another verb of the same subject
  // joined to the cue; the subject is before both
  if (end - 1 > from && /^(?:and|then)$/.test(lower(tokens[end])) && /^\p{Ll}+ed$/u.test(tokens[end - 1]!.text)) {
    end -= 2;
    if (tokens[end]?.text === ',') end--;
    while (end >= from && AUX_ADVERBS.has(lower(tokens[end]))) end--;
  }
  if (end < from) return null;
  // "… said his government hosts refugees in its Far North region and asked …": a verb joined to
  // an earlier one shares its subject, which is not the phrase before "and" (the caller goes on to
  // the earlier verb)
  // ("A spokesperson for the premier's office congratulated Vandermeer and said": the subject of
  // the clause's first verb)
  if (lower(tokens[end]) === 'and') {
    for (let k = from + 1; k < end; k++) {
      if (ctx.inQuote[k]! < 0 && /^VB[DZP]$/.test(ctx.posAt(tokens[k]!.start) ?? '')) return subjectNP(ctx, from, k, quoteOpen);
    }
    return null;
  }
  const pron = PRONOUNS.get(lower(tokens[end]));
  if (pron) return lower(tokens[end]) === 'i' || lower(tokens[end]) === 'we' ? null : wrap(resolvePronoun(ctx, end, pron), end);
  // "One porter, who has worked there for 19 years and asked not to be named, said": the phrase
  // before the relative clause is the subject, whatever verbs (speech ones too) the clause holds
  const relative = relativeAntecedentEnd(ctx, from, end);
  if (relative > from) {
    const sp = namePhrase(ctx, from, relative, quoteOpen);
    if (sp) return { speaker: sp, from };
  }
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
    while (
      k > from &&
      tokens[k]!.text === ',' &&
      COMPANY_SUFFIXES.test(ctx.text.slice(tokens[k + 1]?.start ?? 0, tokens[end]!.start).trim())
    ) {
      k--;
      scan();
    }
    if (k < from || tokens[k]!.text !== ',') return leadPerson(ctx, from, cue);
    appositive = [k + 1, end];
    end = k - 1;
    if (end < from) return null;
  }
  let i = end + 1;
  while (i - 1 >= from && end - i < 10) {
    const prev = tokens[i - 1]!;
    const w = prev.text.toLowerCase();
    // "The Food and Agriculture Organization said", "the Karnataka State Pollution Control Board":
    // a word inside a name ("and", "State") is no boundary of the phrase; the name is stepped over whole
    const name = i <= end ? coveringMention(ctx, i - 1) : undefined;
    if (name && name.last > i && name.first >= from) {
      i = name.first;
      continue;
    }
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
    // (a cue verb stops the phrase, but not a capitalised word of a name: "NSW State Emergency Service")
    const cue = CUE_VERBS.has(w) && /^\p{Ll}/u.test(prev.text);
    if (i - 1 < end && (PREPOSITIONS.has(w) || CLAUSE_STOPS.has(w) || cue || PRONOUNS.has(w))) break;
    if (ctx.inQuote[i - 1]! >= 0) break;
    i--;
  }
  if (i > end) return null;
  // "Ms Koh Li Ping of Barclays described …": a person of an organisation speaks, not it
  const of = i - 1 > from && lower(tokens[i - 1]) === 'of' ? mentionEndingAt(ctx.table.mentions, i - 2) : undefined;
  if (of && of.first >= from && ctx.table.entities[of.entity]!.type === 'PERSON' && coveringMention(ctx, i)?.first === i) {
    return { speaker: speakerOf(ctx, of.entity), from: of.first };
  }
  if (DOCUMENT_NOUNS.has(lower(tokens[end])) && ISSUING_VERBS.has(lower(tokens[i - 1])) && i - 1 > from) {
    return subjectNP(ctx, from, i - 1, quoteOpen);
  }
  const sp = namePhrase(ctx, i, end + 1, quoteOpen);
  // "A spokesperson for the commission in Vientiane said", "officials in Kyiv said": the place
  // says where the subject is; the phrase before it speaks
  if (sp?.type === 'LOCATION' && !appositive && i - 1 > from && PLACE_PREPS.has(lower(tokens[i - 1]))) {
    const head = subjectNP(ctx, from, i - 1, quoteOpen);
    if (head && head.speaker.type !== 'LOCATION') return head;
  }
  // "Sofia Brandt of Nordhavn Capital in Copenhagen wrote": the place ends the phrase, the person
  // opening it speaks
  if (sp?.type === 'LOCATION' && !appositive) {
    const lead = leadPerson(ctx, from, cue);
    if (lead) return lead;
  }
  // "Cummings's lawyer, Daniel Ortiz, told": the appositive names the role
  // ("Greens MP for Ballina, Tamsin Ellery, said": the head's name is a place, the appositive the person)
  // ("The Labour MP for Sandmere and Cleethorpes, Natalie Osei, said": a role phrase's own words
  // name no one the appositive does not; a person read inside it is a place or a seat)
  if (appositive && (!sp || sp.type !== 'PERSON' || personAfterPreposition(ctx, from, end + 1))) {
    const named = namePhrase(ctx, appositive[0], appositive[1], quoteOpen);
    if (named && named.type === 'PERSON') return { speaker: named, from: i };
    const lead = leadPerson(ctx, from, cue);
    if (lead) return lead;
  }
  return sp ? { speaker: sp, from: i } : null;
}

/**
 * Where the clause's opening noun phrase ends when a relative clause follows it ("One porter, who
 * …", "A cattle grazier whose property …"): a short phrase with no verb or comma of its own, then
 * "who"/"whose". -1 otherwise.
 */
function relativeAntecedentEnd(ctx: Ctx, from: number, end: number): number {
  const { tokens } = ctx;
  for (let r = from + 1; r <= Math.min(end, from + 7); r++) {
    if (!/^(?:who|whose)$/.test(lower(tokens[r])) || ctx.inQuote[r]! >= 0) continue;
    const e = tokens[r - 1]!.text === ',' ? r - 1 : r;
    for (let k = from; k < e; k++) {
      if (!isWordTok(tokens[k]!) || /^VB/.test(ctx.posAt(tokens[k]!.start) ?? '')) return -1;
    }
    return e;
  }
  return -1;
}

/** "The Labour MP for Sandmere and Cleethorpes": a phrase opened by an article whose first person comes after a preposition. */
function personAfterPreposition(ctx: Ctx, from: number, to: number): boolean {
  if (!/^(?:the|a|an)$/.test(lower(ctx.tokens[from]))) return false;
  let preposition = false;
  for (let k = from; k < to; k++) {
    const m = ctx.mentionAt.get(k);
    if (m && ctx.table.entities[m.entity]!.type === 'PERSON') return preposition;
    preposition ||= PREPOSITIONS.has(lower(ctx.tokens[k]));
  }
  return false;
}

const PLACE_PREPS = new Set(['in', 'at', 'from', 'near']);

const PERSON_PLACE_PREPS = new Set(['of', 'at', 'in', 'from', 'for']);

/**
 * "Harold Beaumont, 78, a retired postal worker from Quincy, Massachusetts, said", "Falkner, who
 * created 'Harbor Lights' after a decade writing for TV, described": a person opening the clause,
 * then a chain of appositives or a relative clause up to the verb; the person speaks, not the last
 * link's place, role or noun. (After a title the mention leaves out, "Dr. Samuel Okonkwo, …", or
 * with a seat, "Lord Tinsley of Wrexborough, who …".)
 */
function leadPerson(ctx: Ctx, from: number, cue: number): { speaker: Speaker; from: number } | null {
  const { tokens } = ctx;
  let at = from;
  // ("Chief Inspector …", "U.S. District Judge …": capitalised title words, a place or body among them)
  while (at < from + 4 && /^\p{Lu}[\p{L}.]*$/u.test(tokens[at]?.text ?? '')) {
    const m = ctx.mentionAt.get(at);
    if (m && (m.possessive || ctx.table.entities[m.entity]!.type === 'PERSON')) break;
    at = m ? m.last : at + 1;
  }
  const lead = ctx.mentionAt.get(at);
  if (!lead || lead.possessive || ctx.table.entities[lead.entity]!.type !== 'PERSON') return null;
  let k = lead.last;
  // "of Barclays", "of the Karolinska Institute in Stockholm", "of Nordhavn Capital in Copenhagen":
  // where the person works and where that is
  if (PERSON_PLACE_PREPS.has(lower(tokens[k]))) {
    while (
      k < cue &&
      (/^\p{Lu}/u.test(tokens[k]!.text) || PERSON_PLACE_PREPS.has(lower(tokens[k])) || /^(?:the|and|&)$/.test(lower(tokens[k])))
    ) {
      k++;
    }
  }
  let verb = cue - 1;
  while (verb > k && AUX_ADVERBS.has(lower(tokens[verb]))) verb--;
  // "Sofia Brandt of Nordhavn Capital in Copenhagen wrote": the chain runs straight to the verb
  if (k > lead.last && k === verb + 1) return { speaker: speakerOf(ctx, lead.entity), from: at };
  if (tokens[k]?.text !== ',' || k >= cue - 1 || tokens[cue - 1]?.text !== ',') return null;
  return { speaker: speakerOf(ctx, lead.entity), from: at };
}

const COMPANY_SUFFIXES = /^(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|plc|PLC|AG|SA|S\.A|GmbH|NV|N\.V|LP|LLP|Jr|Sr|Ph\.D|M\.D)\.?$/;

const wrap = (speaker: Speaker | null, from: number): { speaker: Speaker; from: number } | null => (speaker ? { speaker, from } : null);

/** The noun phrase after a cue verb or "according to" ("said White House Press Secretary X"). */
export function objectNP(ctx: Ctx, k: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  const t = tokens[k];
  if (!t || !isWordTok(t) || PREPOSITIONS.has(lower(t)) || CLAUSE_STOPS.has(lower(t)) || ctx.inQuote[k]! >= 0) return null;
  let e = k;
  while (
    e < tokens.length &&
    e < k + 14 &&
    tokens[e]!.sent === t.sent &&
    ctx.inQuote[e]! < 0 &&
    (isWordTok(tokens[e]) || tokens[e]!.text === '-' || tokens[e]!.text === '&')
  ) {
    e++;
  }
  // "said Nigeria's foreign minister, Adaeze Nwosu": the role's holder, named after it
  const named = tokens[e]?.text === ',' ? ctx.mentionAt.get(e + 1) : undefined;
  if (named && !named.possessive && ctx.table.entities[named.entity]!.type === 'PERSON' && tokens[named.last]?.sent !== t.sent + 1) {
    const roleOnly = tokens.slice(k, e).some((x) => isRole(lower(x))) && !tokens.slice(k, e).some((_, n) => personAt(ctx, k + n));
    if (roleOnly) return speakerOf(ctx, named.entity);
  }
  return namePhrase(ctx, k, e, quoteOpen);
}

const personAt = (ctx: Ctx, k: number): boolean => {
  const m = ctx.mentionAt.get(k);
  return m !== undefined && ctx.table.entities[m.entity]!.type === 'PERSON';
};

/** Whom a phrase names: a person in it, else an organisation or place in its head, else a pronoun or role. */
function namePhrase(ctx: Ctx, from: number, to: number, quoteOpen: number): Speaker | null {
  const { tokens } = ctx;
  if (to <= from) return null;
  const w0 = lower(tokens[from]);
  const pron = PRONOUNS.get(w0);
  if (pron) return w0 === 'i' || w0 === 'we' ? null : resolvePronoun(ctx, from, pron);
  // the head runs to the first preposition; a person named further on ("a survey by X") still counts
  // (a name is stepped over whole: "A Department of Health and Social Care spokesperson" is headed
  // by "spokesperson", not cut at the name's "of")
  let headEnd = from;
  while (headEnd < to && !PREPOSITIONS.has(lower(tokens[headEnd]))) {
    const m = ctx.mentionAt.get(headEnd);
    headEnd = m && m.last > headEnd + 1 ? Math.min(m.last, to) : headEnd + 1;
  }
  let person: ResolvedMention | null = null;
  let other: ResolvedMention | null = null;
  for (let j = from; j < to; j++) {
    const m = ctx.mentionAt.get(j);
    if (!m || m.possessive) continue;
    const ty = ctx.table.entities[m.entity]!.type;
    if (ty === 'PERSON') {
      if (!person || j < headEnd) person = m;
    } else if (j < headEnd) {
      other ??= m;
    }
  }
  // ("The Department for Culture, Media and Sport says": a phrase that is a name, whole, is that
  // name, whatever role its head word also names)
  if (other && other.first <= (DETERMINERS.has(w0) ? from + 1 : from) && other.last >= to) return speakerOf(ctx, other.entity);
  const roleAt = roleWordIn(ctx, from, headEnd);
  if (person && (person.first < headEnd || roleAt < 0 || !/^(?:a|an|the)$/.test(w0))) return speakerOf(ctx, person.entity);
  if (other && roleAt < 0) return speakerOf(ctx, other.entity);
  // "the patients' group Healthwatch Weldshire urged": a role word, then the body's name it heads
  if (other && other.first > from + roleAt && other.last >= headEnd && ctx.table.entities[other.entity]!.type === 'ORGANIZATION') {
    return speakerOf(ctx, other.entity);
  }
  if (roleAt >= 0) return resolveRole(ctx, from, to, quoteOpen, headEnd);
  if (person) return speakerOf(ctx, person.entity);
  if (other) return speakerOf(ctx, other.entity);
  // "an insider told", "one witness said": someone unnamed, whatever the noun; ("the report said"
  // is left alone: a definite phrase often names a thing)
  const plain =
    to - from >= 2 &&
    to - from <= 4 &&
    // (the determiner may open the sentence: "One man, who …, said")
    tokens.slice(from, to).every((t, i) => /^\p{Ll}[\p{Ll}-]*$/u.test(i === 0 ? w0 : t.text)) &&
    !DOCUMENT_NOUNS.has(lower(tokens[to - 1]));
  if (plain && /^(?:a|an|one|another)$/.test(w0)) {
    return { name: ctx.text.slice(tokens[from]!.start, tokens[to - 1]!.end), type: null, entity: -1 };
  }
  // "the insider added", after "an insider told": the same unnamed speaker
  // (named as introduced: "an insider at the Treasury")
  const written = ctx.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  const intro = plain && w0 === 'the' ? introductionOf(ctx, lower(tokens[to - 1]), tokens[from]!.start, written) : null;
  if (intro) return { name: intro, type: null, entity: -1 };
  return null;
}
