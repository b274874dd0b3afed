import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { ModelAnnotation, ModelMention } from '../engine/nlp.port';
import type { Gazetteer } from '../lexicon/gazetteer';
import { matchTitle, type NameCandidate } from './name.finder';
import { fold } from './name.index';
import { appositiveRole, isHometown, isSourceSlot, lower, reportsAsOutlet } from './entity.classifier';
import { CALENDAR_WORDS, ORG_DESCRIPTORS, ORG_HEADS, ROLE_NOUNS } from '../lexicon/words';
import { personOfOrganisation, productsToMakers, reshape, withCapitalThe, withNamedHead } from './name.boundaries';
import { joinSplitOrganisations, withFirmsNamedWhole, withLeadingAnd, withPortfolioLists } from './org.joins';
import { decideTypes, PLACE_PREFIXES } from './name.types';
import { FIRST_NAMES } from '../lexicon/first-names.data';
import { givenNameGender } from '../lexicon/given-name.gender';
import { isProductModel, productBases } from './product.names';
import { withPlatforms } from './platform.names';
import { splitAtBreaks } from './mention.breaks';

/**
 * The names of a text as the model found them, in the shape the resolver merges. The model decides
 * what is a name and its type; the rules' candidates add only what the model does not read: the
 * title in front of a name, and known places and aliases it missed ("U.S.", "PRC").
 */
export function namesFromModel(
  text: string,
  tokens: readonly Token[],
  annotation: ModelAnnotation,
  ruleNames: readonly NameCandidate[],
  gaz: Gazetteer,
): NameCandidate[] {
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  const tags = new Map(annotation.tokens.map((t) => [t.start, t]));
  const tagAt = (start: number, end: number): string | undefined => (tags.get(start)?.end === end ? tags.get(start)!.pos : undefined);
  const namedHead = withNamedHead(text, annotation.mentions);
  const ruleAt = ruleLookup(ruleNames);
  const mentions = withPortfolioLists(
    text,
    joinSplitOrganisations(
      text,
      withLeadingAnd(
        text,
        annotation.mentions,
        withPlatforms(
          tokens,
          withFirmsNamedWhole(
            text,
            annotation.mentions
              .filter((m) => m.type !== 'MISC')
              .flatMap((m) => splitAtBreaks(text, m))
              .sort((a, b) => a.start - b.start),
          ),
        ),
      ),
    ),
  )
    .reduce(withNickname(text), [] as ModelMention[])
    .map((m, i, all) => withGivenNameInFront(text, tagAt, lowerWords, all[i - 1], m, gaz))
    .flatMap((m) => personOfOrganisationMention(text, m, gaz))
    .map((m) => withDemonymInFront(text, m, gaz))
    .map((m) => namedHead(withoutLeadingCount(text, placeWithoutKind(text, afterUnderscore(text, m)))));
  const out: NameCandidate[] = [];
  let ti = 0;
  for (const m of mentions) {
    while (ti < tokens.length && tokens[ti]!.end <= m.start) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.start < m.end) tj++;
    if (tj === ti) continue;
    const split = personOfOrganisation(text, m, ruleNames);
    if (split) {
      out.push(...split);
      continue;
    }
    for (const [pm, a, b] of reshape(text, tokens, lowerWords, m, ti, tj, gaz)) {
      const c = candidateOf(text, tokens, pm, a, b, ruleAt, gaz);
      if (c) out.push(c);
    }
  }
  // What the model passed over (or called MISC) but the text itself vouches for: known places and
  // aliases, and the names the model found elsewhere in the same text ("Early" after "Chris Early",
  // a surname that is also an everyday word; "Big Machine" once the model read "Big Machine Records").
  const echoes = new Map<string, EntityType>();
  for (const c of out) {
    if (!c.modelType) continue;
    echoes.set(fold(c.words.join(' ')), c.modelType);
    // the family name comes last or, in Chinese, Korean and Hungarian names, first ("Xi said")
    if (c.modelType === 'PERSON' && c.words.length > 1) {
      echoes.set(fold(c.words[c.words.length - 1]!), 'PERSON');
      echoes.set(fold(c.words[0]!), 'PERSON');
    }
  }
  const overlapsMention = overlapIndex(mentions);
  for (const r of ruleNames) {
    if (overlapsMention(r.start, r.end)) continue;
    const echo = echoes.get(fold(r.words.join(' ')));
    if (r.known) {
      out.push(qualifiedAlias(text, tokens, r, gaz) ?? { ...r, modelType: r.known.type });
    } else if (echo) {
      out.push({ ...r, modelType: echo });
    }
    // "NetChoice, a trade group, …", "Sutrisno, the head of the inquiry, …": the appositive says
    // what the model could not (and the same words further on are the same one)
    else if (appositiveRole(tokens, r)) {
      const type = appositiveRole(tokens, r)!;
      out.push({ ...r, modelType: type });
      if (type === 'PERSON') echoes.set(fold(r.words.join(' ')), type);
    }
    // "The World Wide Fund for Nature said": a name headed by a word that names a kind of body
    // ("Fund", "Council", "Police"), before "of"/"for"/"on" or at its end, the model passed over
    // ("masquerading as a Tax Preparation Service": after "a", a kind written with capitals)
    else if (!r.sentenceInitial && headedAsBody(r.words) && !/^an?$/.test(lower(tokens[r.first - 1]))) {
      out.push({ ...r, modelType: 'ORGANIZATION' });
    }
    // "Tays, 32, of Franklin": a town
    else if (isHometown(tokens, r)) {
      out.push({ ...r, modelType: 'LOCATION' });
    }
    // "publication DigiTimes", "retailer Best Buy": the kind of organisation named right before it
    else if (!r.sentenceInitial && ORG_DESCRIPTORS.has(lower(tokens[r.first - 1])) && tokens[r.first - 1]!.sent === tokens[r.first]!.sent) {
      out.push({ ...r, modelType: 'ORGANIZATION' });
    }
    // "according to The Wrap", "told Deadline": a source the model passed over is a publication
    // or a body when it is no one's name ("Rolling Stone reported …" opens its sentence, as
    // subjects do: words the text writes nowhere in lower case)
    else if (
      isSourceSlot(tokens, r) &&
      !FIRST_NAMES.has(r.words[0]!.toLowerCase()) &&
      (!r.sentenceInitial || (reportsAsOutlet(tokens, r) && !r.words.some((w) => lowerWords.has(w.toLowerCase()))))
    ) {
      out.push({ ...(reportsAsOutlet(tokens, r) ? withOpener(text, tokens, r) : r), modelType: 'ORGANIZATION' });
    }
  }
  out.sort((a, b) => a.start - b.start);
  decideTypes(text, tokens, out, gaz);
  const openers = ordinaryOpeners(out, lowerWords);
  const bases = productBases(out, (c) => ORG_DESCRIPTORS.has(lower(tokens[c.first - 1])) || appositiveRole(tokens, c) === 'ORGANIZATION');
  const named = out.filter((c) => !isProductModel(c) && !bases.has(fold(c.words.join(' '))));
  return (
    productsToMakers(tokens, named, gaz)
      // ("MPs", "MEPs", "NGOs": the plural of an acronym names people or a kind, not one body)
      .filter((c) => !(c.words.length === 1 && /^\p{Lu}{2,}s$/u.test(c.words[0]!)))
      .filter((c) => !isVoiceAssistant(c, out) && !isModelNameTail(tokens, c, out) && !openers.has(fold(c.words[0]!)))
      .map((c) => withCapitalThe(tokens, c))
  );
}

/**
 * "Jam has always seemed …" after "made their own jam": a one-word "name" that only ever opens a
 * sentence, in a text that writes the same word in lower case, is that ordinary word — unless it
 * is a given name, a known name, or comes with a title ("Bill said", "Rose told" stay people).
 */
function ordinaryOpeners(cands: readonly NameCandidate[], lowerWords: ReadonlySet<string>): Set<string> {
  const forms = new Map<string, NameCandidate[]>();
  for (const c of cands) {
    const k = fold(c.words.join(' '));
    forms.set(k, [...(forms.get(k) ?? []), c]);
  }
  const out = new Set<string>();
  for (const [k, cs] of forms) {
    const w = cs[0]!.words;
    if (w.length !== 1 || !lowerWords.has(w[0]!.toLowerCase()) || FIRST_NAMES.has(w[0]!.toLowerCase())) continue;
    if (cs.every((c) => c.sentenceInitial && !c.title && !c.known)) out.add(k);
  }
  return out;
}

// The voice assistants built into phones and speakers: a closed class of a handful of products that
// the model reads as people (they have given names and are spoken to); no list of products beyond
// these. A fuller personal name in the text ("Alexa Chung") keeps the person.
const VOICE_ASSISTANTS = new Set(['siri', 'alexa', 'cortana', 'bixby']);

function isVoiceAssistant(c: NameCandidate, all: readonly NameCandidate[]): boolean {
  if (c.words.length !== 1 || c.modelType !== 'PERSON') return false;
  const w = c.words[0]!.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (!VOICE_ASSISTANTS.has(w)) return false;
  return !all.some((o) => o.words.length > 1 && o.modelType === 'PERSON' && o.words.some((x) => x.toLowerCase() === w));
}

/**
 * "the Zephyr 12 Pro Max", "a Nova 7 Max": a given name at the end of a product's model name
 * (right after its number, or one capitalised word after it) is no person, unless the text names
 * someone in full with it.
 */
function isModelNameTail(tokens: readonly Token[], c: NameCandidate, all: readonly NameCandidate[]): boolean {
  if (c.words.length !== 1 || c.modelType !== 'PERSON') return false;
  const sent = tokens[c.first]!.sent;
  const at = (k: number): Token | undefined => (tokens[k]?.sent === sent ? tokens[k] : undefined);
  const numbered = (t: Token | undefined): boolean => !!t && /\d/.test(t.text) && !/^(?:1[89]|20)\d\d$/.test(t.text);
  const p1 = at(c.first - 1);
  const p2 = at(c.first - 2);
  // ("No. 2 Medvedev", "#3 Okafor": a rank, not a model number)
  if (/^(?:no|#|number)$/i.test(at(c.first - (numbered(p1) ? 2 : 3))?.text.replace(/\.$/, '') ?? '')) return false;
  const tail =
    numbered(p1) ||
    (!!p1 && /^\p{Lu}\p{L}*$/u.test(p1.text) && numbered(p2) && !all.some((o) => o.first <= c.first - 1 && o.last > c.first - 1));
  if (!tail) return false;
  const w = fold(c.words[0]!);
  return !all.some((o) => o.words.length > 1 && o.modelType === 'PERSON' && o.words.some((x) => fold(x) === w));
}

/**
 * "Hallan province", "Dorne county", "MacBook Pro wall chargers": the model sometimes takes the
 * lower-case words that say what kind of place or thing it is into the name; a name ends on a
 * capitalised word.
 */
export function placeWithoutKind(text: string, m: ModelMention): ModelMention {
  if (m.type !== 'LOCATION' && m.type !== 'ORGANIZATION') return m;
  const kind = /(?:\s+\p{Ll}+)+$/u.exec(text.slice(m.start, m.end));
  if (!kind || !/\p{Lu}/u.test(text.slice(m.start, m.end - kind[0].length))) return m;
  // ("the Democratic Progressive party": a house style writing an organisation's head word small)
  if (m.type === 'ORGANIZATION' && ORG_HEADS.has(kind[0].trim().split(/\s+/).pop()!)) return m;
  return { ...m, end: m.end - kind[0].length };
}

/**
 * "Rolling Stone reported …": the name finder sets a capitalised "-ing" word opening a sentence
 * aside as an ordinary word ("Hosting Cook, …"); before "reported" the whole run is the outlet's name.
 */
function withOpener(text: string, tokens: readonly Token[], r: NameCandidate): NameCandidate {
  const prev = tokens[r.first - 1];
  const first = tokens[r.first]!;
  if (!prev || prev.sent !== first.sent || !/^\p{Lu}\p{Ll}+$/u.test(prev.text) || first.start - prev.end !== 1) return r;
  const before = tokens[r.first - 2];
  if (before && before.sent === prev.sent && !/^["“‘(]$/.test(before.text)) return r;
  return {
    ...r,
    first: r.first - 1,
    start: prev.start,
    text: text.slice(prev.start, r.end),
    words: [prev.text, ...r.words],
    sentenceInitial: true,
  };
}

const COUNT = 'One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Several|Many|Some|All|Both';
const LEADING_COUNT = new RegExp(`^(?:${COUNT})\\s+(?=\\p{Lu})`, 'u');
const COUNT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${COUNT})\\s+$`, 'u');

/**
 * "Two Bartholomew County warrants": a count opening a sentence or a list item gets taken into the
 * name after it. It is cut off when the text names the rest without it elsewhere ("a Bartholomew
 * County deputy"); "Three Mile Island" and "Two Sigma" are never written without theirs.
 */
export function withoutLeadingCount(text: string, m: ModelMention): ModelMention {
  const count = LEADING_COUNT.exec(text.slice(m.start, m.end));
  if (!count) return m;
  const rest = text.slice(m.start + count[0].length, m.end);
  for (let at = text.indexOf(rest); at >= 0; at = text.indexOf(rest, at + 1)) {
    if (!COUNT_BEFORE.test(text.slice(Math.max(0, at - 12), at))) return { ...m, start: m.start + count[0].length };
  }
  return m;
}

/**
 * "Director_Mina Park", "_Mina Park": a label joined to a name by an underscore (credits and
 * staff lists written as handles) is no part of it; no name holds an underscore. And where the
 * model, reading "Composer_Mina" as one word, kept only "Park Ji", the word after the underscore
 * is the start of the person's name.
 */
export function afterUnderscore(text: string, m: ModelMention): ModelMention {
  const at = text.slice(m.start, m.end).lastIndexOf('_');
  if (at >= 0) return /\p{Lu}/u.test(text.slice(m.start + at + 1, m.end)) ? { ...m, start: m.start + at + 1 } : m;
  const lead = m.type === 'PERSON' ? /_(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, m.start - 30), m.start)) : null;
  return lead ? { ...m, start: m.start - lead[1]!.length - 1 } : m;
}

const BODY_CONNECTORS = new Set(['of', 'for', 'on']);

/** Two words or more, one after the first a body's head word, last or before "of"/"for"/"on". */
function headedAsBody(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  return words.some(
    (w, i) =>
      i > 0 && /^\p{Lu}/u.test(w) && ORG_HEADS.has(w.toLowerCase()) && (i === words.length - 1 || BODY_CONNECTORS.has(words[i + 1]!)),
  );
}

/**
 * Whether the name ends in s and is followed, with no space, by an apostrophe alone and then a word
 * in lower case ("Akers’ mother", "Jones' lawyer"): the possessive of such names, unless the
 * sentence opened a single quotation mark before the name (then the mark closes it).
 */
function bareApostropheAfter(text: string, tokens: readonly Token[], m: ModelMention, first: number, last: number): boolean {
  const apos = tokens[last];
  if (!apos || apos.start !== m.end || !/^['’]$/.test(apos.text) || !/s$/u.test(text.slice(m.start, m.end))) return false;
  if (!/^\p{Ll}/u.test(tokens[last + 1]?.text ?? '') || tokens[last + 1]!.sent !== apos.sent) return false;
  for (let k = first - 1; k >= 0 && tokens[k]!.sent === apos.sent; k--) {
    if (tokens[k]!.text === '‘' || (tokens[k]!.text === "'" && (k === 0 || tokens[k - 1]!.end < tokens[k]!.start))) return false;
  }
  return true;
}

/** The first of the rules' names that ends where a mention ends or starts where it starts (a look-up, not a scan). */
function ruleLookup(ruleNames: readonly NameCandidate[]): (start: number, end: number) => NameCandidate | undefined {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  ruleNames.forEach((r, i) => {
    if (!byStart.has(r.start)) byStart.set(r.start, i);
    if (!byEnd.has(r.end)) byEnd.set(r.end, i);
  });
  return (start, end) => {
    const i = Math.min(byEnd.get(end) ?? Infinity, byStart.get(start) ?? Infinity);
    return Number.isFinite(i) ? ruleNames[i] : undefined;
  };
}

/** Whether a span overlaps any of `mentions` (sorted by start): the furthest end among those starting before it. */
function overlapIndex(mentions: readonly ModelMention[]): (start: number, end: number) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const starts = sorted.map((m) => m.start);
  const reach: number[] = [];
  for (const m of sorted) reach.push(Math.max(reach[reach.length - 1] ?? -1, m.end));
  return (start, end) => {
    // the mentions starting before `end`: [0, lo)
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > start;
  };
}

function candidateOf(
  text: string,
  tokens: readonly Token[],
  m: ModelMention,
  first: number,
  last: number,
  ruleAt: (start: number, end: number) => NameCandidate | undefined,
  gaz: Gazetteer,
): NameCandidate | null {
  // "Col Alexander Vindman": the model sometimes takes the title into the name; the rules set it aside
  let title: string | null = null;
  const lead = tokens.slice(first, last).map((t) => t.text);
  const inner = matchTitle(lead, 0);
  // ("St. Paul" is a city at least as often as a saint: "St." stays in the name)
  if (inner && inner.length < lead.length && m.type === 'PERSON' && !PLACE_PREFIXES.has(lead[0]!.toLowerCase())) {
    title = inner.title;
    first += inner.length;
    m = { ...m, start: tokens[first]!.start };
  }
  // "Energy" of "Energy Secretary", "State" of "Secretary of State": part of an office, not a name
  const around = tokens.slice(Math.max(0, first - 3), Math.min(tokens.length, last + 2)).map((t) => t.text);
  const at = first - Math.max(0, first - 3);
  for (let k = 0; k <= at; k++) {
    const t = matchTitle(around, k);
    if (t && k + t.length >= at + (last - first)) return null;
  }
  const lastTok = tokens[last - 1]!;
  // "Trump's": the model's mention stops before the 's, our token does not
  const tail = text.slice(m.end, lastTok.end);
  let possessive = /^['’]s?$/.test(tail);
  // "Akers’ mother": a name in s takes the apostrophe alone, a token of its own
  if (!possessive && bareApostropheAfter(text, tokens, m, first, last)) {
    possessive = true;
    last += 1;
  }
  // (a nickname in quotation marks is no word of the name: 'Colin "Blue" Henderson')
  const surface = text.slice(m.start, m.end).replace(NICKNAME, ' ');
  const words = surface.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // ("#CollectiveBias, Inc.": a corporate suffix on its own names nothing)
  if (words.length === 0 || (words.length === 1 && /^(?:inc|corp|co|ltd|llc|plc)\.?$/i.test(words[0]!))) return null;
  const whole = gaz.match(words, 0);
  const known = whole && whole.length === words.length ? whole.entry : null;
  // the title the rules saw in front of this name ("Prime Minister"), or one right before it
  const rule = ruleAt(m.start, m.end);
  title ??= rule?.title ?? null;
  if (!title) {
    const before = tokens.slice(Math.max(0, first - 3), first).map((t) => t.text);
    for (let k = 0; k < before.length && !title; k++) {
      const t = matchTitle(before, k);
      if (t && k + t.length === before.length) title = t.title;
    }
  }
  const prev = tokens[first - 1];
  return {
    first,
    last,
    start: m.start,
    end: m.end,
    text: surface,
    words,
    known,
    title,
    possessive,
    sentenceInitial: !prev || prev.sent !== tokens[first]!.sent || /^["“‘(]$/.test(prev.text),
    modelType: m.type as EntityType,
  };
}

/**
 * "Cole Ridley scored twice": the model read the surname as a person and left the given name out
 * (a given name that is also a word: Cole, Hope, Chase). The word right before a one-word person,
 * capitalised, a proper noun to the model's tagger, written nowhere in the text in lower case and
 * no title, role, date, place or other name, is the person's given name.
 */
function withGivenNameInFront(
  text: string,
  tagAt: (start: number, end: number) => string | undefined,
  lowerWords: ReadonlySet<string>,
  /** the mention before this one (mentions are in text order) */
  prev: ModelMention | undefined,
  m: ModelMention,
  gaz: Gazetteer,
): ModelMention {
  if (m.type !== 'PERSON' || /\s/u.test(text.slice(m.start, m.end)) || text[m.start - 1] !== ' ') return m;
  const word = /(?:^|[^\p{L}\p{M}'’.-])(\p{Lu}\p{Ll}+)$/u.exec(text.slice(Math.max(0, m.start - 30), m.start - 1))?.[1];
  if (!word) return m;
  const start = m.start - 1 - word.length;
  const lower = word.toLowerCase();
  if (
    tagAt(start, m.start - 1) !== 'NNP' ||
    lowerWords.has(lower) ||
    (prev !== undefined && prev.end > start) ||
    matchTitle([word], 0) !== null ||
    ROLE_NOUNS.has(lower) ||
    CALENDAR_WORDS.has(lower) ||
    gaz.match([word], 0) !== null ||
    gaz.isDemonym(word)
  ) {
    return m;
  }
  return { ...m, start };
}

// a nickname in quotation marks between a given name and a surname
const NICKNAME = /\s["“‘'][\p{Lu}][^"“”‘’'\n]{0,24}["”’']\s/u;
// a given name and a nickname right before a mention: 'Colin "Blue" ' before "Henderson"
const NAME_AND_NICKNAME = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}'’-]+)\s["“‘'][\p{Lu}][^"“”‘’'\n]{0,24}["”’']\s$/u;

/**
 * 'Colin "Blue" Henderson', 'Noel “Nudger” Kiely': the model reads the given name and the surname
 * apart (or misses the given name), the marks between them cutting the name. One person's name whole
 * (a reducer over the mentions in text order).
 */
function withNickname(text: string): (out: ModelMention[], m: ModelMention) => ModelMention[] {
  return (out, m) => {
    const found = m.type === 'PERSON' ? NAME_AND_NICKNAME.exec(text.slice(Math.max(0, m.start - 50), m.start)) : null;
    if (!found) {
      out.push(m);
      return out;
    }
    const start = m.start - found[0].length + found[0].indexOf(found[1]!);
    const prev = out[out.length - 1];
    if (prev && prev.end > start - 1 && prev.start <= start) out.pop();
    out.push({ ...m, start });
    return out;
  };
}

// a peer's seat, not an employer: "Lord Tinsley of Wrexborough"
const SEATED = /(?:^|\s)(?:Lord|Lady|Baron|Baroness|Duke|Duchess|Earl|Countess|Prince|Princess|King|Queen|Saint|St\.?)\s+\S+\s+of\s+\S+$/u;

/**
 * "Ms Koh Li Ping of Barclays described …": the model reads a person and their employer as one
 * person. Two or three capitalised words, "of", and a name: the person, and the organisation (or
 * the place the gazetteer knows). A peer's seat stays with the peer.
 */
function personOfOrganisationMention(text: string, m: ModelMention, gaz: Gazetteer): ModelMention[] {
  if (m.type !== 'PERSON' && m.type !== 'ORGANIZATION') return [m];
  const surface = text.slice(m.start, m.end);
  const at = surface.indexOf(' of ');
  if (at < 0 || SEATED.test(text.slice(Math.max(0, m.start - 12), m.end))) return [m];
  const person = surface.slice(0, at).split(' ');
  const rest = surface.slice(at + 4);
  if (person.length < 2 || person.length > 3 || !person.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) || !/^\p{Lu}/u.test(rest)) return [m];
  // ("Sofia Brandt of Nordhavn Capital" read as one organisation: a given name and a surname, no
  // word of a body — "Georgia Institute of Technology", "Bank of America" stay whole)
  if (
    m.type === 'ORGANIZATION' &&
    (givenNameGender(person[0]!) === null ||
      person.some((w) => ORG_HEADS.has(w.toLowerCase())) ||
      gaz.match(person, 0)?.length === person.length)
  ) {
    return [m];
  }
  const known = gaz.match(rest.split(' '), 0);
  const type = known?.entry.type === 'LOCATION' && known.length === rest.split(' ').length ? 'LOCATION' : 'ORGANIZATION';
  return [
    { ...m, end: m.start + at, type: 'PERSON' },
    { ...m, start: m.start + at + 4, type },
  ];
}

/**
 * "the Liberal Democrats", "Sweden Democrats": a known short name ("Democrats") with capitalised
 * words in front is another organisation, named by all its words (not the one the short name
 * stands for alone).
 */
function qualifiedAlias(text: string, tokens: readonly Token[], r: NameCandidate, gaz: Gazetteer): NameCandidate | null {
  if (r.known?.type !== 'ORGANIZATION' || r.words.length !== 1) return null;
  let f = r.first;
  while (f > 0 && tokens[f - 1]!.sent === tokens[r.first]!.sent && /^\p{Lu}\p{Ll}+$/u.test(tokens[f - 1]!.text) && r.first - f < 3) f--;
  // (the sentence's first word is no part of it: "The", "And", "Getting")
  if (f < r.first && (f === 0 || tokens[f - 1]!.sent !== tokens[f]!.sent)) f++;
  if (f === r.first) return null;
  // ("Kentucky Democrats": a state's members of the party the short name stands for)
  const prefix = tokens.slice(f, r.first).map((t) => t.text);
  if (gaz.match(prefix, 0)?.length === prefix.length) return null;
  const start = tokens[f]!.start;
  return {
    ...r,
    start,
    first: f,
    text: text.slice(start, r.end),
    words: text.slice(start, r.end).split(/\s+/),
    known: null,
    sentenceInitial: f === 0 || tokens[f - 1]!.sent !== tokens[f]!.sent,
    modelType: 'ORGANIZATION',
  };
}

/**
 * "the Canadian Civil Liberties Association", "the Australian Workers' Union": the model leaves a
 * demonym out of an organisation's name; where the name ends on an organisation's head word and
 * the demonym stands right before it (after "the", a lower-case word or a break), it is the name's.
 */
function withDemonymInFront(text: string, m: ModelMention, gaz: Gazetteer): ModelMention {
  if (m.type !== 'ORGANIZATION') return m;
  const last = text.slice(m.start, m.end).split(/\s+/).pop()!.toLowerCase();
  if (!ORG_HEADS.has(last)) return m;
  const before = /(?:^|(\S+)\s)(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
  // (not inside a longer run of names: "Ontario Canadian …")
  if (!before || !gaz.isDemonym(before[2]!) || (before[1] && /^\p{Lu}/u.test(before[1]) && before[1] !== 'The')) return m;
  return { ...m, start: m.start - before[2]!.length - 1 };
}
