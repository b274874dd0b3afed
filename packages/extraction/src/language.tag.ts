/**
 * Pages declare their language in many spellings: "en-US", "en-us", "en_GB" (og:locale), "EN",
 * "de-DE, en" (Content-Language lists), "deu". A facet needs one key per language, so `lang` is
 * the BCP 47 primary subtag ("en") and `tag` the whole tag in its canonical case ("en-US").
 */
export interface LanguageTag {
  /** The primary language subtag, lower case: "en". */
  lang: string;
  /** The full tag, canonical case: "en-US", "sr-Latn-RS", "pt-BR". */
  tag: string;
}

/** ISO 639-2 codes pages use where BCP 47 wants the two-letter code (RFC 5646 §2.2.1). */
const TWO_LETTER: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  ger: 'de',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  nld: 'nl',
  dut: 'nl',
  rus: 'ru',
  ukr: 'uk',
  zho: 'zh',
  chi: 'zh',
  jpn: 'ja',
  kor: 'ko',
  ara: 'ar',
  swe: 'sv',
  dan: 'da',
  nor: 'no',
  fin: 'fi',
  ces: 'cs',
  cze: 'cs',
  tur: 'tr',
  ell: 'el',
  gre: 'el',
};

export function languageTag(value: string | null | undefined): LanguageTag | null {
  const first = value?.split(/[,;\s]+/).find(Boolean);
  if (!first) return null;
  const parts = first.replace(/_/g, '-').split('-');
  const primary = parts[0]!.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(primary) || primary === 'und' || primary === 'mul' || primary === 'zxx') return null;
  const lang = TWO_LETTER[primary] ?? primary;
  const rest: string[] = [];
  for (const [i, part] of parts.slice(1).entries()) {
    if (!/^[a-z0-9]{1,8}$/i.test(part)) break; // "en-US.utf8", "en-" : keep what is well formed
    if (/^[a-z]{4}$/i.test(part) && i === 0) {
      rest.push(part[0]!.toUpperCase() + part.slice(1).toLowerCase());
    } // script
    else if (/^([a-z]{2}|\d{3})$/i.test(part) && rest.every((p) => !/^([A-Z]{2}|\d{3})$/.test(p))) {
      rest.push(part.toUpperCase());
    } // region
    else {
      rest.push(part.toLowerCase());
    }
  }
  return { lang, tag: [lang, ...rest].join('-') };
}
