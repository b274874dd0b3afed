import { fmix32, fnv1a } from './hash32';

// Scripts written without spaces between words: each character counts as a word, so their
// texts still give shingles (and Korean, which spaces its words, is read by word as usual).
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
// Accents of the Latin, Greek and Cyrillic alphabets only: marks that are letters' own parts
// elsewhere (kana voicing, Indic vowel signs) stay.
const ACCENTS = /[\u0300-\u036f]+/gu;

/**
 * The words of a text as copy-editing leaves them alike: compatibility forms folded (ligatures,
 * full-width letters), accents and case dropped, punctuation and spacing ignored, so "café" and
 * "Cafe", curly and straight quotes, or a dash for a comma make no difference.
 */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (UNSPACED.test(w)) {
      for (const ch of w) out.push(ch);
    } else {
      out.push(w);
    }
  }
  return out;
}

/**
 * The set of a text's word k-shingles (each k consecutive words), as distinct 32-bit hashes.
 * A text of fewer than k words has none.
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  const ws = words(text);
  if (ws.length < k) return new Uint32Array(0);
  const tokens = new Uint32Array(ws.length);
  for (let i = 0; i < ws.length; i++) tokens[i] = fnv1a(ws[i]!);
  const seen = new Set<number>();
  for (let i = 0; i + k <= tokens.length; i++) {
    // Order matters ("a b" is not "b a"): each word is mixed into the running state in turn.
    let h = 0x2545f491 ^ k;
    for (let j = 0; j < k; j++) h = fmix32((Math.imul(h, 31) + tokens[i + j]!) | 0);
    seen.add(h);
  }
  return Uint32Array.from(seen);
}
