/**
 * A date as the page wrote it: the calendar day, the time of day when given, and the zone when
 * given. Nothing is invented: "2024-04-27" stays a day (not midnight UTC), "2024-04-27 14:12"
 * stays a local time without a zone, "14:12+10:00" keeps its +10:00.
 */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Hours, minutes, seconds, milliseconds: when the page gave a time of day. */
  time: [number, number, number, number] | null;
  /** Minutes east of UTC: when the page gave a zone with its time. */
  offset: number | null;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 as written: "2024-04-27", "2024-04-27T14:12:31", "2024-04-27T14:12:31.5+10:00", "…Z". */
export function formatDate(p: DateParts): string {
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (!p.time) return day;
  const [h, mi, s, ms] = p.time;
  const time = `T${pad(h)}:${pad(mi)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
  if (p.offset === null) return day + time;
  if (p.offset === 0) return `${day + time}Z`;
  const abs = Math.abs(p.offset);
  return `${day + time}${p.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The moment in ms since the epoch, when the date has a time and a zone. */
export function instantOf(p: DateParts): number | null {
  if (!p.time || p.offset === null) return null;
  const [h, mi, s, ms] = p.time;
  return Date.UTC(p.year, p.month - 1, p.day, h, mi, s, ms) - p.offset * 60_000;
}

/** The same moment written in another zone. */
export function inZone(p: DateParts, offset: number): DateParts {
  const t = instantOf(p);
  if (t === null) return p;
  const d = new Date(t + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    time: [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()],
    offset,
  };
}

export function sameDay(a: DateParts, b: DateParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Checks the calendar (no 31 April, no 29 February 2023) and the plausible range. */
export function validParts(p: DateParts): DateParts | null {
  if (p.year < MIN_YEAR || p.year > MAX_YEAR || p.month < 1 || p.month > 12 || p.day < 1) return null;
  if (p.day > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()) return null;
  if (p.time) {
    const [h, mi, s, ms] = p.time;
    if (h > 23 || mi > 59 || s > 60 || ms > 999) return null;
  }
  if (p.offset !== null && Math.abs(p.offset) > 14 * 60) return null;
  return p;
}

function fromEpoch(ms: number): DateParts | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return validParts({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    time: [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()],
    offset: 0,
  });
}

function parseOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

// "2024-04-27", "2024/04/27 14:12", "2024-04-27T14:12:31.403+1000", "2024-04-27 14:12:31 UTC".
const ISO_LIKE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads the machine-readable date values of metadata: ISO 8601 and its common variants, Unix
 * timestamps, and compact "20240427". Anything else (written dates) is for `date.text.ts`.
 */
export function parseIsoLike(value: string | null | undefined): DateParts | null {
  const s = value?.trim();
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) return fromEpoch(s.length === 10 ? Number(s) * 1000 : Number(s));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    return validParts({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]), time: null, offset: null });
  }
  const m = ISO_LIKE.exec(s);
  if (!m) return null;
  const [, y, , mo, d, h, mi, sec, frac, zone] = m;
  const time: DateParts['time'] =
    h === undefined ? null : [Number(h), Number(mi), Number(sec ?? 0), frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0];
  return validParts({ year: Number(y), month: Number(mo), day: Number(d), time, offset: time ? parseOffset(zone) : null });
}

/** Normalises a machine-readable page date to ISO 8601, keeping its time and zone as given. */
export function toIsoDate(value: string | null | undefined): string | null {
  const p = parseIsoLike(value);
  return p ? formatDate(p) : null;
}

const URL_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * News URLs often carry the publication day: /2024/04/27/, /2024-04-27-, /2024/apr/27/,
 * -20240427/. Only the path is read, and only whole path or slug parts: an id is no date.
 */
export function dateFromUrl(url: string | null): DateParts | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
  const day = (y: string, mo: number, d: string) => validParts({ year: Number(y), month: mo, day: Number(d), time: null, offset: null });
  const numeric = /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (numeric) return day(numeric[1]!, Number(numeric[2]), numeric[3]!);
  const named = /(?:^|\/)((?:19|20)\d{2})\/([a-z]{3})[a-z]*\/(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (named && URL_MONTHS.includes(named[2]!)) return day(named[1]!, URL_MONTHS.indexOf(named[2]!) + 1, named[3]!);
  const compact = /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (compact) return day(compact[1]!, Number(compact[2]), compact[3]!);
  return null;
}
