import type { Entity, EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { NameCandidate } from './name.finder';
import { CUE_VERBS, LOC_PREPOSITIONS, ORG_HEADS, ROLE_NOUNS } from '../lexicon/words';
import { isAcronym, lower } from './entity.classifier';
import { buildIndex, fold, pickPerson } from './name.index';
import { bracketedAliases } from './org.aliases';
import { FEMALE_NAMES, MALE_NAMES } from '../lexicon/first-names.data';

/** One mention tied to its entity; the quotation rules use these to resolve speakers. */
export interface ResolvedMention {
  entity: number;
  start: number;
  end: number;
  first: number;
  last: number;
  sent: number;
  para: number;
  possessive: boolean;
}

export interface EntityTable {
  entities: Entity[];
  /** sorted by start */
  mentions: ResolvedMention[];
  /** role nouns seen with each entity ("minister"), by entity index */
  roles: Map<number, Set<string>>;
  /** what titles and given names say of a person's gender, by entity index (for "he" / "she") */
  gender: Map<number, 'm' | 'f'>;
}

interface Draft {
  type: EntityType;
  canonical: string | null;
  words: string[][];
  cands: NameCandidate[];
}

/**
 * Merges name candidates into entities: fullest name wins, surnames and first words resolve to the
 * person most recently named (or the next one named), acronyms and aliases to their organisation or place.
 */
export function resolveEntities(text: string, tokens: readonly Token[], cands: readonly NameCandidate[]): EntityTable {
  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  const assigned = new Array<number>(cands.length).fill(-1);

  const addTo = (key: string, make: () => Draft, ci: number): number => {
    let idx = byKey.get(key);
    if (idx === undefined) {
      idx = drafts.length;
      drafts.push(make());
      byKey.set(key, idx);
    }
    const d = drafts[idx]!;
    d.cands.push(cands[ci]!);
    d.words.push(cands[ci]!.words);
    assigned[ci] = idx;
    return idx;
  };

  const deferredPlaces: number[] = [];
  // pass 1: names that carry their own type — the model's (see model.names.ts); a name the model
  // did not type is no name here
  // words of the people named in full: a lone "Trump" the model calls a place is still Donald Trump
  const personWords = new Set(
    cands
      .filter((c) => c.modelType === 'PERSON' && c.words.length > 1)
      .flatMap((c) => [fold(c.words[0]!), fold(c.words[c.words.length - 1]!)]),
  );
  const candAt = new Map(cands.map((c) => [c.first, c]));
  // "based in Madison, Wisconsin", "HAMILTON, Ontario —": a one-word place followed by its state or
  // country stays a place even where the text names a person Madison (or Grace Hamilton)
  const placeInRegion = (c: (typeof cands)[number]): boolean => {
    const region = tokens[c.last]?.text === ',' ? candAt.get(c.last + 1) : undefined;
    return region !== undefined && (region.known?.type ?? region.modelType) === 'LOCATION';
  };
  // (and the model's other one-word places of that name in the text: "in Florence, Muscle Shoals")
  const regionPlaces = new Set(
    cands.filter((c) => c.words.length === 1 && c.modelType === 'LOCATION' && placeInRegion(c)).map((c) => fold(c.words[0]!)),
  );
  const types = cands.map((c): EntityType | 'DROP' | null => {
    if (!c.modelType) return 'DROP';
    if (PEER_SEAT.test(text.slice(Math.max(0, c.start - 40), c.start))) return 'DROP'; // "Saltaire" of "Lord Kershaw of Saltaire"
    if (/^[DRI]-/.test(c.text)) return 'DROP'; // party and state of a US legislator: "R-Alaska"
    const w = fold(c.words[0]!);
    // "landed in Austin" stays a place even where Lloyd Austin is named — a place the gazetteer
    // knows: "suggestions from Sondland", "a case against Assange" are still the person
    if (
      c.words.length === 1 &&
      c.modelType === 'LOCATION' &&
      (regionPlaces.has(w) || (LOC_PREPOSITIONS.has(lower(tokens[c.first - 1])) && (c.known?.type === 'LOCATION' || !personWords.has(w))))
    ) {
      return 'LOCATION';
    }
    if (c.words.length === 1 && personWords.has(w)) return 'PERSON';
    if (c.words.length === 1 && w.endsWith('s') && personWords.has(w.slice(0, -1))) return 'DROP'; // "the Bidens"
    // the model reads context ("Jordan said"); a known place it calls a person is a person
    if (c.known && c.modelType !== 'PERSON') return c.known.type;
    return c.modelType;
  });
  cands.forEach((c, ci) => {
    const type = types[ci];
    if (type === 'DROP') {
      assigned[ci] = -2; // an event or a work: no entity
      return;
    }
    if (!type) return;
    // (a known place or body that the text makes a person, "Odessa said" after Odessa Marchand, is
    // resolved with the people's single words below, not kept apart under the place's name)
    if (c.known && type !== 'PERSON') {
      // "Austin" may be Lloyd Austin: a one-word place waits until the people are known
      if (
        c.words.length === 1 &&
        type === 'LOCATION' &&
        !LOC_PREPOSITIONS.has(lower(tokens[c.first - 1])) &&
        !regionPlaces.has(fold(c.words[0]!))
      ) {
        deferredPlaces.push(ci);
        return;
      }
      addTo(`${type}|${fold(c.known.canonical)}`, () => ({ type, canonical: c.known!.canonical, words: [], cands: [] }), ci);
      return;
    }
    if (type === 'PERSON' && c.words.length > 1) {
      // "Donald J. Trump" and "Donald Trump" are one person: key on first and last word
      const key = `PERSON|${fold(c.words[0]!)} ${fold(c.words[c.words.length - 1]!)}`;
      addTo(key, () => ({ type, canonical: null, words: [], cands: [] }), ci);
      return;
    }
    if (type === 'PERSON') return; // titled single word: resolved with the other single words
    // "NSC" after "National Security Council": resolved with the other single words, by its initials
    if (type === 'ORGANIZATION' && c.words.length === 1 && isAcronym(c.words[0]!)) return;
    // "Apple Inc" is Apple: the corporate suffix does not make another organisation
    const key = fold(c.words.join(' ')).replace(/\s+(?:inc|corp|co|ltd|llc|plc|sa|ag|nv)\.?$/, '');
    const known = type === 'ORGANIZATION' ? byKey.get(`${type}|${key}`) : undefined;
    if (known !== undefined) attach(drafts, assigned, cands, ci, known);
    else addTo(`${type}|${key}`, () => ({ type, canonical: null, words: [], cands: [] }), ci);
  });

  // "Seun Adebayo" after 'Oluwaseun “Seun” Adebayo': the nickname with the surname is the person
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.type !== 'PERSON') continue;
    for (const c of [...d.cands]) {
      const nick = /^\S+\s+["“‘']([^"“”‘’']+)["”’']\s+(?:\S+\s+)*(\S+)$/u.exec(text.slice(c.start, c.end));
      const other = nick ? byKey.get(`PERSON|${fold(nick[1]!.split(/\s+/)[0]!)} ${fold(nick[2]!)}`) : undefined;
      if (other !== undefined && other !== i && drafts[other]!.cands.length > 0) mergeInto(drafts, assigned, other, i);
    }
  }

  // "Cefic" after "the European Chemical Industry Council (Cefic)": the bracketed short form's
  const aliases = bracketedAliases(text, cands, (ci) => assigned[ci]!);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const words = d.words[0] ?? [];
    const to = words.length === 1 && d.type === 'ORGANIZATION' ? aliases.get(fold(words[0]!)) : undefined;
    if (to !== undefined && to !== i && drafts[to]!.cands.length > 0) mergeInto(drafts, assigned, i, to);
  }

  // organisations named by a shorter tail ("Intelligence Committee") join the fuller one
  const orgIdx = drafts.map((d, i) => i).filter((i) => drafts[i]!.type === 'ORGANIZATION' && !drafts[i]!.canonical);
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    for (const j of orgIdx) {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      if (i === j || wj.length <= wi.length || wi.length < 2) continue;
      if (wj.slice(wj.length - wi.length).join(' ') === wi.join(' ')) {
        mergeInto(drafts, assigned, i, j);
        break;
      }
    }
  }

  // "the Gazette" after "the Ketterby Gazette": a paper named by its title's last word alone, always
  // after "the", when one paper of the text ends on it (a company named "Tribune", without "the",
  // that owns "the Chicago Tribune" is another)
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    if (drafts[i]!.cands.length === 0 || wi.length !== 1 || !PAPER_TITLES.has(wi[0]!)) continue;
    if (!drafts[i]!.cands.every((c) => /\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 5), c.start)))) continue;
    const fuller = orgIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return j !== i && drafts[j]!.cands.length > 0 && wj.length > 1 && wj[wj.length - 1] === wi[0];
    });
    if (fuller.length === 1) mergeInto(drafts, assigned, i, fuller[0]!);
  }

  // "the Supreme Court" after "the Supreme Court of Canada": a name that is a fuller one without
  // its "of"/"for" phrase, when one fuller name is so
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    if (drafts[i]!.cands.length === 0 || wi.length < 2) continue;
    const fuller = orgIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return (
        j !== i &&
        drafts[j]!.cands.length > 0 &&
        wj.length > wi.length + 1 &&
        wj.slice(0, wi.length).join(' ') === wi.join(' ') &&
        /^(?:of|for)$/.test(wj[wi.length]!)
      );
    });
    if (fuller.length === 1) mergeInto(drafts, assigned, i, fuller[0]!);
  }

  // "Big Machine" with "Big Machine Records" and "Big Machine Label Group", "Harvard" with "Harvard
  // University": a name and the same name with an organisation's head words after it are one
  // organisation (the fullest name wins)
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    if (drafts[i]!.cands.length === 0 || wi.length === 0) continue;
    const fuller = orgIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return (
        j !== i &&
        drafts[j]!.cands.length > 0 &&
        wj.length > wi.length &&
        wj.slice(0, wi.length).join(' ') === wi.join(' ') &&
        wj.slice(wi.length).every((w) => ORG_HEADS.has(w) || w === 'label')
      );
    });
    if (fuller.length === 0) continue;
    const [into, ...others] = fuller;
    for (const o of others) mergeInto(drafts, assigned, o, into!);
    mergeInto(drafts, assigned, i, into!);
  }
  // "Pindan" read as a place beside "Pindan Resources": a word no gazetteer knows that is an
  // organisation's name without its head words is that organisation
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const wi = (d.words[0] ?? []).map(fold);
    if (d.type !== 'LOCATION' || d.canonical || d.cands.length === 0 || wi.length !== 1) continue;
    const fuller = orgIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return drafts[j]!.cands.length > 0 && wj.length > 1 && wj[0] === wi[0] && wj.slice(1).every((w) => COMPANY_HEADS.has(w));
    });
    // (never a town: "Tucson" beside "Tucson Police Department"; nor a word the text puts "in")
    const placed = d.cands.some((c) => LOC_PREPOSITIONS.has(lower(tokens[c.first - 1])));
    if (fuller.length === 1 && !placed) mergeInto(drafts, assigned, i, fuller[0]!);
  }
  // "the Lakers" after "the Los Angeles Lakers": a team's (or party's) plural name alone, when
  // one fuller organisation ends with it
  for (const i of orgIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    if (drafts[i]!.cands.length === 0 || wi.length !== 1 || !/^\p{Lu}\p{Ll}+s$/u.test(drafts[i]!.words[0]![0]!)) continue;
    const fuller = orgIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return j !== i && drafts[j]!.cands.length > 0 && wj.length > 1 && wj[wj.length - 1] === wi[0];
    });
    if (fuller.length === 1) mergeInto(drafts, assigned, i, fuller[0]!);
  }

  // "Van Der Beek" after "James Van Der Beek": a person named by the tail of a fuller name is that
  // person; of several ("Richard von Weizsäcker", "Fritz von Weizsäcker"), the one named last
  // before it (or, failing that, the next one named), as with a surname alone
  const personIdx = drafts.map((_, i) => i).filter((i) => drafts[i]!.type === 'PERSON' && drafts[i]!.cands.length > 0);
  for (const i of personIdx) {
    const wi = (drafts[i]!.words[0] ?? []).map(fold);
    if (wi.length < 2 || drafts[i]!.cands.length === 0) continue;
    const fuller = personIdx.filter((j) => {
      const wj = (drafts[j]!.words[0] ?? []).map(fold);
      return j !== i && drafts[j]!.cands.length > 0 && wj.length > wi.length && wj.slice(wj.length - wi.length).join(' ') === wi.join(' ');
    });
    if (fuller.length === 1) mergeInto(drafts, assigned, i, fuller[0]!);
    else if (fuller.length > 1) mergeInto(drafts, assigned, i, nearestBefore(drafts, fuller, drafts[i]!.cands[0]!.start));
  }

  // "B. U. Nzeribe" after "Benjamin Nzeribe": a person named by initials and a surname is the one
  // person of that surname whose given name starts with the first initial
  for (const i of personIdx) {
    const wi = drafts[i]!.words[0] ?? [];
    if (wi.length < 2 || drafts[i]!.cands.length === 0 || !/^\p{Lu}\.?$/u.test(wi[0]!)) continue;
    const last = fold(wi[wi.length - 1]!);
    const fuller = personIdx.filter((j) => {
      const wj = drafts[j]!.words[0] ?? [];
      return (
        j !== i &&
        drafts[j]!.cands.length > 0 &&
        wj.length >= 2 &&
        !/^\p{Lu}\.?$/u.test(wj[0]!) &&
        fold(wj[wj.length - 1]!) === last &&
        wj[0]![0] === wi[0]![0]
      );
    });
    if (fuller.length === 1) mergeInto(drafts, assigned, i, fuller[0]!);
  }

  // a known one-word company inside a fuller corporate name ("Disney" in "Walt Disney Co.") is that company
  const CORPORATE = /^(?:co|inc|corp|company|corporation|group|ltd|plc|llc)\.?$/;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.type !== 'ORGANIZATION' || !d.canonical || d.cands.length === 0 || d.words.some((ws) => ws.length > 1)) continue;
    const w = fold(d.canonical);
    const j = orgIdx.find((o) => {
      const ws = (drafts[o]!.words[0] ?? []).map(fold);
      return drafts[o]!.cands.length > 0 && ws.length > 2 && CORPORATE.test(ws[ws.length - 1]!) && ws.includes(w);
    });
    if (j !== undefined) mergeInto(drafts, assigned, i, j);
  }

  // pass 2: single words (and titled single words) in text order, through indexes built once
  // (the text may be long: nothing here may scan all mentions per mention)
  const index = buildIndex(drafts);
  for (const ci of deferredPlaces) {
    const c = cands[ci]!;
    const person = index.byLast.has(fold(c.words[0]!)) ? pickPerson(index, c.start, fold(c.words[0]!), new Map()) : -1;
    if (person >= 0) {
      attach(drafts, assigned, cands, ci, person);
    } else {
      addTo(`LOCATION|${fold(c.known!.canonical)}`, () => ({ type: 'LOCATION', canonical: c.known!.canonical, words: [], cands: [] }), ci);
    }
  }
  const lastSeen = new Map<number, number>();
  const endAt = new Map(cands.map((c) => [c.start, c.end]));
  // "Robert Price, a great-grandson of co-founder Leon Price": the later name is in the earlier's
  // appositive (a comma right after the earlier name, none between it and the later one)
  const inAppositiveOf = (later: number, earlier: number): boolean => {
    const end = endAt.get(earlier);
    return end !== undefined && end < later && /^,\s[^,;.!?\n]*$/u.test(text.slice(end, later));
  };
  const singles: number[] = [];
  cands.forEach((c, ci) => {
    const a = assigned[ci]!;
    if (a >= 0 || a === -2) return;
    const w = fold(c.words[0] ?? '');
    // a titled surname goes first to the one of that name the text gave the same title
    const title = c.title?.replace(/\.$/, '');
    // ("Mr Henderson" after "Trish Henderson" and a Henderson named without his title: not her)
    const titleGender = c.title ? genderOf('', [c.title]) : null;
    const fits = (i: number): boolean => {
      const g = genderOf(
        drafts[i]!.words[0]?.[0] ?? '',
        drafts[i]!.cands.map((o) => o.title),
      );
      return !titleGender || !g || g === titleGender;
    };
    const titled = title
      ? (i: number): boolean => drafts[i]!.cands.some((o) => o.title?.replace(/\.$/, '') === title) || (titleGender !== null && fits(i))
      : undefined;
    const person = pickPerson(index, c.start, w, lastSeen, titled, inAppositiveOf);
    if (person >= 0) {
      attach(drafts, assigned, cands, ci, person);
      lastSeen.set(person, c.start);
      return;
    }
    const raw = c.words[0] ?? '';
    const alias = aliases.get(w);
    const org =
      (alias !== undefined && drafts[alias]!.cands.length > 0 ? alias : undefined) ??
      (!ORG_HEADS.has(w) ? index.orgByFirst.get(w) : undefined) ??
      (isAcronym(raw) ? index.orgByInitials.get(raw.replace(/\./g, '')) : undefined);
    if (org !== undefined) {
      attach(drafts, assigned, cands, ci, org);
      return;
    }
    singles.push(ci);
  });

  // remaining single words: decide per word, from all its occurrences
  const groups = new Map<string, number[]>();
  for (const ci of singles) {
    const w = fold(cands[ci]!.words[0] ?? '');
    const g = groups.get(w);
    if (g) g.push(ci);
    else groups.set(w, [ci]);
  }
  for (const [w, cis] of groups) {
    const modelType = cis.map((ci) => cands[ci]!.modelType).find((t) => t !== undefined);
    if (!modelType) continue;
    // the model has read each occurrence in context; its vote stands
    for (const ci of cis) addTo(`${modelType}|${w}`, () => ({ type: modelType, canonical: null, words: [], cands: [] }), ci);
  }

  return finish(text, tokens, drafts);
}

// the last word of a newspaper's title, by which the paper is named alone ("the Gazette")
const PAPER_TITLES = new Set(
  `gazette times herald post journal tribune telegraph guardian courier chronicle examiner observer mirror express
  independent bulletin standard advertiser argus sentinel enquirer inquirer dispatch`.split(/\s+/),
);

/** Of `among`, the draft named last before `at`, else the first named after it. */
function nearestBefore(drafts: readonly Draft[], among: readonly number[], at: number): number {
  let best = among[0]!;
  let bestAt = -Infinity;
  let firstAfter = Infinity;
  let after = among[0]!;
  for (const j of among) {
    for (const c of drafts[j]!.cands) {
      if (c.start < at && c.start > bestAt) [best, bestAt] = [j, c.start];
      if (c.start >= at && c.start < firstAfter) [after, firstAfter] = [j, c.start];
    }
  }
  return bestAt > -Infinity ? best : after;
}

function mergeInto(drafts: Draft[], assigned: number[], from: number, to: number): void {
  const a = drafts[from]!;
  const b = drafts[to]!;
  b.cands.push(...a.cands);
  b.words.push(...a.words);
  a.cands = [];
  a.words = [];
  for (let k = 0; k < assigned.length; k++) if (assigned[k] === from) assigned[k] = to;
}

function attach(drafts: Draft[], assigned: number[], cands: readonly NameCandidate[], ci: number, idx: number): void {
  drafts[idx]!.cands.push(cands[ci]!);
  drafts[idx]!.words.push(cands[ci]!.words);
  assigned[ci] = idx;
}

function finish(text: string, tokens: readonly Token[], drafts: Draft[]): EntityTable {
  const entities: Entity[] = [];
  const mentions: ResolvedMention[] = [];
  const roles = new Map<number, Set<string>>();
  const gender = new Map<number, 'm' | 'f'>();
  for (const d of drafts) {
    if (d.cands.length === 0) continue;
    const idx = entities.length;
    // (a given name written out beats initials: "Benjamin Nzeribe", not "B. U. Nzeribe")
    const initialled = (c: NameCandidate): number => (d.type === 'PERSON' && /^\p{Lu}\.?$/u.test(c.words[0] ?? '') ? 1 : 0);
    // (and a name as written in running text beats a dateline's capitals: "Ben Tre", not "BEN TRE")
    const shouted = (c: NameCandidate): number => (/\p{Lu}{2}/u.test(c.text) && !/\p{Ll}/u.test(c.text) ? 1 : 0);
    const fullest = [...d.cands].sort(
      (a, b) =>
        initialled(a) - initialled(b) || b.words.length - a.words.length || shouted(a) - shouted(b) || b.text.length - a.text.length,
    )[0]!;
    let name = d.canonical ?? fullest.text.replace(/^The\s+/, '');
    // "Prince Andrew", "Queen Elizabeth II": a royal known by a given name alone is named with the title
    const royal =
      d.type === 'PERSON' && !d.canonical && /^\p{Lu}[\p{L}'’-]+(?:\s+[IVX]+)?$/u.test(name)
        ? d.cands.find((c) => c.title && ROYAL_TITLES.has(c.title))
        : undefined;
    if (royal) name = `${royal.title![0]!.toUpperCase()}${royal.title!.slice(1)} ${name}`;
    // "Lord Kershaw of Saltaire": a peer known by a surname is named by the title and the seat
    const peer = d.type === 'PERSON' && !d.canonical && !royal && /^\p{Lu}[\p{L}'’-]+$/u.test(name) ? peerName(text, d.cands) : null;
    if (peer) name = peer;
    const ms = [...d.cands].sort((a, b) => a.start - b.start);
    entities.push({ name, type: d.type, mentions: ms.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end })) });
    const rs = new Set<string>();
    for (const c of ms) {
      const t = tokens[c.first]!;
      mentions.push({
        entity: idx,
        start: c.start,
        end: c.end,
        first: c.first,
        last: c.last,
        sent: t.sent,
        para: t.para,
        possessive: c.possessive,
      });
      if (c.title) for (const w of c.title.split(' ')) if (ROLE_NOUNS.has(w.replace(/\.$/, ''))) rs.add(w);
      for (const r of nearbyRoles(tokens, c)) rs.add(r);
      // "Deputy Prosecuting Attorney Renata Alvarez", "District Attorney X": "the prosecutor" later
      if (/\b(?:prosecuting|district|state'?s|crown)\s+(?:attorney|counsel)\s+$/i.test(text.slice(Math.max(0, c.start - 40), c.start))) {
        rs.add('prosecutor');
      }
    }
    if (rs.size > 0) roles.set(idx, rs);
    if (d.type === 'PERSON') {
      const g = genderOf(
        fullest.words[0] ?? '',
        ms.map((c) => c.title),
      );
      if (g) gender.set(idx, g);
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions, roles, gender };
}

// the head words of a company's name (not a public body's: "Tucson Police Department")
const COMPANY_HEADS = new Set(
  `resources materials minerals metals mining logistics holdings group inc corp ltd plc llc co company corporation
  industries technologies systems partners capital energy foods brands motors pharmaceuticals therapeutics
  biosciences robotics solutions restaurants chemicals steel ventures enterprises investments software airlines
  airways studios entertainment records productions`.split(/\s+/),
);

// a peer's title, surname and "of": what follows is the seat, part of the peer's name
const PEER_SEAT = /\b(?:Lord|Lady|Baroness|Baron)\s+\p{Lu}[\p{L}'’-]+\s+of\s+$/u;

/** "Lord Kershaw of Saltaire", as the text writes it after one of the person's mentions, else null. */
function peerName(text: string, cands: readonly NameCandidate[]): string | null {
  for (const c of cands) {
    if (!c.title || !/^(?:lord|lady|baroness|baron)$/.test(c.title)) continue;
    const seat = /^ of (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?)/u.exec(text.slice(c.end, c.end + 40));
    if (seat) return `${c.title[0]!.toUpperCase()}${c.title.slice(1)} ${c.words.join(' ')} of ${seat[1]}`;
  }
  return null;
}

const ROYAL_TITLES = new Set(['prince', 'princess', 'king', 'queen', 'duke', 'duchess', 'pope']);
const MALE_TITLES = new Set([
  'mr',
  'mr.',
  'sir',
  'lord',
  'king',
  'prince',
  'father',
  'congressman',
  'chairman',
  'spokesman',
  'rabbi',
  'imam',
  'pope',
  'sheikh',
  'emir',
]);
const FEMALE_TITLES = new Set([
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'dame',
  'lady',
  'queen',
  'princess',
  'congresswoman',
  'chairwoman',
  'spokeswoman',
]);

function genderOf(firstWord: string, titles: (string | null)[]): 'm' | 'f' | null {
  for (const t of titles) {
    if (t && MALE_TITLES.has(t)) return 'm';
    if (t && FEMALE_TITLES.has(t)) return 'f';
  }
  const w = firstWord.toLowerCase();
  return FEMALE_NAMES.has(w) ? 'f' : MALE_NAMES.has(w) ? 'm' : null;
}

/** Lower-case role nouns in an appositive right before or after the name ("China's minister of X, Wang"). */
function nearbyRoles(tokens: readonly Token[], c: NameCandidate): string[] {
  const out: string[] = [];
  const sent = tokens[c.first]!.sent;
  for (let k = c.first - 1; k >= Math.max(0, c.first - 7); k--) {
    const t = tokens[k]!;
    // (not across a verb or a clause: "A spokesperson for SAG-AFTRA confirmed that Vega's exit")
    if (t.sent !== sent || t.text === '.' || /^["“”]$/.test(t.text) || CUE_VERBS.has(t.text) || /^(?:that|who|which)$/.test(t.text)) break;
    if (ROLE_NOUNS.has(t.text.toLowerCase())) out.push(t.text.toLowerCase());
  }
  if (tokens[c.last]?.text === ',') {
    const after: string[] = [];
    for (let k = c.last + 1; k < Math.min(tokens.length, c.last + 9); k++) {
      const t = tokens[k]!;
      if (t.sent !== sent || t.text === ',' || t.text === '.') break;
      // ("his adviser, Femi Adegoke, the chairman said": a role that is the subject of a speech
      // verb is someone else's)
      if (CUE_VERBS.has(t.text)) {
        after.length = 0;
        break;
      }
      if (ROLE_NOUNS.has(t.text.toLowerCase())) after.push(t.text.toLowerCase());
    }
    out.push(...after);
  }
  return out;
}
