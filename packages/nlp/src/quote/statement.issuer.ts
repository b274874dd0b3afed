import { AUX_ADVERBS, CUE_VERBS } from '../lexicon/words';
import type { Ctx } from './speaker.context';
import { lower, mentionEndingAt, mentionIndexBefore } from './speaker.context';
import type { ResolvedMention } from '../entity/entity.resolver';

// "Tom Brandvold said in a written statement that … '…,' the statement said": a statement speaks
// for whoever the text said issued it, not for the organisation named last.

const STATEMENT_WORDS = new Set(['statement', 'statements']);
const RELATIVES = new Set(['which', 'who', 'whose', 'whom', 'that', 'where']);

/**
 * The entity that issued the last statement the text mentions before token `before`: the subject
 * of the speech verb of that sentence ("X said in a statement", "In a statement, X said"), or the
 * name after "a statement from". -1 when the text names none.
 */
export function statementIssuer(ctx: Ctx, before: number): number {
  const { tokens, inQuote, table } = ctx;
  for (let k = before - 1; k >= 0 && tokens[before]!.para - tokens[k]!.para <= 4; k--) {
    if (inQuote[k]! >= 0 || !STATEMENT_WORDS.has(lower(tokens[k]))) continue;
    const sent = tokens[k]!.sent;
    // "a statement from the Ministry": the name right after "from"
    if (lower(tokens[k + 1]) === 'from') {
      const ms = table.mentions;
      const m = ms[mentionIndexBefore(ms, tokens[k + 2]?.start ?? Infinity) + 1];
      if (m && m.first === k + 2) return m.entity;
    }
    // the nearest speech verb of the sentence, before the word, then after it
    const verbs: number[] = [];
    for (let j = k - 1; j >= 0 && tokens[j]!.sent === sent; j--) verbs.push(j);
    for (let j = k + 1; j < tokens.length && tokens[j]!.sent === sent; j++) verbs.push(j);
    for (const j of verbs) {
      if (inQuote[j]! >= 0 || !CUE_VERBS.has(lower(tokens[j]))) continue;
      let s = j - 1;
      while (s >= 0 && AUX_ADVERBS.has(lower(tokens[s]))) s--;
      const m = subjectEndingAt(ctx, s);
      if (m && !m.possessive && table.entities[m.entity]!.type !== 'LOCATION') return m.entity;
    }
    return -1;
  }
  return -1;
}

/**
 * The name of a verb's subject ending at token `s`, past an appositive set off by commas: "Derek
 * Olsen" of "The board's chair, Derek Olsen, said", "Ann Lee" of "Ann Lee, the chair, said".
 */
function subjectEndingAt(ctx: Ctx, s: number): ResolvedMention | undefined {
  const { tokens, table } = ctx;
  const direct = mentionEndingAt(table.mentions, s);
  if (direct || tokens[s]?.text !== ',') return direct;
  // (the name alone between the commas; "The statement, which was obtained by Variety, said" is
  // no appositive)
  const named = mentionEndingAt(table.mentions, s - 1);
  if (named) return tokens[named.first - 1]?.text === ',' ? named : undefined;
  for (let j = s - 1; j >= Math.max(0, s - 8) && tokens[j]!.sent === tokens[s]!.sent; j--) {
    if (tokens[j]!.text !== ',') continue;
    return RELATIVES.has(lower(tokens[j + 1])) ? undefined : mentionEndingAt(table.mentions, j - 1);
  }
  return undefined;
}
