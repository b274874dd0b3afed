/** A word or punctuation token with offsets into the original text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** index of the sentence the token belongs to */
  sent: number;
  /** index of the paragraph the token belongs to */
  para: number;
}

// Abbreviations whose trailing period is part of the word and does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'prof',
  'rev',
  'hon',
  'st',
  'mt',
  'ft',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'pres',
  'supt',
  'jan',
  'feb',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'messrs',
  'gens',
  'sens',
  'reps',
  'dept',
  'univ',
]);

// Words (letters, digits, inner apostrophes), dotted initialisms (U.S., D.C.), or any single non-space char.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|\S/gu;

// US state abbreviations of news datelines ("CUPERTINO, Calif."), capitalised only
const STATE_ABBREVIATIONS = new Set([
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Fla',
  'Ga',
  'Ill',
  'Kan',
  'Ky',
  'Md',
  'Mass',
  'Mich',
  'Minn',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Tenn',
  'Vt',
  'Wis',
  'Wyo',
]);

const SENTENCE_OPENERS = new Set([
  'The',
  'A',
  'An',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'But',
  'And',
  'In',
  'On',
  'At',
  'This',
  'That',
  'His',
  'Her',
  'Their',
  'Its',
  'There',
  'However',
  'After',
  'Before',
  'When',
  'While',
  'As',
  'If',
  '"',
  '“',
  '‘',
]);

const QUOTE_CHARS = '"“”‘’\'«»';

/**
 * Tokenises and splits into paragraphs (line breaks) and sentences. Linear in the text length.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sent = 0;
  let para = 0;
  let lastEnd = 0;
  let pendingBoundary = false;
  let weakBoundary = false;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let word = m[0];
    const start = m.index;
    const gap = text.slice(lastEnd, start);
    if (gap.includes('\n') && out.length > 0) {
      para++;
      sent++;
      pendingBoundary = false;
    } else if (pendingBoundary && gap.length > 0) {
      // a sentence ends after [.!?] (and closing quotes) only when the next word starts a new one
      const c = word[0] ?? '';
      // after an initialism ("U.S.") only an obvious sentence opener starts a new sentence
      if (weakBoundary ? SENTENCE_OPENERS.has(word) : /[\p{Lu}\p{N}"“‘'(]/u.test(c)) sent++;
      pendingBoundary = false;
    } else if (pendingBoundary && !QUOTE_CHARS.includes(word) && !')]'.includes(word)) {
      pendingBoundary = false;
    }
    let end = start + word.length;
    // glue the abbreviation period: "Sen." "Mr." "Inc."
    // ... and the period of a middle initial: "Donald J. Trump"
    const nextWord = /^\s(\p{Lu}\p{L}*)/u.exec(text.slice(end + 1, end + 40))?.[1];
    const initial = /^\p{Lu}$/u.test(word) && nextWord !== undefined && !SENTENCE_OPENERS.has(nextWord);
    if (text[end] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || STATE_ABBREVIATIONS.has(word) || initial)) {
      word += '.';
      end += 1;
      TOKEN_RE.lastIndex = end;
    }
    out.push({ text: word, start, end, sent, para });
    lastEnd = end;
    if (word === '.' || word === '!' || word === '?') {
      const prev = out[out.length - 2];
      // "J. Smith": a single capital letter before the period is an initial, not a sentence end
      const initial = prev && prev.end === start && /^\p{Lu}$/u.test(prev.text);
      if (!initial) {
        pendingBoundary = true;
        weakBoundary = false;
      }
    } else if (word.endsWith('.') && /^(?:\p{Lu}\.){2,}$/u.test(word)) {
      // "U.S." may end a sentence; decided by the next word
      pendingBoundary = true;
      weakBoundary = true;
    }
  }
  return out;
}

export const isCapitalized = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isWord = (w: string): boolean => /^[\p{L}\p{N}]/u.test(w);
