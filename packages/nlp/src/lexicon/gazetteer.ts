import countries from 'world-countries';
import type { EntityType } from '../types';
import { tokenize } from '../text/tokens';
import { PLACES, PLACE_ALIASES } from './places.data';
import { KNOWN_ORGS, ORG_ALIASES } from './orgs.data';

export interface GazetteerEntry {
  canonical: string;
  type: EntityType;
}

export interface Gazetteer {
  /** longest entry starting at tokens[i] (keys are token texts), with its length in tokens */
  match(words: readonly string[], i: number): { entry: GazetteerEntry; length: number } | null;
  isDemonym(word: string): boolean;
}

export const normWord = (w: string): string => w.replace(/[’‘]/g, "'").toLowerCase();

// Country codes used as names in running text; other ISO codes collide with words ("IT", "ME", "IN").
const CODE_ALLOW = new Set(['US', 'USA', 'UK', 'UAE', 'PRC', 'DPRK', 'ROK', 'DRC']);

// Political and regional adjectives behave like demonyms before titles ("Republican Sen. X").
const EXTRA_DEMONYMS = `European African Asian Western Eastern Arab Soviet Latin Muslim Christian Jewish Catholic
  Democrat Democratic Republican Liberal Conservative Labour Kurdish Palestinian Pakistani Taiwanese Hongkonger
  Tibetan Uighur Uyghur Sunni Shia Shiite Americans Europeans Israelis Palestinians`
  .split(/\s+/)
  .filter(Boolean);

function buildGazetteer(): Gazetteer {
  // acronym entries keep their surface: "US" must not match the pronoun "us", nor "WHO" the word "Who"
  const table = new Map<string, GazetteerEntry & { acronym?: string }>();
  let maxLen = 1;
  const add = (surface: string, entry: GazetteerEntry, override = false): void => {
    const key = tokenize(surface)
      .map((t) => normWord(t.text))
      .join(' ');
    if (!key) return;
    if (!override && table.has(key)) return;
    table.set(key, /^[\p{Lu}.&\d\s]+$/u.test(surface) ? { ...entry, acronym: surface.replace(/\s+/g, '') } : entry);
    maxLen = Math.max(maxLen, key.split(' ').length);
  };
  const demonyms = new Set<string>(EXTRA_DEMONYMS.map((d) => d.toLowerCase()));
  for (const c of countries) {
    const entry: GazetteerEntry = { canonical: c.name.common, type: 'LOCATION' };
    add(c.name.common, entry);
    add(c.name.official, entry);
    for (const alt of c.altSpellings) {
      // two-letter codes and all-caps abbreviations only when they are common in prose
      if (/^[A-Z.]+$/.test(alt) && !CODE_ALLOW.has(alt.replace(/\./g, ''))) continue;
      add(alt, entry);
    }
    for (const cap of c.capital ?? []) add(cap, { canonical: cap, type: 'LOCATION' });
    const d = c.demonyms?.['eng'];
    if (d) {
      demonyms.add(d.m.toLowerCase());
      demonyms.add(d.f.toLowerCase());
      demonyms.add(`${d.m.toLowerCase()}s`);
    }
  }
  for (const p of PLACES) add(p, { canonical: p, type: 'LOCATION' }, true);
  for (const [alias, canonical] of Object.entries(PLACE_ALIASES)) add(alias, { canonical, type: 'LOCATION' }, true);
  for (const o of KNOWN_ORGS) add(o, { canonical: ORG_ALIASES[o] ?? o, type: 'ORGANIZATION' }, true);
  for (const [alias, canonical] of Object.entries(ORG_ALIASES)) add(alias, { canonical, type: 'ORGANIZATION' }, true);
  // "Washington D.C." is the capital's listed name; plain "Washington" is the usual form
  add('Washington', { canonical: 'Washington', type: 'LOCATION' }, true);

  // most words start no entry: answer those without building any key
  const firstWords = new Set<string>([...table.keys()].map((k) => k.split(' ')[0]!));
  return {
    match(words, i) {
      const w0 = words[i];
      if (w0 === undefined || !firstWords.has(normWord(w0))) return null;
      for (let len = Math.min(maxLen, words.length - i); len >= 1; len--) {
        const key = words
          .slice(i, i + len)
          .map(normWord)
          .join(' ');
        const found = table.get(key);
        if (!found) continue;
        if (found.acronym !== undefined && words.slice(i, i + len).join('') !== found.acronym) continue;
        return { entry: { canonical: found.canonical, type: found.type }, length: len };
      }
      return null;
    },
    isDemonym: (w) => demonyms.has(w.toLowerCase()),
  };
}

let shared: Gazetteer | null = null;
/** Built once per process (about a thousand entries). */
export function getGazetteer(): Gazetteer {
  shared ??= buildGazetteer();
  return shared;
}
