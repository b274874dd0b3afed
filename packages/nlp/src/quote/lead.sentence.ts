import type { Ctx, Speaker } from './speaker.context';
import { lower, mentionEndingAt, speakerOf } from './speaker.context';
import { resolvePronoun } from './pronoun.resolver';

// A quotation with no speech verb of its own, right after a sentence of its paragraph that shows
// someone — reacting ("Asked whether he had spoken to Marcus, he smiled. '…'") or introduced as
// its subject ("Nomsa Dyantyi, 43, collects her pills in Libode. '…'") — is that someone's: the
// writer shows the speaker, then gives the words.

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
  const from = sentenceBefore(ctx, open);
  if (from < 0) return null;
  for (let k = from + 1; k < open - 1; k++) {
    if (inQuote[k]! >= 0 || !GESTURE_VERBS.has(lower(tokens[k]))) continue;
    const subj = k - 1;
    if (SUBJECT_PRONOUNS.has(lower(tokens[subj]))) return resolvePronoun(ctx, subj, 'PERSON');
    const m = mentionEndingAt(table.mentions, subj);
    if (m && !m.possessive && table.entities[m.entity]!.type === 'PERSON') return speakerOf(ctx, m.entity);
  }
  return null;
}

/**
 * The person who opens the sentence right before the quotation mark at `open`, in the same
 * paragraph, as its subject: a name (not an owner's, "Dyantyi's") or "he"/"she" as its first word.
 * Null when that sentence opens otherwise or holds a quotation of its own.
 */
export function subjectLead(ctx: Ctx, open: number): Speaker | null {
  const { tokens, table, inQuote } = ctx;
  const from = sentenceBefore(ctx, open);
  if (from < 0) return null;
  for (let k = from; k < open; k++) if (inQuote[k]! >= 0) return null;
  if (SUBJECT_PRONOUNS.has(lower(tokens[from]))) return resolvePronoun(ctx, from, 'PERSON');
  const m = ctx.mentionAt.get(from);
  if (!m || m.possessive || table.entities[m.entity]!.type !== 'PERSON') return null;
  // (the name is the subject: a verb or an appositive comes next, not "and" another name)
  return /^(?:and|or|&)$/i.test(tokens[m.last]?.text ?? '') ? null : speakerOf(ctx, m.entity);
}

/** The first token of the sentence that ends right before the mark at `open`, in its paragraph; else -1. */
function sentenceBefore(ctx: Ctx, open: number): number {
  const { tokens } = ctx;
  const prev = tokens[open - 1];
  if (!prev || prev.para !== tokens[open]!.para || !/^[.!?]$/.test(prev.text)) return -1;
  let from = open - 1;
  while (from > 0 && tokens[from - 1]!.sent === prev.sent) from--;
  return from;
}
