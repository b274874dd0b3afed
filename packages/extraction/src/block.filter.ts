import { foldText } from './text.fold';
import { stripCredit } from './lead-image.reader';
import type { TextBlock } from './text.renderer';
import {
  BREADCRUMB_RE,
  BYLINE_VOCAB_RE,
  COOKIE_NOTICE,
  CREDIT_PREFIX_RE,
  CREDIT_SUFFIX_RE,
  ABOUT_HEADING_RE,
  DATE_TOKENS,
  END_MARK_RE,
  DATE_WORDS,
  FOLLOW_PREFIX_RE,
  isLabelLine,
  isTeaserHeadingLine,
  MONTHS,
  NEWSLETTER_PROMPT,
  PRESS_CONTACT_RE,
  RELATED_PREFIX_RE,
  SUBSCRIBE_PREFIX_RE,
  TAGS_PREFIX_RE,
  type TextTest,
} from './vocabulary/boilerplate.patterns';

/**
 * Line-level rules for what survives inside the article container: boilerplate that
 * class names did not reveal. Each rule applies only to short blocks, so that a real
 * paragraph which happens to start with "Subscribe" or mention cookies stays. The words
 * are the vocabulary tables' (vocabulary/*.vocabulary.ts, every language at once); the
 * patterns written here are English phrasings that no word list captures.
 */
interface LineRule {
  re: TextTest;
  maxChars: number;
  /** Only when the block is mostly links or ends with a colon: "More on this:" */
  linky?: boolean;
  /** Only when the block is a list, not prose: no sentence ends inside it. */
  listShaped?: boolean;
}

const RULES: LineRule[] = [
  // Photo credits and captions left as paragraphs.
  { re: CREDIT_PREFIX_RE, maxChars: 200 },
  { re: CREDIT_SUFFIX_RE, maxChars: 300 },
  // Copyright and rights lines.
  { re: /^(?:©|\(c\)\s|copyright\b)/i, maxChars: 300 },
  // A © in a short line is a photo credit or a rights notice.
  { re: /©/, maxChars: 200 },
  { re: /\bsubject to copyright\b|^citation:/i, maxChars: 500 },
  // Tag and category lists: long ones only when they read as a list, never as prose.
  { re: TAGS_PREFIX_RE, maxChars: 200 },
  { re: TAGS_PREFIX_RE, maxChars: 800, listShaped: true },
  { re: /\ball rights reserved\b/i, maxChars: 300 },
  // Read-more and related teasers.
  { re: RELATED_PREFIX_RE, maxChars: 200, linky: true },
  // Share bars, comment headings, legal links, ad labels and widget labels alone on their line
  // are looked up whole (isLabelLine); this one has a name of a section in it.
  { re: /^more (?:great )?[\w ]{0,30} stories[\s.…!:]*$/i, maxChars: 60 },
  // Breadcrumb trails: "Home › News › Leeds".
  { re: BREADCRUMB_RE, maxChars: 150 },
  { re: /^(?:image|photo|picture|slide)?\s*\d+\s*(?:of|\/)\s*\/?\s*\d*$/i, maxChars: 30 },
  // Calls to action.
  { re: /\bclick here\b/i, maxChars: 160 },
  { re: /^(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\b|^if you (?:enjoyed|liked|value|appreciate)\b/i, maxChars: 400 },
  { re: /\baffiliate (?:links?|commission)\b|\bmay earn (?:a )?commission\b/i, maxChars: 300 },
  { re: /\b(?:requires|enable) javascript\b/i, maxChars: 120 },
  // Credits of other reporters at the end of wire stories.
  { re: /\bcontributed (?:reporting|to this (?:report|story|article))\b/i, maxChars: 400 },
  // Blocks that are only a link address or a CMS shortcode.
  { re: /^(?:https?:\/\/\S+|\[\/?\w+[^\]]*\].*)$/i, maxChars: 400 },
  // Newsletter, subscription and paywall prompts.
  { re: SUBSCRIBE_PREFIX_RE, maxChars: 250 },
  { re: /^(?:get (?:our|the)\b.*\b(?:newsletter|briefing)|join (?:our|the)\b.*\bnewsletter)\b/i, maxChars: 250 },
  { re: NEWSLETTER_PROMPT, maxChars: 200 },
  { re: /\b(?:subscription|subscribers?)\b.*\b(?:sign up|subscribe|inbox|every (?:morning|day|week)|free)\b/i, maxChars: 200 },
  // Cookie and consent notices.
  { re: COOKIE_NOTICE, maxChars: 300 },
  // Follow-us lines.
  { re: FOLLOW_PREFIX_RE, maxChars: 300 },
  { re: /^follow (?:us|@?[\w']+(?: [\w']+)?) on (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky)/i, maxChars: 300 },
  { re: /^follow\b.{0,80}\b(?:coverage|updates)\b.*\bhttps?:\/\//i, maxChars: 200 },
];

function linkRatio(owner: Element): number {
  let linkChars = 0;
  for (const a of Array.from(owner.querySelectorAll('a'))) linkChars += (a.textContent ?? '').replace(/\s+/g, '').length;
  const all = (owner.textContent ?? '').replace(/\s+/g, '').length;
  return all > 0 ? linkChars / all : 0;
}

/** "Politik, Berlin, Wahl 2025": items, no sentence ending inside. */
function isListShaped(text: string): boolean {
  return !/[.!?]\s+\p{Lu}/u.test(text);
}

function isLinky(block: TextBlock): boolean {
  if (/(?:[:>»]|\.\.\.|…)$/.test(block.text.trim())) return true;
  return linkRatio(block.owner) > 0.3;
}

/**
 * A short block that is nothing but a link is a teaser for another story ("More great
 * stories", headline lists between paragraphs); body prose carries links inside sentences.
 */
function isLinkOnly(block: TextBlock): boolean {
  if (block.text.length >= 200) return false;
  if (linkRatio(block.owner) >= 0.9) return true;
  // "More coverage: https://… and https://…": mostly bare addresses.
  const urlChars = (block.text.match(/https?:\/\/\S+/g) ?? []).join('').length;
  return urlChars / block.text.length > 0.5;
}

/** Labels that introduce a list of teasers: the list that follows goes with them. */
function isTeaserHeading(text: string): boolean {
  return isTeaserHeadingLine(text) || /^more (?:great )?[\w ]{0,30} stories[\s.…!:]*$/i.test(text);
}

/** A row or caption of a table: figures, which a dateline rule must not take for a date. */
function isInTable(block: TextBlock): boolean {
  for (let el: Element | null = block.owner; el; el = el.parentElement) if (el.tagName.toUpperCase() === 'TABLE') return true;
  return false;
}

function isListItem(block: TextBlock): boolean {
  const tag = block.owner.tagName.toUpperCase();
  return tag === 'LI' || block.owner.parentElement?.tagName.toUpperCase() === 'LI';
}

export function isBoilerplateLine(block: TextBlock): boolean {
  // "[Related: …]" and "(Read also: …)" are the same lines in brackets.
  const t = block.text.trim().replace(/^[[(]\s*/, '');
  if (isLinkOnly(block) || isTeaserHeading(t) || isLabelLine(t)) return true;
  return RULES.some((r) => t.length <= r.maxChars && r.re.test(t) && (!r.linky || isLinky(block)) && (!r.listShaped || isListShaped(t)));
}

/**
 * Keeps body blocks: drops boilerplate lines, the image caption (with or without its
 * credit) and any block already seen, so a caption repeated for mobile layouts is gone.
 */
// Whole names and their abbreviations only: a stem would make "Marzahn 18.400" or "Monitor 4K" a date.
const MONTH_OR_DAY =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?' +
  '|(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])\\.?';
// The English names above, then every table's month, weekday and dateline words.
const DATE_WORDS_RE = new RegExp(
  `\\b(?:\\d{1,2}:\\d{2}|\\d{4}|${MONTH_OR_DAY}|updated|published|posted|ago)\\b|(?<![\\p{L}\\p{N}])${DATE_WORDS}(?![\\p{L}])`,
  'iu',
);
const DATE_ONLY_RE = new RegExp(
  `^(?:(?:updated|published|posted|last updated|on|at|am|pm|[ap]\\.m\\.|${MONTH_OR_DAY}|${DATE_TOKENS}(?![\\p{L}])|\\d{1,2}h\\d{2}|\\d{1,4}(?:st|nd|rd|th)?|[a-z]{2,4}t)[\\s,.:/|·•-]*)+$`,
  'iu',
);
const ROLE_ONLY_RE =
  /^(?:opinion |senior |staff |contributing |special )?(?:columnist|contributor|writer|reporter|correspondent|editor)s?$/i;
const PUBLISHED_BY_RE =
  /^(?:[\d/.\s-]+[-|–]\s*)?(?:posted|published|publicado|publié|veröffentlicht|pubblicato)\s+(?:by|por|par|von|da)\b/i;

/** "November 20", "Updated 3:40pm, Apr 27, 2024": a date and nothing else. */
const DATE_SHAPE_RE = new RegExp(
  `\\b(?:${MONTH_OR_DAY})|(?<![\\p{L}])${MONTHS}(?![\\p{L}])|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}`,
  'iu',
);

export function isDateOnly(text: string): boolean {
  const t = text.trim();
  // A date shape is required: a bare "2019" or a score like "3-2" is not a dateline.
  return t.length <= 60 && /\d/.test(t) && DATE_SHAPE_RE.test(t) && DATE_ONLY_RE.test(t);
}

/**
 * Bylines and datelines left at the top of the body: "By Jane Doe", "Jane Doe, Staff Writer
 * · Sept. 2, 2024". Only short blocks among the first few, naming an author or a date.
 */
function isBylineBlock(text: string, index: number, authors: readonly string[]): boolean {
  if (isDateOnly(text)) return true;
  if (index > 3 || text.length > 160) return false;
  if (/^by\s+\p{Lu}/u.test(text) || BYLINE_VOCAB_RE.test(text) || ROLE_ONLY_RE.test(text) || PUBLISHED_BY_RE.test(text)) return true;
  const lower = text.toLowerCase();
  const namesAuthor = authors.some((a) => a.length > 2 && lower.includes(a.toLowerCase()));
  if (namesAuthor && (text.length < 80 || DATE_WORDS_RE.test(text))) return true;
  return (
    text.length < 60 &&
    DATE_WORDS_RE.test(text) &&
    /^[\p{L}\d\s.,:|·•\-–—/()]+$/u.test(text) &&
    text.split(' ').length <= 8 &&
    /\d/.test(text)
  );
}

/** A box this small holds a widget, not a section of the story. */
const SMALL_BOX_CHARS = 300;

/**
 * The box a boilerplate line opens: "Newsletter" over its pitch and form, "Kommentare" over its
 * prompt. The block's parent, when the line is its first text and the whole box is small, so
 * the pitch goes with its heading even when it names no newsletter itself.
 */
function smallBoxOpenedBy(block: TextBlock, prior: TextBlock | null): Element | null {
  const box = block.owner.parentElement;
  if (!box || (prior && box.contains(prior.owner))) return null;
  const chars = (box.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return chars <= SMALL_BOX_CHARS ? box : null;
}

export function filterBlocks(
  blocks: TextBlock[],
  caption: string | null,
  title: string | null,
  authors: readonly string[] = [],
): { kept: TextBlock[]; dropped: TextBlock[] } {
  const kept: TextBlock[] = [];
  const dropped: TextBlock[] = [];
  const seen = new Set<string>();
  const foldedCaption = caption ? foldText(caption) : null;
  const foldedTitle = title ? foldText(title) : null;
  let inTeaserList = false;
  let deadBox: Element | null = null;
  let previous: TextBlock | null = null;
  let endMarkAt = -1;
  for (const block of blocks) {
    const prior = previous;
    previous = block;
    if (deadBox?.contains(block.owner) || (inTeaserList && isListItem(block) && block.text.length < 300 && linkRatio(block.owner) > 0.5)) {
      dropped.push(block);
      continue;
    }
    inTeaserList = false;
    // (an end mark folds to nothing: where it stood is noted before it is dropped as empty)
    if (endMarkAt < 0 && kept.length > 0 && END_MARK_RE.test(block.text.trim())) endMarkAt = kept.length;
    const folded = foldText(block.text);
    const isCaption =
      foldedCaption !== null &&
      foldedCaption.length > 0 &&
      (folded === foldedCaption || foldText(stripCredit(block.text)) === foldedCaption);
    const isTitle = kept.length === 0 && foldedTitle !== null && folded === foldedTitle;
    const isRepeat = folded.split(' ').length >= 5 && seen.has(folded);
    const isByline = !isInTable(block) && isBylineBlock(block.text, kept.length, authors);
    const isBoilerplate = !isCaption && !isTitle && !isRepeat && !isByline && isBoilerplateLine(block);
    if (!folded || isCaption || isTitle || isRepeat || isByline || isBoilerplate) {
      dropped.push(block);
      if (isTeaserHeading(block.text.trim())) inTeaserList = true;
      if (isBoilerplate && kept.length > 0) deadBox = smallBoxOpenedBy(block, prior) ?? deadBox;
      continue;
    }
    seen.add(folded);
    kept.push(block);
  }
  const tail = pressReleaseTailAt(kept, endMarkAt);
  if (tail >= 0) dropped.push(...kept.splice(tail));
  return { kept, dropped };
}

/**
 * Where a press release's closing furniture starts, or -1: the end mark ("###", "-30-"; its
 * place among the kept blocks is `endMarkAt`), the
 * paragraph about the company under its "About Acme" heading (what PR calls the boilerplate),
 * the media-contact block. Only in the text's last part, and the about heading only when the
 * paragraph under it starts with the name it gives: a section heading ("About Face") is not
 * followed by its own words. Everything after the first such piece goes with it: the pieces
 * come in any order, after the release's own text.
 */
function pressReleaseTailAt(kept: readonly TextBlock[], endMarkAt: number): number {
  const total = kept.reduce((n, b) => n + b.text.length, 0);
  let before = 0;
  for (let i = 1; i < kept.length; i++) {
    before += kept[i - 1]!.text.length;
    const text = kept[i]!.text.trim();
    const after = total - before;
    if (i === endMarkAt && before >= total * 0.3) return i;
    if (before < total * 0.55) continue;
    if (PRESS_CONTACT_RE.test(text) && text.length <= 300 && (after <= total * 0.25 || after <= 600)) return i;
    const about = text.length <= 80 && !/[.!?]$/.test(text) ? ABOUT_HEADING_RE.exec(text) : null;
    if (about && (kept[i + 1]?.text ?? '').slice(0, 60).includes(about[1]!.replace(/[.,]$/, ''))) return i;
  }
  return -1;
}
