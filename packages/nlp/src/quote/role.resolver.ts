import type { Token } from '../text/tokens';
import { getGazetteer } from '../lexicon/gazetteer';
import { statementIssuer } from './statement.issuer';
import { CUE_VERBS, ORG_ROLE_NOUNS, ROLE_NOUNS } from '../lexicon/words';
import type { Ctx, Speaker } from './speaker.context';
import {
  CLAUSE_STOPS,
  coveringMention,
  PP_AFTER_ROLE,
  PREPOSITIONS,
  introductionOf,
  isAgentNoun,
  isRole,
  lastMention,
  lower,
  mentionIndexBefore,
  roleWordIn,
  speakerOf,
} from './speaker.context';

// Whom a role names: "the minister", "the production company", "said the actor", "a spokesperson".

// nouns for a nationality's people: "the Frenchman", "the Dutchwoman", "the Spaniard", "the Swede"
const DEMONYM_NOUNS =
  /^(?:\p{Lu}\p{Ll}+(?:man|woman)|Spaniard|Dane|Swede|Finn|Pole|Brit|Kiwi|Aussie|Scot|Turk|Czech|Slovak|Croat|Serb|Thai)$/u;

// the names of courts, governments and their offices, which "the company" never stands for
const PUBLIC_BODY =
  /\b(?:Court|Commission|Council|Ministry|Department|Agency|Parliament|Government|Authority|Committee|Senate|Congress|Assembly|Police|Office|Union|Tribunal|Regulator)\b/;

/** A role phrase: a person known by that role, the organisation just named, or the phrase itself. */
export function resolveRole(ctx: Ctx, from: number, to: number, quoteOpen: number, headEnd: number): Speaker | null {
  const { tokens, table } = ctx;
  const lw = tokens.slice(from, headEnd).map((t) => t.text.toLowerCase());
  const headAt = roleWordIn(ctx, from, headEnd);
  if (headAt < 0) return null;
  const head = lw[headAt]!.replace(/s$/, '');
  const beforeAt = tokens[quoteOpen]?.start ?? Infinity;
  // only a bare "the minister" / "the production company" / "the singer and guitarist" points back;
  // "the French foreign ministry" is someone new
  const lastRole = lw.length - 1 - [...lw].reverse().findIndex(isRole);
  // ('the "Pose" actor' reaches here as "actor", the quoted title cut off before it)
  const quotedBefore = lw.length === 1 && quotedTitleBefore(tokens, from);
  const the = lw[0] === 'the' ? 1 : 0;
  const bare =
    (the === 1 || quotedBefore) &&
    lw.length - the <= 3 &&
    lastRole === lw.length - 1 &&
    (tokens.slice(from + the, headEnd).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text)) ||
      // ("the Italian" alone: a demonym is a role the text gives someone already named; "the
      // Minister", a house style's capital, is the minister; "the French foreign ministry" is still
      // someone new, and "the Office of the Auditor General" a name)
      (headEnd - from === 2 &&
        to === headEnd &&
        the === 1 &&
        (getGazetteer().isDemonym(tokens[from + 1]!.text) ||
          DEMONYM_NOUNS.test(tokens[from + 1]!.text) ||
          ROLE_NOUNS.has(tokens[from + 1]!.text.toLowerCase()))));
  if (bare) {
    const last = lw[lastRole]!.replace(/s$/, '');
    // "the statement said": whoever the text said issued it
    const issuer = last === 'statement' ? statementIssuer(ctx, from) : -1;
    if (issuer >= 0) return speakerOf(ctx, issuer);
    if (ORG_ROLE_NOUNS.has(last)) {
      // "the council said" is the council named last, before any other organisation named since
      // ("Thornbury and Wick Borough Council … the BBC … the council said")
      const named = (e: number): boolean =>
        table.entities[e]!.type === 'ORGANIZATION' && table.entities[e]!.name.toLowerCase().split(/\s+/).includes(last);
      // (named before the role phrase itself: "the department posted on X: '…'" is not X)
      const roleAt = Math.min(beforeAt, tokens[from]!.start);
      const own = lastMention(ctx, roleAt, named);
      if (own >= 0) return speakerOf(ctx, own);
      // ("the company said" after "… will appeal to the General Court": a firm, not a public body)
      const firm = last === 'company' || last === 'firm';
      const m = lastMention(
        ctx,
        roleAt,
        (e) => table.entities[e]!.type === 'ORGANIZATION' && !(firm && PUBLIC_BODY.test(table.entities[e]!.name)),
      );
      if (m >= 0) return speakerOf(ctx, m);
    } else {
      // someone named with the role ("A prosecutor urged jurors … Deputy Prosecuting Attorney Renata
      // Alvarez … the prosecutor told jurors") before someone unnamed, as introduced ("the doctor
      // said" after "a doctor on the scene")
      const m = lastMention(ctx, beforeAt, (e) => table.entities[e]!.type === 'PERSON' && (table.roles.get(e)?.has(head) ?? false));
      if (m >= 0) return speakerOf(ctx, m);
      // ("the spokesperson said" after "A spokesperson for the Ministry of Transportation said …":
      // the role as the text introduced it, whose it is included)
      const written = ctx.text.slice(tokens[from]!.start, tokens[headEnd - 1]!.end);
      const intro = introductionOf(ctx, lw[lastRole]!, tokens[from]!.start, written);
      if (intro) return { name: intro, type: null, entity: -1 };
      // "said the actor": an agent noun of no known person points to the person the sentence
      // before named first ("Dunmore was more blunt. '…,' the keeper said."), else to the person
      // the passage is about
      if (isAgentNoun(lw[lastRole]!) && !ROLE_NOUNS.has(lw[lastRole]!)) {
        const prev = subjectOfSentenceBefore(ctx, quoteOpen);
        if (prev >= 0) return speakerOf(ctx, prev);
        const p = salientPerson(ctx, beforeAt);
        if (p >= 0) return speakerOf(ctx, p);
      }
    }
  }
  // an unnamed speaker: the phrase as written, up to a clause break
  let end = to;
  for (let j = from + headAt + 1; j < to; j++) {
    // (a comma or "and" inside a name is none: "a spokesperson for the Foreign, Commonwealth and
    // Development Office")
    if (coveringMention(ctx, j)) continue;
    const w = lower(tokens[j]);
    if (CLAUSE_STOPS.has(w) || (PREPOSITIONS.has(w) && !PP_AFTER_ROLE.has(w)) || CUE_VERBS.has(w)) {
      end = j;
      break;
    }
  }
  // "the French foreign ministry" is named without its article; "a spokesperson" keeps it
  const start = lower(tokens[from]) === 'the' && end - from > 1 ? from + 1 : from;
  const phrase = ctx.text.slice(tokens[start]!.start, tokens[end - 1]!.end);
  return { name: phrase, type: null, entity: -1 };
}

/**
 * The person the sentence before the quote's own names first, outside quotes and not as an owner
 * ("Dunmore's"), when that sentence is of the quote's paragraph; -1 when there is none.
 */
function subjectOfSentenceBefore(ctx: Ctx, quoteOpen: number): number {
  const { tokens, table, inQuote } = ctx;
  const at = tokens[quoteOpen];
  if (!at) return -1;
  let k = quoteOpen;
  while (k > 0 && tokens[k - 1]!.sent === at.sent) k--;
  const prevSent = tokens[k - 1];
  if (!prevSent || prevSent.para !== at.para) return -1;
  let j = k - 1;
  while (j > 0 && tokens[j - 1]!.sent === prevSent.sent) j--;
  for (; j < k; j++) {
    const m = ctx.mentionAt.get(j);
    if (m && !m.possessive && inQuote[j]! < 0 && table.entities[m.entity]!.type === 'PERSON') return m.entity;
  }
  return -1;
}

/** 'the "Pose" actor': a short quoted title between "the" and the noun at `at`. */
function quotedTitleBefore(tokens: readonly Token[], at: number): boolean {
  if (!/^["“”]$/.test(tokens[at - 1]?.text ?? '')) return false;
  for (let k = at - 2; k >= Math.max(0, at - 7); k--) {
    if (/^["“”]$/.test(tokens[k]!.text)) return lower(tokens[k - 1]) === 'the';
  }
  return false;
}

/**
 * The person the passage before `before` is about: of the people named in its last three
 * paragraphs (outside quotes), the one the text has named most so far (the most recent on a tie).
 */
function salientPerson(ctx: Ctx, before: number): number {
  const { table, inQuote } = ctx;
  const ms = table.mentions;
  const last = mentionIndexBefore(ms, before);
  if (last < 0) return -1;
  const para = ms[last]!.para;
  const counts = new Map<number, number>();
  const recent = new Map<number, number>();
  for (let i = 0; i <= last; i++) {
    const m = ms[i]!;
    if (table.entities[m.entity]!.type !== 'PERSON' || inQuote[m.first]! >= 0) continue;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    if (m.para >= para - 2) recent.set(m.entity, i);
  }
  let best = -1;
  for (const [e, at] of recent) {
    if (best < 0 || counts.get(e)! > counts.get(best)! || (counts.get(e) === counts.get(best) && at > recent.get(best)!)) best = e;
  }
  return best;
}
