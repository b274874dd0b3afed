import * as chrono from 'chrono-node';
import type { Chrono, ParsedResult, Parser } from 'chrono-node';
import { validParts, type DateParts } from './date.parser';

/**
 * Dates written for people, in bylines and next to titles: "12. März 2024", "3 mai 2023 à
 * 10h15", "12 de marzo de 2024", "Nov. 18th 2019 8:54 am PT", "12 marca 2024 r.". chrono-node
 * reads en, de, fr, es, it, pt and nl in strict mode (no "yesterday", no "2 days ago"); Polish,
 * which chrono does not have, is a parser of month names added to it.
 */
export type DateLocale = 'en-US' | 'en-GB' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl' | 'pl';

// Genitive (as dates are written), nominative and abbreviated month names.
const POLISH_MONTHS: [RegExp, number][] = [
  [/^sty/, 1],
  [/^lut/, 2],
  [/^mar/, 3],
  [/^kwi/, 4],
  [/^maj/, 5],
  [/^cze/, 6],
  [/^lip/, 7],
  [/^sie/, 8],
  [/^wrz/, 9],
  [/^pa[źz]/, 10],
  [/^lis/, 11],
  [/^gru/, 12],
];
const POLISH_DATE =
  /(?<![\p{L}\d])(\d{1,2})\.?\s+(stycze[nń]|stycznia|sty|lut(?:y|ego)?|mar(?:zec|ca)?|kwie(?:cie[nń]|tnia)|kwi|maj(?:a)?|czerw(?:iec|ca)|cze|lip(?:iec|ca)?|sierp(?:ie[nń]|nia)|sie|wrze(?:sie[nń]|[sś]nia)|wrz|pa[źz]dziernik(?:a)?|pa[źz]|listopad(?:a)?|lis|grud(?:zie[nń]|nia)|gru)\.?\s+(\d{4})(?:\s*r\.?)?(?:,?\s*(?:godz\.?|o|,)?\s*(\d{1,2})[:.](\d{2}))?(?![\p{L}\d])/iu;

const polishParser: Parser = {
  pattern: () => POLISH_DATE,
  extract: (_context, match) => {
    const name = match[2]!.toLowerCase();
    const month = POLISH_MONTHS.find(([re]) => re.test(name))?.[1];
    if (!month) return null;
    const out: Record<string, number> = { day: Number(match[1]), month, year: Number(match[3]) };
    if (match[4] !== undefined) {
      out['hour'] = Number(match[4]);
      out['minute'] = Number(match[5]);
    }
    return out;
  },
};

const built = new Map<DateLocale, Chrono>();

function parserFor(locale: DateLocale): Chrono {
  let p = built.get(locale);
  if (p) return p;
  switch (locale) {
    case 'en-US':
      p = chrono.en.strict;
      break;
    case 'en-GB':
      p = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
      break;
    case 'de':
      p = chrono.de.strict;
      break;
    case 'fr':
      p = chrono.fr.strict;
      break;
    case 'es':
      p = chrono.es.strict;
      break;
    case 'it':
      p = chrono.it.strict;
      break;
    case 'pt':
      p = chrono.pt.strict;
      break;
    case 'nl':
      p = chrono.nl.strict;
      break;
    case 'pl': {
      // Numeric dates are written day first, as in German: "12.03.2024, 14:30".
      p = chrono.de.strict.clone();
      p.parsers.unshift(polishParser);
      break;
    }
    default: {
      const never: never = locale;
      throw new Error(`no date parser for ${String(never)}`);
    }
  }
  built.set(locale, p);
  return p;
}

const LOCALE_OF_LANG: Record<string, DateLocale> = { de: 'de', fr: 'fr', es: 'es', it: 'it', pt: 'pt', nl: 'nl', pl: 'pl' };
// Countries that write the month first are few: the United States (and its territories), the Philippines.
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'PR', 'GU', 'UM', 'VI', 'AS', 'MP']);
const LOCALE_OF_TLD: Record<string, DateLocale> = {
  de: 'de',
  at: 'de',
  ch: 'de',
  li: 'de',
  fr: 'fr',
  be: 'fr',
  lu: 'fr',
  es: 'es',
  mx: 'es',
  ar: 'es',
  cl: 'es',
  co: 'es',
  pe: 'es',
  uy: 'es',
  ve: 'es',
  it: 'it',
  pt: 'pt',
  br: 'pt',
  ao: 'pt',
  mz: 'pt',
  nl: 'nl',
  pl: 'pl',
  uk: 'en-GB',
  ie: 'en-GB',
  au: 'en-GB',
  nz: 'en-GB',
  in: 'en-GB',
  za: 'en-GB',
  ng: 'en-GB',
  ke: 'en-GB',
  pk: 'en-GB',
  sg: 'en-GB',
  my: 'en-GB',
  ph: 'en-US',
  us: 'en-US',
};

/**
 * How the page writes dates: from its language tag, else from its country's domain ("05/10/2018"
 * on a .com.br page is 5 October). A language with no parser of its own reads numeric dates day
 * first, as nearly everywhere outside the United States, and month names in English.
 */
export function dateLocaleFor(langTag: string | null, url: string | null): DateLocale {
  const [lang, ...rest] = (langTag ?? '').split('-');
  const region = rest.find((p) => /^[A-Z]{2}$/.test(p));
  if (lang && LOCALE_OF_LANG[lang]) return LOCALE_OF_LANG[lang];
  let tld: string | undefined;
  try {
    tld = url ? new URL(url).hostname.split('.').pop() : undefined;
  } catch {
    tld = undefined;
  }
  if (lang === 'en') {
    if (region) return MONTH_FIRST_REGIONS.has(region) ? 'en-US' : 'en-GB';
    const byTld = tld ? LOCALE_OF_TLD[tld] : undefined;
    return byTld === 'en-GB' ? 'en-GB' : 'en-US';
  }
  if (lang) return 'en-GB';
  return (tld && LOCALE_OF_TLD[tld]) || 'en-US';
}

export type DateRole = 'published' | 'modified' | 'plain';

// Words that say what the date after them is, in en, de, fr, es, it, pt, pl and nl.
const MODIFIED_WORDS =
  /(?<!\p{L})(?:updated?|last\s+(?:updated|modified)|modified|edited|aktualisiert|geändert|zuletzt|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualizad[oa]|actualización|modificad[oa]|aggiornat[oa]|aggiornamento|modificat[oa]|atualizad[oa]|atualização|zaktualizowan[oy]|aktualizacja|zmodyfikowano|edytowano|data\s+modyfikacji|data\s+aktualizacji|bijgewerkt|gewijzigd|aangepast)(?!\p{L})/giu;
const PUBLISHED_WORDS =
  /(?<!\p{L})(?:published|posted|first\s+published|publication\s+date|date\s+of\s+publication|veröffentlicht|veröffentlichungsdatum|erscheinungsdatum|erschienen|publié(?:e)?|date\s+de\s+publication|publicad[oa]|fecha\s+de\s+publicación|data\s+de\s+publicação|pubblicat[oa]|data\s+di\s+pubblicazione|opublikowan[oy]|opublikowano|publikacja|data\s+publikacji|gepubliceerd|publicatiedatum|geplaatst)(?!\p{L})/giu;

/** Splits "Posted Nov 19, 2019; Updated Nov 20, 2019" into its parts, each with what it says. */
function segments(text: string): { role: DateRole; text: string }[] {
  const marks: { at: number; end: number; role: DateRole }[] = [];
  for (const [re, role] of [
    [MODIFIED_WORDS, 'modified'],
    [PUBLISHED_WORDS, 'published'],
  ] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) marks.push({ at: m.index, end: m.index + m[0].length, role });
  }
  marks.sort((a, b) => a.at - b.at);
  const out: { role: DateRole; text: string }[] = [];
  const first = marks[0]?.at ?? text.length;
  if (first > 0) out.push({ role: 'plain', text: text.slice(0, first) });
  marks.forEach((m, i) => out.push({ role: m.role, text: text.slice(m.end, marks[i + 1]?.at ?? text.length) }));
  return out;
}

/** A label saying what the date beside it is, and nothing else: "Data publikacji:", "Published on". */
export function labelRole(text: string): DateRole {
  const label = text.replace(/\s+/g, ' ').trim();
  if (label.length === 0 || label.length > 40) return 'plain';
  const segs = segments(label);
  const last = segs[segs.length - 1];
  // the label is all marking words (and "on", "am", "le", ":" after them)
  return last &&
    segs.length <= 2 &&
    (segs[0]!.role !== 'plain' || segs[0]!.text.trim() === '') &&
    /^[\s:.-]*(?:\p{L}{1,3}[\s:.-]*)?$/u.test(last.text)
    ? last.role
    : 'plain';
}

/** What the last marking words of a text say the date after them is: "Updated on:" is 'modified'. */
export function roleOfWords(text: string): DateRole {
  const segs = segments(text);
  return segs.length > 0 ? segs[segs.length - 1]!.role : 'plain';
}

/** A year must be written out: chrono fills a missing year in from today, which no page meant. */
const HAS_YEAR = /(?:^|\D)(?:19|20)\d{2}(?!\d)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b/;
// Between a date and its time: "November 19, 2019 | 4:20am", "Nov. 19, 2019 5:50 PM", "19.11.2019 um 10:00".
const DATE_TIME_GAP = /^[\s|,/·•–—-]*(?:at|à|um|às|alle|a las|om|o|godz\.?)?[\s|,/·•–—-]*$/iu;

function partsOf(r: ParsedResult, time: ParsedResult | null): DateParts | null {
  const s = r.start;
  const t = time?.start ?? (s.isCertain('hour') ? s : null);
  return validParts({
    year: s.get('year')!,
    month: s.get('month')!,
    day: s.get('day')!,
    time: t ? [t.get('hour') ?? 0, t.get('minute') ?? 0, t.get('second') ?? 0, 0] : null,
    offset: t?.isCertain('timezoneOffset') ? (t.get('timezoneOffset') ?? null) : null,
  });
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));

function parseAll(text: string, locale: DateLocale, year?: number): DateParts[] {
  const results = parserFor(locale).parse(text, REFERENCE);
  const out: DateParts[] = [];
  results.forEach((r, i) => {
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) return;
    const hasYear = r.start.isCertain('year') && HAS_YEAR.test(r.text);
    // With a year to lend, only dates written without one take it.
    if (year === undefined ? !hasYear : r.start.isCertain('year')) return;
    const next = results[i + 1];
    const time =
      !r.start.isCertain('hour') &&
      next &&
      next.start.isCertain('hour') &&
      !next.start.isCertain('day') &&
      DATE_TIME_GAP.test(text.slice(r.index + r.text.length, next.index))
        ? next
        : null;
    const parts = partsOf(r, time);
    if (parts) out.push(year === undefined ? parts : { ...parts, year });
  });
  return out;
}

export interface WrittenDate {
  parts: DateParts;
  role: DateRole;
}

/**
 * Every full date (day, month and year) written in the text, each with what its words say it is.
 * Given `year`, the dates written with a day and month only, in that year instead.
 */
export function writtenDates(text: string, locale: DateLocale, year?: number): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const seg of segments(text)) {
    let found = parseAll(seg.text, locale, year);
    if (found.length === 0 && locale !== 'en-US' && locale !== 'en-GB') found = parseAll(seg.text, 'en-GB', year);
    for (const parts of found) out.push({ parts, role: seg.role });
  }
  return out;
}

/** The first full date written in the text, or null. */
export function parseWrittenDate(text: string, locale: DateLocale): DateParts | null {
  return writtenDates(text, locale)[0]?.parts ?? null;
}
