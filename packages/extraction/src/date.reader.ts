import { dateFromUrl, formatDate, inZone, instantOf, parseIsoLike, sameDay, type DateParts } from './date.parser';
import {
  dateLocaleFor,
  labelRole,
  parseWrittenDate,
  roleOfWords,
  writtenDates,
  type DateLocale,
  type DateRole,
  type WrittenDate,
} from './date.text';
import { isOutsideArticle, textAfter } from './headline.window';
import { ldString, type JsonLdData, type JsonLdNode } from './jsonld.reader';
import type { FieldSource } from './article.types';

/**
 * Publication and modification dates from every source a page offers, in order of trust:
 * JSON-LD, OpenGraph `article:published_time` and its kin in <meta>, microdata `itemprop`,
 * `<time datetime>`, the URL's path, dates written in the byline or next to the title, and last
 * the copyright line, which never gives a date by itself: it only gives its year to a day and
 * month written next to the title without one. Published and modified are kept apart all the way.
 */
export interface PageDates {
  publishedAt: string | null;
  modifiedAt: string | null;
  sources: { publishedAt?: FieldSource; modifiedAt?: FieldSource };
}

export interface DateInputs {
  /** <meta> contents by lower-cased property/name/itemprop. */
  meta: (key: string) => string[];
  ld: JsonLdData;
  url: string;
  canonicalUrl: string | null;
  langTag: string | null;
  title: string | null;
  /** Dates after this moment are not publication dates (default: a day from now). */
  now?: number;
}

interface Source {
  source: FieldSource;
  read: () => DateParts | null;
  /** Whether it may complete a more trusted value (a time, a zone), or only stand in for none. */
  refines: boolean;
}

type Role = 'published' | 'modified';

const PUBLISHED_META = [
  'article:published_time',
  'article:published',
  'og:published_time',
  'og:pubdate',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'article.published',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'pdate',
  'originalpublicationdate',
];
const CREATED_META = ['datecreated', 'dcterms.created', 'dc.date.created', 'article:created'];
const MODIFIED_META = [
  'article:modified_time',
  'article:modified',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'lastmod',
  'last-modified',
  'article.updated',
  'revised',
];

const tokensOf = (el: Element, attr: string) => (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** A machine value first, the written text second: `<span itemprop="datePublished">12. März 2024</span>`. */
function elementDate(el: Element, locale: DateLocale): DateParts | null {
  const machine = parseIsoLike(el.getAttribute('datetime') ?? el.getAttribute('content'));
  if (machine) return machine;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length < 200 ? (writtenDates(text, locale)[0]?.parts ?? null) : null;
}

/** A value of metadata: machine-readable, else written out ("November 20, 2019 13:42"). */
function valueDate(value: string | null | undefined, locale: DateLocale): DateParts | null {
  if (!value) return null;
  return parseIsoLike(value) ?? (value.length < 120 ? (writtenDates(value, locale)[0]?.parts ?? null) : null);
}

/** Words and classes that mark a <time> as a modification: "Updated 6:55 AM", class="date-modified". */
function timeRole(el: Element): DateRole {
  const props = tokensOf(el, 'itemprop');
  if (props.includes('datemodified')) return 'modified';
  if (props.includes('datepublished') || props.includes('datecreated')) return 'published';
  const cls = (el.getAttribute('class') ?? '').toLowerCase();
  if (/modif|lastmod/.test(cls)) return 'modified';
  if (/publish/.test(cls)) return 'published';
  // The words before the date, in the element or just before it: "Updated on: <time>…".
  const parentText = (el.parentElement?.textContent ?? '').replace(/\s+/g, ' ');
  const own = (el.textContent ?? '').replace(/\s+/g, ' ');
  const lead = `${parentText.slice(0, Math.max(0, parentText.indexOf(own.trim()))).slice(-40)} ${own.slice(0, 40)}`;
  return roleOfWords(lead);
}

function copyrightYear(doc: Document): number | null {
  const text = doc.body?.textContent ?? '';
  let max: number | null = null;
  for (const m of text.matchAll(/(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})(?!\d)/gi)) {
    const year = Number(m[1]);
    if (max === null || year > max) max = year;
  }
  return max;
}

export function readPageDates(doc: Document, input: DateInputs): PageDates {
  const locale = dateLocaleFor(input.langTag, input.canonicalUrl ?? input.url);
  const now = input.now ?? Date.now() + 86_400_000;
  const published: Source[] = [];
  const modified: Source[] = [];
  const add = (list: Source[], source: FieldSource, read: () => DateParts | null, refines = true) => list.push({ source, read, refines });

  // 1. JSON-LD: the article's node, then the node of the page itself, then broken scripts' values.
  const { article, page, unparsed } = input.ld;
  const ldValue = (node: JsonLdNode | null, key: string) => valueDate(ldString(node?.[key]), locale);
  const salvaged = (key: string) => () => {
    for (const text of unparsed) {
      const m = new RegExp(`"${key}"\\s*:\\s*"([^"]{6,40})"`).exec(text);
      const parts = m ? valueDate(m[1], locale) : null;
      if (parts) return parts;
    }
    return null;
  };
  add(published, 'jsonld', () => ldValue(article, 'datePublished'));
  add(published, 'jsonld', () => ldValue(page, 'datePublished'));
  add(published, 'jsonld', salvaged('datePublished'));
  add(modified, 'jsonld', () => ldValue(article, 'dateModified'));
  add(modified, 'jsonld', () => ldValue(page, 'dateModified'));
  add(modified, 'jsonld', salvaged('dateModified'));

  // 2. OpenGraph and other <meta>, then the creation date as a stand-in for publication.
  const metaDate = (keys: string[]) => () => {
    for (const key of keys) {
      for (const v of input.meta(key)) {
        const parts = valueDate(v, locale);
        if (parts) return parts;
      }
    }
    return null;
  };
  add(published, 'opengraph', metaDate(PUBLISHED_META.slice(0, 4)));
  add(published, 'meta', metaDate(PUBLISHED_META.slice(4)));
  add(published, 'jsonld', () => ldValue(article, 'dateCreated'));
  add(published, 'meta', metaDate(CREATED_META));
  add(modified, 'opengraph', metaDate(MODIFIED_META.slice(0, 3)));
  add(modified, 'meta', metaDate(MODIFIED_META.slice(3)));

  // 3. Microdata on elements: itemprop="datePublished dateCreated" counts for each token.
  let itemprops: Element[] | null = null;
  const microdata = (tokens: string[]) => () => {
    itemprops ??= Array.from(doc.querySelectorAll('[itemprop]')).filter((el) => el.tagName !== 'META' && !isOutsideArticle(el));
    for (const token of tokens) {
      for (const el of itemprops) {
        if (!tokensOf(el, 'itemprop').includes(token)) continue;
        const parts = elementDate(el, locale);
        if (parts) return parts;
      }
    }
    return null;
  };
  add(published, 'meta', microdata(['datepublished', 'datecreated']));
  add(modified, 'meta', microdata(['datemodified']));

  // 4. <time datetime>, outside comments, related lists and the like; its words say which it is.
  let times: { parts: DateParts; role: DateRole }[] | null = null;
  const timeDate = (role: Role) => () => {
    times ??= Array.from(doc.getElementsByTagName('time'))
      .filter((t) => t.hasAttribute('datetime') && !isOutsideArticle(t))
      .slice(0, 8)
      .flatMap((t) => {
        const parts = parseIsoLike(t.getAttribute('datetime'));
        return parts ? [{ parts, role: timeRole(t) }] : [];
      });
    const found = times.find((t) => t.role === role) ?? (role === 'published' ? times.find((t) => t.role === 'plain') : undefined);
    return found?.parts ?? null;
  };
  add(published, 'heuristic', timeDate('published'));
  add(modified, 'heuristic', timeDate('modified'));

  // 5. The day in the URL's path.
  add(published, 'heuristic', () => dateFromUrl(input.canonicalUrl) ?? dateFromUrl(input.url), false);

  // 6. Dates written next to the title: the byline, the dateline.
  let window: string | null = null;
  const near = () => (window ??= textAfter(doc, input.title ?? (doc.title || null)));
  let written: WrittenDate[] | null = null;
  const writtenDate = (role: Role, dates: () => WrittenDate[]) => () => {
    const all = dates();
    const ofRole = all.filter((w) => w.role === role);
    const found = ofRole.length > 0 ? ofRole : role === 'published' ? all.filter((w) => w.role === 'plain') : [];
    const first = found[0]?.parts ?? null;
    // "Nov. 19, 2019" in a caption, then "November 19, 2019, 9:02 AM" in the byline: the same day, with its time.
    return first && !first.time ? (found.find((w) => w.parts.time && sameDay(w.parts, first))?.parts ?? first) : first;
  };
  const nearDates = () => (written ??= writtenDates(near(), locale));
  add(published, 'heuristic', writtenDate('published', nearDates));
  add(modified, 'heuristic', writtenDate('modified', nearDates));

  // 6b. A date under a label that says what it is, anywhere in the article's page: the record
  // table of a public body's page ("Data publikacji: 2024-04-03 10:15"), "Veröffentlicht am" in a
  // footer line. After the title's neighbourhood, which is nearer to what readers see.
  add(published, 'heuristic', () => labelledDate(doc, locale, 'published'), false);
  add(modified, 'heuristic', () => labelledDate(doc, locale, 'modified'), false);

  // 7. The copyright line, last: never a date by itself, only the year of a day and month written
  // next to the title without one ("Posted Nov 19, 6:51 AM" on a page "© 2019").
  let yearless: WrittenDate[] | null = null;
  const yearlessDates = () => {
    if (yearless) return yearless;
    const year = near() ? copyrightYear(doc) : null;
    return (yearless = year === null ? [] : writtenDates(near(), locale, year));
  };
  add(published, 'heuristic', writtenDate('published', yearlessDates), false);
  add(modified, 'heuristic', writtenDate('modified', yearlessDates), false);

  const plausible = (p: DateParts) => (instantOf(p) ?? Date.UTC(p.year, p.month - 1, p.day)) <= now;

  const sources: PageDates['sources'] = {};
  const pick = (list: Source[], field: 'publishedAt' | 'modifiedAt') => {
    let best: DateParts | null = null;
    for (const { source, read, refines } of list) {
      if (best && !refines) continue;
      const parts = read();
      if (!parts || !plausible(parts)) continue;
      if (best) {
        best = refineWith(best, parts);
      } else {
        best = parts;
        sources[field] = source;
      }
      // Later sources only complete the first: stop once it has its time and its own zone.
      if (best.time && best.offset !== null && best.offset !== 0) break;
    }
    return best ? formatDate(best) : null;
  };
  const publishedAt = pick(published, 'publishedAt');
  const modifiedAt = pick(modified, 'modifiedAt');
  return { publishedAt, modifiedAt, sources };
}

/**
 * The most trusted value, completed by another that names the same moment: a day gets the time of
 * a same-day value ("2019-11-19" and "2019-11-19T06:30:42-05:00"), a time without zone gets the
 * zone of the same local time, and a UTC time gets the page's own local zone when the page shows
 * that moment in local time ("01:50Z" shown as "5:50 PM": -08:00), or is put on the day the page
 * writes when that is the day before or after in some zone (see onWrittenDay).
 */
export function refineWith(best: DateParts, other: DateParts): DateParts {
  if (!other.time) return best.time && best.offset === 0 ? onWrittenDay(best, other) : best;
  if (!best.time) return sameDay(other, best) ? other : best;
  if (best.offset === null) {
    return other.offset !== null && sameDay(other, best) && sameMinute(other, best) ? { ...best, offset: other.offset } : best;
  }
  if (best.offset !== 0) return best;
  // To the minute: a time shown to readers has no seconds.
  const t = minute(instantOf(best)!);
  const local = instantOf(other);
  if (local !== null) return other.offset !== 0 && minute(local) === t ? inZone(best, other.offset!) : best;
  // A local time without zone: the offset that makes it this moment, if it is a real one.
  const asUtc = minute(instantOf({ ...other, offset: 0 })!);
  const offset = Math.round((asUtc - t) / 60_000);
  const real = offset !== 0 && offset % 15 === 0 && offset >= -12 * 60 && offset <= 14 * 60;
  return real ? inZone(best, offset) : best;
}

const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A UTC time on a page that writes the next or the previous day as its date: the publisher's day
 * is the written one (a story of 22:30 UTC from Rome is dated the 15th there, one of 01:30 UTC
 * from New York the 13th), when some real zone (UTC-12 to UTC+14) puts the moment on that day.
 * The moment stays the same; it is written in the nearest whole-hour zone that puts it on the
 * written day, since the page names no zone.
 */
function onWrittenDay(best: DateParts, written: DateParts): DateParts {
  const t = instantOf(best);
  if (t === null) return best;
  const utcDay = Date.UTC(best.year, best.month - 1, best.day);
  const writtenDay = Date.UTC(written.year, written.month - 1, written.day);
  const intoDay = t - utcDay;
  if (writtenDay - utcDay === DAY) {
    const hours = Math.ceil((DAY - intoDay) / HOUR);
    return hours <= 14 ? inZone(best, hours * 60) : best;
  }
  if (utcDay - writtenDay === DAY) {
    const hours = Math.floor(intoDay / HOUR) + 1;
    return hours <= 12 ? inZone(best, -hours * 60) : best;
  }
  return best;
}

function sameMinute(a: DateParts, b: DateParts): boolean {
  return !!a.time && !!b.time && a.time[0] === b.time[0] && a.time[1] === b.time[1];
}

const LABEL_ELEMENTS = 'th, dt, strong, b, label, span, em, small, p, li, div';

/**
 * The first date whose label (an element of its own, or the words before it in a short element)
 * says it is of `role`, outside comments, related lists and the like.
 */
function labelledDate(doc: Document, locale: DateLocale, role: 'published' | 'modified'): DateParts | null {
  for (const el of Array.from(doc.querySelectorAll(LABEL_ELEMENTS))) {
    if (el.children.length > 2) continue;
    const own = el.textContent ?? '';
    if (own.length > 80 || isOutsideArticle(el)) continue;
    // "<th>Data publikacji:</th><td>2024-04-03 10:15</td>", "<dt>Published</dt><dd>…</dd>"
    if (labelRole(own) === role) {
      const value = el.nextElementSibling?.textContent ?? '';
      const parts = value.length <= 60 ? parseWrittenDate(value, locale) : null;
      if (parts) return parts;
      continue;
    }
    // "<p>Veröffentlicht am 12.03.2024</p>"
    const found = own.length <= 80 ? writtenDates(own, locale).filter((w) => w.role === role) : [];
    if (found.length > 0 && labelRole(own.slice(0, own.search(/\d/))) === role) return found[0]!.parts;
  }
  return null;
}
