import type { Ctx, Speaker } from './speaker.context';
import { lower, mentionEndingAt, speakerOf } from './speaker.context';
import { resolvePronoun } from './pronoun.resolver';

// "Asked whether he had spoken to Marcus, he smiled. '…'" — a quotation with no speech verb of its
// own, right after a sentence in which someone makes a gesture, is that someone's: the writer shows
// the speaker reacting, then gives the words.

/** Verbs of a face or body reacting, which lead into what the person then says. */
const GESTURE_VERBS = new Set(
  `smiled smiles laughed laughs grinned grins shrugged shrugs sighed sighs nodded nods paused pauses winced
  winces chuckled chuckles frowned frowns beamed beams hesitated hesitates gestured gestures`.split(/\s+/),
);

const SUBJECT_PRONOUNS = new Set(['he', 'she']);

/**
 * The person who makes a gesture in the sentence right before the quotation mark at `open`, in
 * the same paragraph: the name or "he"/"she" just before the gesture verb (outside quotation
 * marks). Null when that sentence has none.
 */
export function gestureLead(ctx: Ctx, open: number): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  const prev = tokens[open - 1];
  if (!prev || prev.para !== tokens[open]!.para || !/^[.!?]$/.test(prev.text)) return null;
  let from = open - 1;
  while (from > 0 && tokens[from - 1]!.sent === prev.sent) from--;
  for (let k = from + 1; k < open - 1; k++) {
    if (inQuote[k]! >= 0 || !GESTURE_VERBS.has(lower(tokens[k]))) continue;
    const subj = k - 1;
    if (SUBJECT_PRONOUNS.has(lower(tokens[subj]))) return resolvePronoun(ctx, subj, 'PERSON');
    const m = mentionEndingAt(table.mentions, subj);
    if (m && !m.possessive && table.entities[m.entity]!.type === 'PERSON') return speakerOf(ctx, m.entity);
  }
  return null;
}
