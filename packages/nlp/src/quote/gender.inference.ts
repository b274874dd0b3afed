import type { Ctx } from './speaker.context';
import { lower } from './speaker.context';
import { givenNameGender } from '../lexicon/given-name.gender';

// Where given names and titles say nothing of a person's gender ("Wilfred", "Rodel" and "Theo"
// are in no list), the text's own pronouns do: "Wilfred Cloete, 58, has fished the bay since he
// was a boy." Read once per text, before speakers are resolved, so that "she said" passes over him.

const MALE = new Set(['he', 'his', 'himself']);
const FEMALE = new Set(['she', 'herself']);

/**
 * For each person named first in a sentence (outside quotation marks), the first "he"/"his" or
 * "she" after the name in that sentence, or opening the next one when the name opened its own,
 * votes — unless someone else is named before it. A person of unknown gender takes the majority of the votes.
 */
export function inferGender(ctx: Ctx): void {
  const { tokens, table, inQuote } = ctx;
  const votes = new Map<number, number>();
  let lastSent = -1;
  for (const m of table.mentions) {
    // (the first person of the sentence: "Ruatōria farmer Hemi Walker said … he" after a place)
    if (m.sent === lastSent || inQuote[m.first]! >= 0 || table.entities[m.entity]!.type !== 'PERSON') continue;
    lastSent = m.sent;
    if (table.gender.has(m.entity)) continue;
    let nextOpened = false;
    // (the next sentence's pronoun counts only for a name that opened its own sentence, as its
    // subject: "…, among them Marcia Okafor. He is proud of them" is about someone else)
    const opens = m.first === 0 || tokens[m.first - 1]!.sent !== m.sent;
    for (let k = m.last; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.sent > m.sent + 1) break;
      if (t.sent === m.sent + 1) {
        if (nextOpened || !opens) break;
        if (inQuote[k]! >= 0 || !/^\p{L}/u.test(t.text)) continue;
        nextOpened = true;
      }
      if (inQuote[k]! >= 0) continue;
      const other = ctx.mentionAt.get(k);
      if (other && other.entity !== m.entity && table.entities[other.entity]!.type === 'PERSON') break;
      const w = lower(t);
      if (MALE.has(w) || FEMALE.has(w)) {
        votes.set(m.entity, (votes.get(m.entity) ?? 0) + (MALE.has(w) ? 1 : -1));
        break;
      }
    }
  }
  for (const [e, v] of votes) if (v !== 0) table.gender.set(e, v > 0 ? 'm' : 'f');
  // where the text says nothing, a longer list of given names of several languages does
  // ("Marcia", "Oluwaseun"); it comes after the text's own pronouns, which know "Hemi" is a man
  table.entities.forEach((ent, e) => {
    if (ent.type !== 'PERSON' || table.gender.has(e)) return;
    const g = givenNameGender(ent.name.split(/\s+/)[0] ?? '');
    if (g) table.gender.set(e, g);
  });
}
