import type { EntityType } from '../types';
import type { Token } from '../text/tokens';
import type { ModelAnnotation, ModelMention } from '../engine/nlp.port';
import type { Gazetteer } from '../lexicon/gazetteer';
import { matchTitle, type NameCandidate } from './name.finder';
import { fold } from './name.index';
import { appositiveRole } from './entity.classifier';
import { joinSplitOrganisations, personOfOrganisation, productsToMakers, reshape, withCapitalThe } from './name.boundaries';
import { decideTypes, PLACE_PREFIXES } from './name.types';
import { FIRST_NAMES } from '../lexicon/first-names.data';

/**
 * The names of a text as the model found them, in the shape the resolver merges. The model decides
 * what is a name and its type; the rules' candidates add only what the model does not read: the
 * title in front of a name, and known places and aliases it missed ("U.S.", "PRC").
 */
export function namesFromModel(
  text: string,
  tokens: readonly Token[],
  annotation: ModelAnnotation,
  ruleNames: readonly NameCandidate[],
  gaz: Gazetteer,
): NameCandidate[] {
  const mentions = joinSplitOrganisations(
    text,
    annotation.mentions.filter((m) => m.type !== 'MISC').sort((a, b) => a.start - b.start),
  );
  const out: NameCandidate[] = [];
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  let ti = 0;
  for (const m of mentions) {
    while (ti < tokens.length && tokens[ti]!.end <= m.start) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.start < m.end) tj++;
    if (tj === ti) continue;
    const split = personOfOrganisation(text, m, ruleNames);
    if (split) {
      out.push(...split);
      continue;
    }
    for (const [pm, a, b] of reshape(text, tokens, lowerWords, m, ti, tj, gaz)) {
      const c = candidateOf(text, tokens, pm, a, b, ruleNames, gaz);
      if (c) out.push(c);
    }
  }
  // What the model passed over (or called MISC) but the text itself vouches for: known places and
  // aliases, and the names the model found elsewhere in the same text ("Early" after "Chris Early",
  // a surname that is also an everyday word; "Big Machine" once the model read "Big Machine Records").
  const echoes = new Map<string, EntityType>();
  for (const c of out) {
    if (!c.modelType) continue;
    echoes.set(fold(c.words.join(' ')), c.modelType);
    // the family name comes last or, in Chinese, Korean and Hungarian names, first ("Xi said")
    if (c.modelType === 'PERSON' && c.words.length > 1) {
      echoes.set(fold(c.words[c.words.length - 1]!), 'PERSON');
      echoes.set(fold(c.words[0]!), 'PERSON');
    }
  }
  for (const r of ruleNames) {
    if (mentions.some((m) => m.start < r.end && r.start < m.end)) continue;
    const echo = echoes.get(fold(r.words.join(' ')));
    if (r.known) {
      out.push({ ...r, modelType: r.known.type });
    } else if (echo) {
      out.push({ ...r, modelType: echo });
    }
    // "NetChoice, a trade group, …": the appositive says what the model could not
    else if (appositiveRole(tokens, r) === 'ORGANIZATION') {
      out.push({ ...r, modelType: 'ORGANIZATION' });
    }
    // "according to The Wrap", "told Deadline": a source the model passed over is a publication
    // or a body when it is no one's name
    else if (isSourceSlot(tokens, r) && !FIRST_NAMES.has(r.words[0]!.toLowerCase()) && !r.sentenceInitial) {
      out.push({ ...r, modelType: 'ORGANIZATION' });
    }
  }
  out.sort((a, b) => a.start - b.start);
  decideTypes(text, tokens, out, gaz);
  return productsToMakers(tokens, out, gaz).map((c) => withCapitalThe(tokens, c));
}

const SOURCE_CUES = new Set(['told', 'tells', 'telling', 'tell']);

/** The name stands where a source is named: after "according to", "reports from", "told". */
function isSourceSlot(tokens: readonly Token[], r: NameCandidate): boolean {
  const w = (d: number): string => tokens[r.first - d]?.text.toLowerCase() ?? '';
  const d = w(1) === 'the' ? 2 : 1;
  return (w(d) === 'to' && w(d + 1) === 'according') || (w(d) === 'from' && /^reports?$/.test(w(d + 1))) || SOURCE_CUES.has(w(d));
}

function candidateOf(
  text: string,
  tokens: readonly Token[],
  m: ModelMention,
  first: number,
  last: number,
  ruleNames: readonly NameCandidate[],
  gaz: Gazetteer,
): NameCandidate | null {
  // "Col Alexander Vindman": the model sometimes takes the title into the name; the rules set it aside
  let title: string | null = null;
  const lead = tokens.slice(first, last).map((t) => t.text);
  const inner = matchTitle(lead, 0);
  // ("St. Paul" is a city at least as often as a saint: "St." stays in the name)
  if (inner && inner.length < lead.length && m.type === 'PERSON' && !PLACE_PREFIXES.has(lead[0]!.toLowerCase())) {
    title = inner.title;
    first += inner.length;
    m = { ...m, start: tokens[first]!.start };
  }
  // "Energy" of "Energy Secretary", "State" of "Secretary of State": part of an office, not a name
  const around = tokens.slice(Math.max(0, first - 3), Math.min(tokens.length, last + 2)).map((t) => t.text);
  const at = first - Math.max(0, first - 3);
  for (let k = 0; k <= at; k++) {
    const t = matchTitle(around, k);
    if (t && k + t.length >= at + (last - first)) return null;
  }
  const lastTok = tokens[last - 1]!;
  // "Trump's": the model's mention stops before the 's, our token does not
  const tail = text.slice(m.end, lastTok.end);
  const possessive = /^['’]s?$/.test(tail);
  const surface = text.slice(m.start, m.end);
  const words = surface.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const whole = gaz.match(words, 0);
  const known = whole && whole.length === words.length ? whole.entry : null;
  // the title the rules saw in front of this name ("Prime Minister"), or one right before it
  const rule = ruleNames.find((r) => r.end === m.end || r.start === m.start);
  title ??= rule?.title ?? null;
  if (!title) {
    const before = tokens.slice(Math.max(0, first - 3), first).map((t) => t.text);
    for (let k = 0; k < before.length && !title; k++) {
      const t = matchTitle(before, k);
      if (t && k + t.length === before.length) title = t.title;
    }
  }
  const prev = tokens[first - 1];
  return {
    first,
    last,
    start: m.start,
    end: m.end,
    text: surface,
    words,
    known,
    title,
    possessive,
    sentenceInitial: !prev || prev.sent !== tokens[first]!.sent || /^["“‘(]$/.test(prev.text),
    modelType: m.type as EntityType,
  };
}
