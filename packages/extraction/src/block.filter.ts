import { foldText } from './text.fold';
import { stripCredit } from './lead-image.reader';
import type { TextBlock } from './text.renderer';

/**
 * Line-level rules for what survives inside the article container: boilerplate that
 * class names did not reveal. Each rule applies only to short blocks, so that a real
 * paragraph which happens to start with "Subscribe" or mention cookies stays.
 */
interface LineRule {
  re: RegExp;
  maxChars: number;
  /** Only when the block is mostly links or ends with a colon: "More on this:" */
  linky?: boolean;
}

const RULES: LineRule[] = [
  // Photo credits and captions left as paragraphs.
  { re: /^(?:photo(?:graph)?s?|images?|pictures?|illustration|graphic|credit|video)\s*(?:credit)?\s*(?::|by\b|courtesy\b)/i, maxChars: 200 },
  { re: /\b(?:photo(?:graph)?|image|picture|credit)s?\s*:\s*[^.]{1,60}$/i, maxChars: 300 },
  // Copyright and rights lines.
  { re: /^(?:©|\(c\)\s|copyright\b)/i, maxChars: 300 },
  // A © in a short line is a photo credit or a rights notice.
  { re: /©/, maxChars: 200 },
  { re: /\bsubject to copyright\b|^citation:/i, maxChars: 500 },
  // Tag and category lists.
  { re: /^(?:tags?|tagged(?: with| in)?|topics?|categories|category|filed under|keywords)\s*(?::|\n)/i, maxChars: 800 },
  { re: /\ball rights reserved\b/i, maxChars: 300 },
  // Ads and their labels.
  { re: /^(?:advertisement|advertising|advert|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading below|scroll to continue)$/i, maxChars: 60 },
  // Read-more and related teasers.
  { re: /^(?:read more|read next|read also|also read|related(?: articles?| stories| content| coverage)?|see also|more from|more on|recommended|most read|most popular|you may also like|you might also like|also on|leggi anche|lesen sie auch|lire aussi|leia também|leia mais|veja também|lea también|читайте также)\b\s*[:>»|-]?/i, maxChars: 200, linky: true },
  // Section labels of teaser lists and page widgets, alone on their line.
  { re: /^(?:recent (?:articles|posts|stories|news)|popular(?: this week| now| stories| posts)?|latest(?: news| stories| articles)?|most (?:read|viewed|popular|shared|commented)|top stories|trending(?: now| stories)?|editor'?s picks|highlights|sign in|log in|login|register|breaking news|menu|search|more (?:great )?[\w ]{0,30} stories|you may also like|you might also like|comments?|\d+ comments?|leave a (?:comment|reply)|tell us what you think|join the (?:discussion|conversation)|loading(?: content)?|caption|close|learn more|load more|show more|see more|view (?:all|more)|next|previous|prev|more)[\s.…!:]*$/i, maxChars: 60 },
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
  // Share bars.
  { re: /^(?:share(?: this)?(?: article| story| page)?(?: on \w+)?|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp)$/i, maxChars: 60 },
  // Newsletter and subscription prompts.
  { re: /^(?:sign up|subscribe|get (?:our|the)\b.*\b(?:newsletter|briefing)|join (?:our|the)\b.*\bnewsletter|stay informed|already a subscriber|become a (?:member|subscriber)|support (?:our|independent) journalism)\b/i, maxChars: 250 },
  { re: /\b(?:newsletter|subscription|subscribers?)\b.*\b(?:sign up|subscribe|inbox|every (?:morning|day|week)|free)\b/i, maxChars: 200 },
  // Cookie and consent notices.
  { re: /\bcookies?\b.*\b(?:accept|consent|privacy|we use|this site uses|agree)\b|\b(?:we use|this site uses)\b.*\bcookies?\b/i, maxChars: 300 },
  // Paywall prompts.
  { re: /^(?:read the (?:full|whole|rest of the) (?:article|story)|to continue reading|continue reading with|this (?:article|story) is (?:for|available to) (?:subscribers|members))\b/i, maxChars: 200 },
  // Follow-us lines.
  { re: /^follow (?:us|@?[\w']+(?: [\w']+)?) on (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky)/i, maxChars: 300 },
  { re: /^follow\b.{0,80}\b(?:coverage|updates)\b.*\bhttps?:\/\//i, maxChars: 200 },
];

function linkRatio(owner: Element): number {
  let linkChars = 0;
  for (const a of Array.from(owner.querySelectorAll('a'))) linkChars += (a.textContent ?? '').replace(/\s+/g, '').length;
  const all = (owner.textContent ?? '').replace(/\s+/g, '').length;
  return all > 0 ? linkChars / all : 0;
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
const TEASER_HEADING_RE =
  /^(?:read more|related(?: articles?| stories| content| coverage| posts)?|see also|more from|more on|recommended(?: for you)?|also read|most read|most popular|you may also like|you might also like|recent (?:articles|posts|stories)|popular(?: this week| now)?|latest(?: news| stories)?|more (?:great )?[\w ]{0,30} stories|top stories|trending(?: now)?)\b[\s.…!:]*$/i;

function isListItem(block: TextBlock): boolean {
  const tag = block.owner.tagName.toUpperCase();
  return tag === 'LI' || block.owner.parentElement?.tagName.toUpperCase() === 'LI';
}

export function isBoilerplateLine(block: TextBlock): boolean {
  // "[Related: …]" and "(Read also: …)" are the same lines in brackets.
  const t = block.text.trim().replace(/^[[(]\s*/, '');
  if (isLinkOnly(block) || TEASER_HEADING_RE.test(t)) return true;
  return RULES.some((r) => t.length <= r.maxChars && r.re.test(t) && (!r.linky || isLinky(block)));
}

/**
 * Keeps body blocks: drops boilerplate lines, the image caption (with or without its
 * credit) and any block already seen, so a caption repeated for mobile layouts is gone.
 */
const MONTH_OR_DAY =
  '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?';
const DATE_WORDS_RE = new RegExp(`\\b(?:\\d{1,2}:\\d{2}|\\d{4}|${MONTH_OR_DAY}|updated|published|posted|ago)\\b`, 'i');
const DATE_ONLY_RE = new RegExp(
  `^(?:(?:updated|published|posted|last updated|on|at|am|pm|[ap]\\.m\\.|${MONTH_OR_DAY}|\\d{1,4}(?:st|nd|rd|th)?|[a-z]{2,4}t)[\\s,.:/|·•-]*)+$`,
  'i',
);
const ROLE_ONLY_RE =
  /^(?:opinion |senior |staff |contributing |special )?(?:columnist|contributor|writer|reporter|correspondent|editor)s?$/i;
const PUBLISHED_BY_RE = /^(?:[\d/.\s-]+[-|–]\s*)?(?:posted|published|publicado|publié|veröffentlicht|pubblicato)\s+(?:by|por|par|von|da)\b/i;

/** "November 20", "Updated 3:40pm, Apr 27, 2024": a date and nothing else. */
const DATE_SHAPE_RE = new RegExp(
  `\\b(?:${MONTH_OR_DAY})|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}`,
  'i',
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
  if (/^by\s+\p{Lu}/u.test(text) || ROLE_ONLY_RE.test(text) || PUBLISHED_BY_RE.test(text)) return true;
  const lower = text.toLowerCase();
  const namesAuthor = authors.some((a) => a.length > 2 && lower.includes(a.toLowerCase()));
  if (namesAuthor && (text.length < 80 || DATE_WORDS_RE.test(text))) return true;
  return text.length < 60 && DATE_WORDS_RE.test(text) && /^[\p{L}\d\s.,:|·•\-–—/()]+$/u.test(text) && text.split(' ').length <= 8 && /\d/.test(text);
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
  for (const block of blocks) {
    if (inTeaserList && isListItem(block) && block.text.length < 300 && linkRatio(block.owner) > 0.5) {
      dropped.push(block);
      continue;
    }
    inTeaserList = false;
    const folded = foldText(block.text);
    const isCaption =
      foldedCaption !== null && foldedCaption.length > 0 &&
      (folded === foldedCaption || foldText(stripCredit(block.text)) === foldedCaption);
    const isTitle = kept.length === 0 && foldedTitle !== null && folded === foldedTitle;
    const isRepeat = folded.split(' ').length >= 5 && seen.has(folded);
    const isByline = isBylineBlock(block.text, kept.length, authors);
    if (!folded || isCaption || isTitle || isRepeat || isByline || isBoilerplateLine(block)) {
      dropped.push(block);
      if (TEASER_HEADING_RE.test(block.text.trim())) inTeaserList = true;
      continue;
    }
    seen.add(folded);
    kept.push(block);
  }
  return { kept, dropped };
}
