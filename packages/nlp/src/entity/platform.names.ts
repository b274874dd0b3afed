import type { ModelMention } from '../engine/nlp.port';
import type { Token } from '../text/tokens';
import { CALENDAR_WORDS } from '../lexicon/words';

// Social platforms named where posts are: "posted on X", "in a post on Bluesky", "On Reddit, she
// wrote". The model reads a one-word platform as a person or a place, and misses "X" (one letter)
// altogether. The slot, not a list of platforms, says what it is.

const POSTING = new Set([
  'posted',
  'posts',
  'post',
  'wrote',
  'writes',
  'write',
  'shared',
  'shares',
  'tweeted',
  'replied',
  'commented',
  'announced',
]);
const OBJECTS = new Set(['it', 'this', 'that', 'them', 'one']);
const POST_NOUNS = new Set(['post', 'posts', 'account', 'accounts', 'page', 'feed', 'thread', 'video', 'profile', 'handle']);

/** The platforms named in posting slots, as organisations (one capitalised word each). */
export function platformMentions(tokens: readonly Token[]): ModelMention[] {
  const out: ModelMention[] = [];
  const low = (k: number): string => tokens[k]?.text.toLowerCase() ?? '';
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!/^\p{Lu}[\p{L}]*$/u.test(t.text) || low(k - 1) !== 'on' || tokens[k - 1]!.sent !== t.sent) continue;
    // ("posted on Monday")
    if (CALENDAR_WORDS.has(t.text.toLowerCase())) continue;
    // one word: "on X", not "on Capitol Hill"
    const next = tokens[k + 1];
    if (next && next.sent === t.sent && /^\p{Lu}/u.test(next.text)) continue;
    // ("shared it on Reddit": the verb's object between)
    const before = OBJECTS.has(low(k - 2)) ? low(k - 3) : low(k - 2);
    const opens = k - 1 === 0 || tokens[k - 2]!.sent !== t.sent;
    let posting = POSTING.has(before) || POST_NOUNS.has(before);
    // "On Bluesky on Thursday evening she wrote:"
    for (let j = k + 1; !posting && opens && j < Math.min(tokens.length, k + 9) && tokens[j]!.sent === t.sent; j++) {
      posting = POSTING.has(low(j));
    }
    if (posting) out.push({ start: t.start, end: t.end, type: 'ORGANIZATION' });
  }
  return out;
}

/** The model's mentions with the platforms in place of whatever the model read there. */
export function withPlatforms(tokens: readonly Token[], mentions: ModelMention[]): ModelMention[] {
  const platforms = platformMentions(tokens);
  if (platforms.length === 0) return mentions;
  const kept = mentions.filter((m) => !platforms.some((p) => p.start < m.end && m.start < p.end));
  return [...kept, ...platforms].sort((a, b) => a.start - b.start);
}
