import type { ModelMention } from '../engine/nlp.port';
import { ORG_HEADS, ROLE_NOUNS } from '../lexicon/words';

// One organisation the model read in pieces: cut at "&" or "and" ("Procter & Gamble", "Customs
// and Border Protection", "Great Lakes Heart and Vascular Institute") or at the commas of a list
// of subjects ("Ministry of Trade, Industry and Fisheries"). These work on the model's mentions,
// before the names are shaped.

// the first word of a body named after its place ("Pennsylvania Chamber of Commerce")
const BODY_OPENERS = new Set([...ORG_HEADS, 'chamber']);

/**
 * One organisation the model read as two: "Procter & Gamble" (an ampersand always joins), and
 * "U.S. Customs and Border Protection" — "X and Y" where X ends in a plural word (Customs,
 * Services, Affairs) and Y, two words or more, is never named alone in the text. ("Google and
 * Facebook" stay two.)
 */
export function joinSplitOrganisations(text: string, mentions: ModelMention[]): ModelMention[] {
  const out: ModelMention[] = [];
  for (const m of mentions.flatMap((x) => firmPair(text, x))) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'ORGANIZATION' && m.type === 'ORGANIZATION') {
      const between = text.slice(prev.end, m.start);
      const second = text.slice(m.start, m.end);
      const aloneElsewhere = text.split(second).length - 1 > 1;
      const joined =
        between === ' & ' ||
        (between === ' and ' &&
          /\p{Lu}\p{Ll}+s$/u.test(text.slice(prev.start, prev.end)) &&
          oneBodyOpening(text, prev) &&
          /\s/.test(second) &&
          !aloneElsewhere &&
          !CORPORATE_LAST.test(second.split(/\s+/).pop()!));
      if (joined) {
        out[out.length - 1] = { ...prev, end: m.end };
        continue;
      }
    }
    // the model's two mentions one after the other, of these types, with this text between
    const pair = (a: ModelMention['type'], b: ModelMention['type'], between: string): boolean =>
      !!prev && prev.type === a && m.type === b && text.slice(prev.end, m.start) === between;
    // "the Bank of Nova" and "Scotia": an organisation "… of" a place cut before the place's last
    // word; "NHS" and "England": an organisation's national body, named by the organisation and the
    // country ("NHS England said"), not before a role ("the UN Syria envoy")
    if (
      pair('ORGANIZATION', 'LOCATION', ' ') &&
      (/ of \p{Lu}\p{L}+$/u.test(text.slice(prev!.start, prev!.end)) || (!/\s/.test(text.slice(m.start, m.end)) && !roleAfter(text, m.end)))
    ) {
      out[out.length - 1] = { ...prev!, end: m.end };
      continue;
    }
    // "the National Union of Artisanal Fishermen" and "Senegal": a body "X of Y" is "of" its
    // country too ("Federation of Trade Unions of Ukraine"), not a body and a place
    if (
      pair('ORGANIZATION', 'LOCATION', ' of ') &&
      / of /.test(text.slice(prev!.start, prev!.end)) &&
      !/^['’]s\b/.test(text.slice(m.end, m.end + 2))
    ) {
      out[out.length - 1] = { ...prev!, end: m.end };
      continue;
    }
    // "Pennsylvania" and "Chamber of Business and Industry": a place right before a body whose
    // name opens with a body's word ("Chamber", "Department", "Board") is that body's first word
    if (
      pair('LOCATION', 'ORGANIZATION', ' ') &&
      BODY_OPENERS.has(/^\p{Lu}\p{Ll}+/u.exec(text.slice(m.start, m.end))?.[0].toLowerCase() ?? '')
    ) {
      out[out.length - 1] = { ...m, start: prev!.start };
      continue;
    }
    out.push(ofPluralsWhole(text, partyStateTag(text, placeBody(text, bodyOfName(text, m)))));
  }
  const acronyms = new Set(text.match(/(?<![\p{L}\p{N}])\p{Lu}{3,8}(?![\p{L}\p{N}])/gu) ?? []);
  const spanned = out.map((m, i) => withAcronymSpan(text, m, out[i + 1], acronyms));
  return spanned.filter((m, i) => !spanned.slice(Math.max(0, i - 3), i).some((p) => p.start <= m.start && m.end <= p.end));
}

/**
 * "the Doctors and Nurses Union", "U.S. Customs and Border Protection": one body's name opens
 * with "the" or a place's short form; "arranged by Barclays and Deutsche Bank", "Goldman Sachs
 * and Morgan Stanley" are two firms.
 */
function oneBodyOpening(text: string, first: ModelMention): boolean {
  return (
    /(?:^|[^\p{L}])the $/iu.test(text.slice(Math.max(0, first.start - 5), first.start)) ||
    /^\p{Lu}(?:\.?\p{Lu})+\.? /u.test(text.slice(first.start, first.end))
  );
}

/** The word after offset `at` is a role ("envoy", "minister", "spokesman"). */
function roleAfter(text: string, at: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(at, at + 30))?.[1];
  return next !== undefined && (ROLE_NOUNS.has(next) || /(?:er|or|ist|ian|man|woman)$/.test(next));
}

// the sectors a country's public agencies are named for ("Transport Scotland", "Sport England")
const SECTORS = new Set(
  `transport police sport historic visit tourism skills creative enterprise highways natural health education
  environment culture water forestry housing`.split(/\s+/),
);

// what a place is called by in front of the body it has ("Isle of Fennick Community Council")
const PLACE_OF = /(?:^|[^\p{L}])((?:Isle|City|County|Borough|Town|Village|Port|District) of )$/u;

/**
 * "Transport Scotland" read as the country, "Isle of Fennick" + "Community Council" read as the
 * body alone: an agency named for a sector and its country, and a body whose place is named with
 * its kind.
 */
function placeBody(text: string, m: ModelMention): ModelMention {
  const before = text.slice(Math.max(0, m.start - 24), m.start);
  if (m.type === 'LOCATION' && !/\s/.test(text.slice(m.start, m.end))) {
    const sector = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) $/u.exec(before);
    if (sector && SECTORS.has(sector[1]!.toLowerCase()) && !roleAfter(text, m.end)) {
      return { ...m, start: m.start - sector[1]!.length - 1, type: 'ORGANIZATION' };
    }
  }
  const place = m.type === 'ORGANIZATION' ? PLACE_OF.exec(before) : null;
  return place ? { ...m, start: m.start - place[1]!.length } : m;
}

/** "Sen. Carol Warren, D-St. Louis,": a US party's tag names the member's state or city. */
function partyStateTag(text: string, m: ModelMention): ModelMention {
  const tag = /(?:^|[\s(,])[DRI]-((?:St\.|Ft\.|Fort|Saint|San|Los|Las|New) ?)?$/u.exec(text.slice(Math.max(0, m.start - 12), m.start));
  if (!tag) return m;
  return { ...m, start: m.start - (tag[1]?.length ?? 0), type: 'LOCATION' };
}

// the words that make "<word> of <a name>" one body whatever the name is
const BODY_OF = new Set(
  `friends university college institute school department ministry bank museum society federation association
  union league council board academy church chamber commission office`.split(/\s+/),
);

/**
 * "Friends of Mill Meadow" read as a person "Mill Meadow", "University of Colorado" as the state:
 * a name right after a body's word and "of" ("the" between at most) is the body's.
 */
function bodyOfName(text: string, m: ModelMention): ModelMention {
  const before = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) of (?:the )?$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
  if (!before || !BODY_OF.has(before[1]!.toLowerCase())) return m;
  return { ...m, start: m.start - before[0].length + (/^\p{Lu}/u.test(before[0]) ? 0 : 1), type: 'ORGANIZATION' };
}

// the small words a body's name holds between its capitalised ones
const CONNECTORS = new Set(['and', 'of', 'for', 'in', 'on', 'the']);

/**
 * "the Organization for Security and Co-operation in Europe" read as "Organization for Security"
 * and "Europe": a body the model cut short reaches as far as the words whose capitals spell an
 * acronym the text uses ("(OSCE)", "The OSCE will …"); the mentions inside go.
 */
function withAcronymSpan(text: string, m: ModelMention, next: ModelMention | undefined, acronyms: ReadonlySet<string>): ModelMention {
  if (m.type !== 'ORGANIZATION' || acronyms.size === 0) return m;
  const after = /^(?: (?:and|of|for|in|on|the|&|\p{Lu}[\p{L}'’-]*|\p{Ll}[\p{Ll}-]*))+/u.exec(text.slice(m.end, m.end + 100))?.[0];
  if (!after) return m;
  const head = text.slice(m.start, m.end);
  const initials = (s: string) =>
    s
      .split(/[\s-]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
  // the longest run of words after the mention that ends on a capitalised word and spells one
  for (let cut = after.length; cut > 0; cut = after.lastIndexOf(' ', cut - 1)) {
    const tail = after.slice(0, cut);
    // (one word written small may sit inside: "Medicines and Healthcare products Regulatory Agency")
    const small = tail.split(' ').filter((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w)).length;
    if (small > 1 || !/\p{Lu}[\p{L}'’-]*$/u.test(tail) || !acronyms.has(initials(head + tail))) continue;
    const end = m.end + tail.length;
    return next && next.start < end && next.end > end ? m : { ...m, end };
  }
  return m;
}

// " and Democrats" after "… of Socialists": a plural word the model left out of a name
const AND_PLURAL = /^ and (\p{Lu}\p{Ll}+s)(?![\p{L}'’-]| \p{Lu})/u;

/**
 * "Progressive Alliance of Socialists" and "Democrats": a name "… of <Plurals>" the model cut before
 * " and <Plurals>" takes the word in — when the name has "of" and three words or more ("the
 * Democrats and Republicans" stay two).
 */
function ofPluralsWhole(text: string, m: ModelMention): ModelMention {
  if (m.type !== 'ORGANIZATION') return m;
  const surface = text.slice(m.start, m.end);
  if (!/ of /.test(surface) || surface.split(/\s+/).length < 3 || !/\p{Lu}\p{Ll}+s$/u.test(surface)) return m;
  const and = AND_PLURAL.exec(text.slice(m.end, m.end + 40));
  return and ? { ...m, end: m.end + and[0].length } : m;
}

/**
 * "BMO Capital Markets and Osler, Hoskin & Harcourt LLP" read as one organisation: two firms —
 * the second ends on a corporate suffix, the first (two words or more) on a plural or an
 * organisation's head word.
 */
function firmPair(text: string, m: ModelMention): ModelMention[] {
  if (m.type !== 'ORGANIZATION') return [m];
  const surface = text.slice(m.start, m.end);
  const at = surface.indexOf(' and ');
  if (at < 0 || !CORPORATE_LAST.test(surface.split(/\s+/).pop()!)) return [m];
  const first = surface.slice(0, at).split(/\s+/);
  const last = first[first.length - 1]!;
  if (first.length < 2 || !(/^\p{Lu}\p{Ll}+s$/u.test(last) || ORG_HEADS.has(last.toLowerCase()))) return [m];
  return [
    { ...m, end: m.start + at },
    { ...m, start: m.start + at + 5 },
  ];
}

/**
 * "Cole and Ray Hall of Fame" read as "Ray Hall of Fame": an organisation's mention that starts
 * right after "<Capitalised word> and ", where that word follows an ordinary lower-case word and
 * is in no mention of the model's (not even a MISC one), takes the word and the "and" in.
 */
export function withLeadingAnd(text: string, every: readonly ModelMention[], mentions: ModelMention[]): ModelMention[] {
  const absorbed = new Set<ModelMention>();
  const out = mentions.map((m) => {
    if (m.type !== 'ORGANIZATION' || !/\s/.test(text.slice(m.start, m.end))) return m;
    // (an ordinary lower-case word or a list's comma before it: "a potential Cole and Ray …", "the
    // RFS, Fire and Rescue NSW"; not "iPad Pro and …")
    const before = /(?:(?:^|[ \t])\p{Ll}+|,) (\p{Lu}\p{Ll}+) and $/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (before) {
      const start = m.start - before[1]!.length - 5;
      // ("Democrats and Senate Republicans": the word before is a name of its own, or a plural)
      if (!/s$/.test(before[1]!) && !every.some((o) => o.start < m.start && o.end > start)) return { ...m, start };
    }
    const joined = firstPartBeforeAnd(text, every, m);
    if (!joined) return m;
    for (const o of every) if (o.start >= joined.start && o.end <= m.start) absorbed.add(o);
    return joined;
  });
  return absorbed.size === 0 ? out : out.filter((m) => !absorbed.has(m));
}

const CORPORATE_LAST = /^(?:inc|corp|co|ltd|llc|plc|lp|llp)\.?$/i;

/**
 * "Great Lakes Heart and Vascular Institute", "Pennington and Vale Foods Inc.", "Barnmouth and
 * District Council": where the model's organisation starts right after "and" and ends on an
 * organisation's head word, the capitalised words before "and" (up to four, after a lower-case
 * word, "the" or a break) are its first part — unless they are a name of their own: an
 * organisation the model read there, or one it reads elsewhere in the text under those words, or
 * a person named in full. (A one-word place or surname the model read there is absorbed.)
 */
function firstPartBeforeAnd(text: string, every: readonly ModelMention[], m: ModelMention): ModelMention | null {
  const words = text.slice(m.start, m.end).split(/\s+/);
  const head = words[words.length - 1]!.toLowerCase();
  if (!ORG_HEADS.has(head.replace(/\.$/, '')) && !CORPORATE_LAST.test(head)) return null;
  const window = text.slice(Math.max(0, m.start - 80), m.start);
  const run = /(?<![\p{L}\p{N}'’.&-])((?:\p{Lu}[\p{L}'’-]*[ ]){0,3}\p{Lu}[\p{L}'’-]*) and $/u.exec(window);
  if (!run) return null;
  let first = run[1]!;
  if (/^The /.test(first)) first = first.slice(4);
  const start = m.start - first.length - 5;
  // ("Democrats and Senate Republicans", "Smiths and Jones Ltd"? a plural word alone is a name of its own)
  if (!/\s/.test(first) && /s$/.test(first)) return null;
  for (const o of every) {
    if (o === m || o.end <= start || o.start >= m.start) continue;
    const one = !/\s/.test(text.slice(o.start, o.end));
    if (o.start < start || o.type === 'ORGANIZATION' || o.type === 'MISC' || (o.type === 'PERSON' && !one)) return null;
  }
  const elsewhere = every.some(
    (o) =>
      o !== m &&
      (o.end <= start || o.start >= m.end) &&
      text.slice(o.start, o.end) === first &&
      (o.type === 'ORGANIZATION' || (o.type === 'PERSON' && /\s/.test(first))),
  );
  return elsewhere ? null : { ...m, start };
}

// "<head> of|on|for <Name>" at an organisation's end: a name of the portfolio kind, whose list of
// subjects may go on ("Ministry of Trade, Industry and Fisheries")
// (a subject of up to three words, "the" in front of any: "Northern Development, Mines and
// Indigenous Partnerships", "Climate Change, Energy, the Environment and Water")
const PORTFOLIO_END = /(?:^|\s)(\p{Lu}[\p{L}-]*)\s+(?:of|on|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}$/u;
const LIST_AFTER =
  /^(?:,\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})*,?\s+and\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}/u;
const PORTFOLIO_BEFORE =
  /(?:^|[^\p{L}])((?:\p{Lu}[\p{L}-]*\s+){0,2}(\p{Lu}[\p{L}-]*)\s+(?:of|on|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:,\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)*,\s+)$/u;

/**
 * "Ministry of Trade, Industry and Fisheries", "Senate Committee on Health, Education, Labor and
 * Pensions", "Department for Environment, Food and Rural Affairs": an organisation named for a
 * list of subjects, which the model cuts at its commas (keeping "Ministry of Trade", or only
 * "Food and Rural Affairs"). Where an organisation's head word with "of", "on" or "for" takes the
 * list, the list up to its "and" part is the one name; the pieces the model read inside it go.
 */
export function withPortfolioLists(text: string, mentions: ModelMention[]): ModelMention[] {
  const out: ModelMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) {
      if (m.end > prev.end) out[out.length - 1] = { ...prev, end: m.end };
      continue;
    }
    if (m.type !== 'ORGANIZATION') {
      out.push(m);
      continue;
    }
    let { start, end } = m;
    const own = PORTFOLIO_END.exec(text.slice(start, end));
    if (own && ORG_HEADS.has(own[1]!.toLowerCase())) {
      const list = LIST_AFTER.exec(text.slice(end, end + 160));
      // ("the Ministry of Health, Tom Reid and Ana Sousa": people listed after it are no subjects)
      const listEnd = end + (list?.[0].length ?? 0);
      const people = mentions.some((o) => o.type === 'PERSON' && o.start < listEnd && o.end > end);
      if (list && /^,/.test(list[0]) && !people) end = listEnd;
    }
    const lead = PORTFOLIO_BEFORE.exec(text.slice(Math.max(0, start - 120), start));
    if (lead && ORG_HEADS.has(lead[2]!.toLowerCase()) && /\sand\s/.test(text.slice(start, end))) {
      start -= lead[1]!.length;
      while (out.length > 0 && out[out.length - 1]!.end > start) out.pop();
    } else {
      start -= listBeforeHead(text, mentions, start, end);
    }
    out.push(start === m.start && end === m.end ? m : { ...m, start, end });
  }
  return out;
}

const LIST_BEFORE = /(?:^|[^\p{L}])[Tt]he\s+((?:\p{Lu}\p{Ll}+,\s+)+)$/u;

/**
 * "the Foreign, Commonwealth and Development Office" read as "Commonwealth and Development
 * Office": the list of subjects comes before the head word here. An organisation "… and … <head>"
 * whose list of capitalised words opens after "the" takes that list in (how many characters),
 * unless a word of it is a name of its own ("the Sydney, Melbourne and Brisbane Airports").
 */
function listBeforeHead(text: string, mentions: readonly ModelMention[], start: number, end: number): number {
  const surface = text.slice(start, end);
  if (!/\sand\s/.test(surface) || !ORG_HEADS.has(/(\p{L}+)$/u.exec(surface)?.[1]?.toLowerCase() ?? '')) return 0;
  const list = LIST_BEFORE.exec(text.slice(Math.max(0, start - 80), start))?.[1];
  if (!list || mentions.some((o) => o.start < start && o.end > start - list.length)) return 0;
  return list.length;
}

/**
 * "Farrar, Straus and Giroux" read as three people in one place and as the publisher in another:
 * a firm named after several people (commas, "and", "&" between capitalised names) is the firm
 * wherever the text writes it whole, once the model has read it whole somewhere. Only where the
 * model cut that very string into two names or more, each inside it.
 */
export function withFirmsNamedWhole(text: string, mentions: ModelMention[]): ModelMention[] {
  const firms = new Set<string>();
  for (const m of mentions) {
    const surface = text.slice(m.start, m.end);
    if (m.type === 'ORGANIZATION' && /^\p{Lu}[\p{L}'’.-]*(?:(?:,| and| &) \p{Lu}[\p{L}'’.-]*)+$/u.test(surface)) firms.add(surface);
  }
  if (firms.size === 0) return mentions;
  let out = mentions;
  for (const firm of firms) {
    for (let at = text.indexOf(firm); at >= 0; at = text.indexOf(firm, at + firm.length)) {
      const end = at + firm.length;
      const inside = out.filter((m) => m.start < end && at < m.end);
      if (inside.length < 2 || inside.some((m) => m.start < at || m.end > end)) continue;
      out = [...out.filter((m) => !inside.includes(m)), { start: at, end, type: 'ORGANIZATION' as const }].sort(
        (a, b) => a.start - b.start,
      );
    }
  }
  return out;
}
