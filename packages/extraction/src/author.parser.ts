/**
 * Turns bylines and author fields into a clean list of names: "By Jane Doe and John Roe,
 * Staff Writers | Updated 3 May 2024" → ["Jane Doe", "John Roe"].
 */

const ROLE_RE =
  /\b(?:senior|chief|deputy|associate|contributing|staff|special|political|economics|foreign|business|health|science|technology|sports?|national|international|local|digital|social media|managing|executive)?\s*(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|analyst|critic|photographer|author)s?\b.*$/i;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_TAIL_RE = new RegExp(
  `\\b(?:updated|published|posted|last updated|on)?\\s*(?:\\d{1,2}\\s+(?:${MONTHS})|(?:${MONTHS})\\.?\\s+\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}:\\d{2}).*$`,
  'i',
);
const EMAIL_RE = /\S+@\S+\.\S+/g;
const BY_RE = /^\s*(?:(?:written|analysis|opinion|commentary|review|text|words|story|reporting|interview)\s+)?by[:\s]+/i;
/** "Text: Jane Doe", "Autor: Jane Doe": a short label before a colon. */
const LABEL_RE = /^[\p{L}]{2,12}:\s*/u;
const DOMAIN_RE = /\.(?:com|org|net|co|news|info)\b/i;
const NOT_NAMES = new Set(['admin', 'administrator', 'staff', 'editor', 'editors', 'unknown', 'guest', 'anonymous']);

function cleanOne(raw: string): string | null {
  let s = raw.replace(EMAIL_RE, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(BY_RE, '').replace(LABEL_RE, '');
  s = s.replace(DATE_TAIL_RE, '');
  s = s.replace(/\s*[|•·–—]\s*.*$/, ''); // "Jane Doe | The Times", "Jane Doe — Reuters"
  s = s.replace(/\s+(?:for|at|from|in)\s+(?:the\s+)?[A-Z][\w.&' -]*$/, ''); // "Jane Doe for The Times"
  s = s.replace(ROLE_RE, '');
  s = s.replace(/^[\s,;:.'"-]+|[\s,;:'"-]+$/g, '');
  if (!s || s.length > 80 || !/\p{L}/u.test(s)) return null;
  if (s.split(' ').length > 6) return null; // a sentence, not a name
  if (NOT_NAMES.has(s.toLowerCase())) return null;
  if (/^https?:/i.test(s) || DOMAIN_RE.test(s)) return null;
  return s;
}

/**
 * Splits bylines into authors and cleans each; keeps order, drops duplicates. A name equal
 * to the site's own name ("Jill Disis, CNN Business" on cnn.com) is the outlet, not an author,
 * unless it is the only one.
 */
export function parseAuthors(values: readonly string[], siteName: string | null = null): string[] {
  const names = splitAuthors(values);
  if (!siteName || names.length < 2) return names;
  const site = siteName.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const people = names.filter((n) => {
    const k = n.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    return !(site.includes(k) || k.includes(site));
  });
  return people.length > 0 ? people : names;
}

function splitAuthors(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const withoutBy = value.replace(BY_RE, '');
    // Cut off a trailing role before splitting so "Staff Writers" doesn't become a name.
    for (const part of withoutBy.split(/\s*(?:,|;|\band\b|&|\n)\s*/i)) {
      const name = cleanOne(part);
      if (!name) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
