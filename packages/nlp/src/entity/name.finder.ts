import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { Gazetteer } from '../lexicon/gazetteer';
import { normWord } from '../lexicon/gazetteer';
import { CALENDAR_WORDS, LOC_HEADS, NAME_CONNECTORS, ORG_CONNECTORS, ORG_HEADS, ROLE_NOUNS, SENTENCE_STOP, TITLES } from '../lexicon/words';
import { FIRST_NAMES } from '../lexicon/first-names.data';

/** A capitalised name found in the text, before entities are merged. */
export interface NameCandidate {
  /** token index range [first, last) */
  first: number;
  last: number;
  start: number;
  end: number;
  /** surface text without a possessive 's */
  text: string;
  words: string[];
  /** type and canonical name when the gazetteer knows the name */
  known: { canonical: string; type: EntityType } | null;
  /** title right before the name ("Secretary of State"), lower-case */
  title: string | null;
  possessive: boolean;
  /** first word of its sentence: its capital letter proves nothing */
  sentenceInitial: boolean;
  /** the type the trained model gave this name (after the vote across its mentions), if it found it */
  modelType?: EntityType;
}

// titles indexed by their first word, longest first
const TITLES_BY_FIRST = new Map<string, string[][]>();
// the tokenizer splits "Secretary-General" at the hyphen: index that form too
for (const t of TITLES.flatMap((x) => (x.includes('-') ? [x, x.replace(/-/g, ' - ')] : [x]))) {
  const ws = t.split(' ');
  TITLES_BY_FIRST.set(
    ws[0]!,
    [...(TITLES_BY_FIRST.get(ws[0]!) ?? []), ws].sort((a, b) => b.length - a.length),
  );
}

const UNIT_NOUNS = new Set(['policy', 'desk', 'team', 'program', 'programme', 'branch', 'unit', 'operations', 'staff', 'portfolio']);
const isModifiedNoun = (w: string): boolean => ROLE_NOUNS.has(w) || ORG_HEADS.has(w) || UNIT_NOUNS.has(w);
const isPossessive = (w: string): boolean => /['’]s$/i.test(w);
const stripPossessive = (w: string): string => w.replace(/['’]s$/i, '');
const isQuoteOrBracket = (w: string): boolean => /^["“”‘’'(\[«—–-]$/.test(w);

function isNameWord(w: string): boolean {
  // "I", "I'm", "We've": pronouns and contractions
  if (w === 'I' || /['’](?:m|ve|ll|re|d|t)$/i.test(w)) return false;
  // digits make a code or an amount ("$US8"), not a name; "G20" is the exception worth keeping
  if (/\d/.test(w)) return /^G\d{1,2}$/.test(w);
  return isCapitalized(w) && /^\p{Lu}[\p{L}\p{M}'’.\-]*$/u.test(w);
}

/** Longest title at words[k], lower-cased, or null. */
export function matchTitle(words: readonly string[], k: number): { title: string; length: number } | null {
  const first = words[k];
  const cands = first === undefined ? undefined : TITLES_BY_FIRST.get(normWord(first));
  if (!cands) return null;
  for (const t of cands) {
    if (k + t.length > words.length) continue;
    if (t.every((x, i) => normWord(words[k + i]!) === x)) return { title: t.join(' '), length: t.length };
  }
  return null;
}

/**
 * Finds capitalised runs ("US Secretary of State Antony Blinken") and cuts them into names,
 * setting titles and demonyms aside and taking known places/organisations from the gazetteer.
 */
export function findNames(source: string, tokens: readonly Token[], gaz: Gazetteer): NameCandidate[] {
  const out: NameCandidate[] = [];
  // words the text also writes in lower case are ordinary words when they open a sentence
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isNameWord(t.text)) {
      i++;
      continue;
    }
    // collect the run [i, j)
    let j = i;
    while (j < tokens.length) {
      const tok = tokens[j]!;
      if (tok.sent !== t.sent) break;
      if (isNameWord(tok.text)) {
        // a possessive ends the run, unless the name goes on ("People's Republic of China"): cutRun decides
        j++;
        continue;
      }
      const next = tokens[j + 1];
      const prev = tokens[j - 1]!;
      const joinsNext = next !== undefined && next.sent === t.sent && isNameWord(next.text);
      // "Bank of America", "Jean-Claude", "AT&T"
      const conn = tok.text.toLowerCase();
      // "Deferred Action for Childhood Arrivals": two or more name words on each side
      const longSides = j - i >= 2 && isNameWord(tokens[j + 2]?.text ?? '');
      const orgBefore =
        ORG_HEADS.has(prev.text.toLowerCase()) || TITLES_BY_FIRST.has(prev.text.toLowerCase()) || (conn === 'for' && longSides);
      if (joinsNext && NAME_CONNECTORS.has(conn) && conn !== 'and' && (!ORG_CONNECTORS.has(conn) || orgBefore)) {
        j++;
        continue;
      }
      if (joinsNext && tok.text === '-' && prev.end === tok.start && tok.end === next.start) {
        j++;
        continue;
      }
      break;
    }
    cutRun(source, tokens, i, j, gaz, lowerWords, out);
    i = Math.max(j, i + 1);
  }
  return out;
}

function startsSentence(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const p = tokens[k]!;
    if (p.sent !== tokens[i]!.sent) return true;
    // the first word inside an opening quote mark starts the quoted sentence
    if (/^[“‘]$/.test(p.text) || (/^["']$/.test(p.text) && (k === 0 || tokens[k - 1]!.end < p.start))) return true;
    if (isQuoteOrBracket(p.text) || p.text === ':') continue;
    return false;
  }
  return true;
}

function cutRun(
  source: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  gaz: Gazetteer,
  _lowerWords: ReadonlySet<string>,
  out: NameCandidate[],
): void {
  // "Press secretary Karine Jean-Pierre": a capitalised word that opens a lower-case title
  const after = tokens[to];
  if (to - from === 1 && after && matchTitle([tokens[from]!.text, after.text], 0)?.length === 2) return;
  const words = tokens.slice(from, to).map((t) => stripPossessive(t.text));
  const raw = tokens.slice(from, to).map((t) => t.text);
  let initial = startsSentence(tokens, from);
  // a lower-case title right before the run ("congresswoman Alexandria Ocasio-Cortez")
  const before = tokens[from - 1];
  let title: string | null = before && /^\p{Ll}/u.test(before.text) && matchTitle([before.text], 0) ? before.text.toLowerCase() : null;
  let chunkStart = -1;

  const emit = (a: number, b: number, known: NameCandidate['known']): void => {
    // drop connectors and hyphens at the edges
    while (a < b && !isNameWord(raw[a]!)) a++;
    while (b > a && !isNameWord(raw[b - 1]!)) b--;
    if (a >= b) return;
    // hyphen-joined words are one unit ("Soon-Shiong", "Eva-Marie")
    const ws: string[] = [];
    for (let x = a; x < b; x++) {
      const w = words[x]!;
      if (w === '-' && ws.length > 0 && x + 1 < b) {
        ws[ws.length - 1] += `-${words[x + 1]!}`;
        x++;
      } else if (w.length > 0 && w !== '-') {
        ws.push(w);
      }
    }
    const first = tokens[from + a]!;
    const lastTok = tokens[from + b - 1]!;
    const possessive = isPossessive(lastTok.text);
    const end = possessive ? lastTok.end - 2 : lastTok.end;
    const text = source.slice(first.start, end);
    out.push({
      first: from + a,
      last: from + b,
      start: first.start,
      end,
      text,
      words: ws,
      known,
      title,
      possessive,
      sentenceInitial: initial && a === 0,
    });
    title = null;
  };

  // indices of name units: hyphen-joined words ("Eva-Marie") count once
  const unitsFrom = (k: number): number => {
    let n = 0;
    for (let x = k; x < raw.length; x++) if (isNameWord(raw[x]!) && raw[x - 1] !== '-') n++;
    return n;
  };
  const isBoundaryAt = (k: number): boolean => {
    if (k >= words.length || !isNameWord(raw[k] ?? '') || isPossessive(raw[k - 1] ?? '')) return true;
    if (raw[k] === '-') return gaz.match(words, k + 1) !== null; // "China-US"
    if (matchTitle(words, k) !== null || gaz.match(words, k) !== null) return true;
    // "US Trade Representative X": a word and a title follow
    if (k + 1 < words.length && matchTitle(words, k + 1) !== null) return true;
    // "envoy to Ukraine Kurt Volker": a personal name follows the place
    if (FIRST_NAMES.has(words[k]!.toLowerCase())) return true;
    const heads = (w: string | undefined): boolean => ORG_HEADS.has((w ?? '').toLowerCase()) || LOC_HEADS.has((w ?? '').toLowerCase());
    // ... but "Kansas City Star" and "New York Times" are one name
    const rest = raw.slice(k);
    const personLike = rest.every((w) => isNameWord(w) || w === '-') && unitsFrom(k) <= 3;
    return unitsFrom(k) >= 2 && personLike && !heads(words[k]) && !heads(words[words.length - 1]);
  };

  /** After "Director of": the words of the office, leaving the last two name units for the person. */
  const skipOfPhrase = (k: number): number => {
    if (raw[k]?.toLowerCase() !== 'of') return k;
    let x = k + 1;
    while (x < raw.length && unitsFrom(x) > 2 && !FIRST_NAMES.has(words[x]!.toLowerCase())) x++;
    return x;
  };

  let k = 0;
  while (k < words.length) {
    const w = words[k]!;
    if (chunkStart < 0) {
      if (!isNameWord(raw[k]!)) {
        k++;
        continue;
      }
      const lw = w.toLowerCase();
      // a capitalised first word of a sentence is often an ordinary word ("Hosting Cook, ...")
      // (a lower-case use elsewhere only counts for a lone word: "Big Machine" keeps its "Big")
      // (a lone word is left to the resolver, which knows whether it is someone's surname)
      const ordinary = (): boolean =>
        matchTitle(words, k) === null &&
        (SENTENCE_STOP.has(lw) ||
          (words.length > 1 && /^\p{L}{3,}(?:ing|ly)$|^\p{L}{5,}ed$/u.test(lw) && !FIRST_NAMES.has(lw)) ||
          (words.length > 1 && ROLE_NOUNS.has(lw.replace(/s$/, '')) && !FIRST_NAMES.has(words[k + 1]?.toLowerCase() ?? '')));
      if (k === 0 && initial && ordinary() && !gaz.match(words, k)) {
        k++;
        initial = false;
        continue;
      }
      // "Shares of Tesla fell": a sentence opening "Noun of Name" where the noun names no institution
      if (
        k === 0 &&
        initial &&
        raw[1]?.toLowerCase() === 'of' &&
        !gaz.match(words, 0) &&
        !matchTitle(words, 0) &&
        !ORG_HEADS.has(lw) &&
        !LOC_HEADS.has(lw) &&
        !FIRST_NAMES.has(lw)
      ) {
        k += 2;
        initial = false;
        continue;
      }
      if (CALENDAR_WORDS.has(lw) || CALENDAR_WORDS.has(raw[k]!.toLowerCase())) {
        k++;
        initial = false;
        continue;
      }
      const tm = matchTitle(words, k);
      // "General Motors": a title followed by an organisation word is part of the name
      const rest = words.slice(k + (tm?.length ?? 0));
      const restIsOrg = ORG_HEADS.has((rest[rest.length - 1] ?? '').toLowerCase());
      // "CEO of New Media Investment Group": the title's complement is an organisation, not a person
      if (tm && restIsOrg && raw[k + tm.length]?.toLowerCase() === 'of') {
        k += tm.length + 1;
        initial = false;
        continue;
      }
      if (tm && rest.length === 0) break; // a title alone ("the President said") names nobody here
      if (tm && rest.length > 0 && !restIsOrg) {
        title = tm.title;
        k = skipOfPhrase(k + tm.length);
        initial = false;
        continue;
      }
      const gm = gaz.match(raw, k) ?? gaz.match(words, k);
      if (gm && isBoundaryAt(k + gm.length)) {
        emit(k, k + gm.length, gm.entry);
        k += gm.length;
        initial = false;
        continue;
      }
      if (gaz.isDemonym(w) && isBoundaryAt(k + 1)) {
        k++;
        initial = false;
        continue;
      }
      chunkStart = k;
      k++;
      if (isPossessive(raw[k - 1]!)) {
        emit(chunkStart, k, null);
        chunkStart = -1;
      }
      continue;
    }
    // inside a chunk: a weekday ends it ("the House Intelligence Committee Tuesday"), and so does
    // a place after an organisation word ("National Security Council Ukraine expert")
    const lwk = raw[k]!.toLowerCase();
    const prevHead = (words[k - 1] ?? '').toLowerCase();
    // ("Imperial College London agreed" keeps its place: only a role or unit noun after it marks a modifier)
    const placeAfterHead =
      (ORG_HEADS.has(prevHead) || LOC_HEADS.has(prevHead)) &&
      gaz.match(words, k)?.entry.type === 'LOCATION' &&
      isModifiedNoun(tokens[from + k + (gaz.match(words, k)?.length ?? 1)]?.text ?? '');
    if (CALENDAR_WORDS.has(lwk) || placeAfterHead) {
      emit(chunkStart, k, null);
      chunkStart = -1;
      initial = false;
      continue;
    }
    // a capitalised title ends it ("Supreme Court Justice Brett Kavanaugh"); a lone word before the
    // title only says which office it is ("Energy Secretary Rick Perry")
    const tm = isNameWord(raw[k]!) ? matchTitle(words, k) : null;
    if (tm && k + tm.length < words.length && isNameWord(raw[k + tm.length]!)) {
      if (k - chunkStart > 1 || /^\p{Lu}{2,}$/u.test(raw[chunkStart]!)) emit(chunkStart, k, null);
      chunkStart = -1;
      initial = false;
      continue;
    }
    // "Daniel Ives of Wedbush Securities": a personal name does not run on through "of"
    const plainPair =
      k - chunkStart === 2 &&
      [words[chunkStart]!, words[chunkStart + 1]!].every(
        (w) =>
          !ORG_HEADS.has(w.toLowerCase()) && !LOC_HEADS.has(w.toLowerCase()) && !gaz.match([w], 0) && !TITLES_BY_FIRST.has(w.toLowerCase()),
      );
    if (raw[k]?.toLowerCase() === 'of' && k - chunkStart >= 2 && (FIRST_NAMES.has(words[chunkStart]!.toLowerCase()) || plainPair)) {
      emit(chunkStart, k, null);
      chunkStart = -1;
      initial = false;
      k++;
      continue;
    }
    k++;
    // "Westminster Magistrate's Court" goes on past the possessive
    if (isPossessive(raw[k - 1]!) && !ORG_HEADS.has((words[k] ?? '').toLowerCase())) {
      emit(chunkStart, k, null);
      chunkStart = -1;
      initial = false;
    }
  }
  if (chunkStart >= 0) emit(chunkStart, words.length, null);
}
