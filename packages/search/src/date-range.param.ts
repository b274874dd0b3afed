/**
 * `since` / `until` as people and programs give them: an ISO 8601 date (2024-04-26) or
 * date-time (2024-04-26T10:00, …:00Z, …:00.123+02:00), on a real calendar day.
 *
 * Why not Date.parse: it takes what the engine refuses ("April 1, 2024", and rolls 2024-02-30
 * over to March), so the engine's own exception reached the user; and a bare number such as "1"
 * is epoch milliseconds to the engine. This accepts only a subset of what the engine's
 * `strict_date_optional_time` reads (offsets up to ±18:00, at most nine fraction digits), so
 * whatever passes here the engine takes as the same instant.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

export const DATE_PARAM_HINT = 'must be an ISO 8601 date or date-time, such as 2024-04-26 or 2024-04-26T10:00:00Z';

export function isIsoDateParam(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHour = '0', offsetMinute = '0'] = m;
  const y = Number(year);
  const mo = Number(month);
  if (mo < 1 || mo > 12 || Number(day) < 1 || Number(day) > daysIn(y, mo)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  return Number(offsetMinute) <= 59 && Number(offsetHour) * 60 + Number(offsetMinute) <= 18 * 60;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
