/** Normalises the date strings pages publish into ISO 8601 (UTC), or null when unusable. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  if (!s) return null;
  // Unix timestamps in seconds or milliseconds.
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const n = Number(s);
    return validIso(new Date(s.length === 10 ? n * 1000 : n));
  }
  // "2024-04-27 14:12:31" and "2024-04-27T14:12:31+1000" are common but not accepted by Date.
  const normalised = s
    .replace(/^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})/, '$1T$2')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return validIso(new Date(normalised));
}

function validIso(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const year = d.getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return d.toISOString();
}

/** News URLs often carry the publication date: /2024/04/27/ or /2024-04-27/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /[/_-]((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url);
  if (!m) return null;
  const [, y, mo, d] = m;
  return toIsoDate(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T00:00:00Z`);
}
