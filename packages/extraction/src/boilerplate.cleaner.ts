/**
 * Removes page furniture before Readability scores the page. Readability already drops
 * much of it, but it keeps whatever sits inside the winning container: share bars,
 * newsletter boxes, "related" lists and photo captions inside the article element.
 * Rules key on roles, tags and class/id words, never on one site's markup.
 */
import { CLASS_WORDS } from './vocabulary/boilerplate.patterns';

/** Class or id words that mark non-article blocks. Matched as whole words split on - and _. */
const FURNITURE_WORD_RE = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'share',
      'sharing',
      'sharebar',
      'social',
      'socials',
      'newsletter',
      'newsletters',
      'subscribe',
      'subscription',
      'signup',
      'sign-up',
      'related',
      'recommended',
      'recommendations',
      'read-?more',
      'more-?stories',
      'most-?read',
      'most-?popular',
      'trending',
      'cookie',
      'cookies',
      'consent',
      'gdpr',
      'advert',
      'advertisement',
      'ad',
      'ads',
      'ad-?slot',
      'ad-?container',
      'dfp',
      'gpt',
      'promo',
      'sponsored',
      'breadcrumb',
      'breadcrumbs',
      'outbrain',
      'taboola',
      'comments?',
      'disqus',
      'byline-?share',
      'copyright',
      'print-?only',
      'sr-only',
      'screen-reader-text',
      'visually-?hidden',
      'tags',
      'tag-?list',
      'author-?bio',
      'toolbar',
      'skip-?link',
      'paywall',
      'regwall',
      'piano',
      'byline',
      'bylines',
      'dateline',
      'author',
      'authors',
      '(?:article|post|entry|story)-?meta',
      'timestamp',
      'published-?date',
      'pubdate',
      // Other languages' words for the same containers ("teilen", "compartir", "reacties").
      ...CLASS_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    ].join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

/** Caption and credit wrappers often hold the picture too: those lose only their text. */
const CAPTION_WORD_RE = /(?:^|[\s_-])(?:caption|captions|credit|credits|photo-?credit|image-?credit)(?=$|[\s_-])/i;

const FURNITURE_TAGS = new Set([
  'NAV',
  'ASIDE',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'DIALOG',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'FIGCAPTION',
  'FORM',
]);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog']);

/** Containers of the article itself are never furniture, whatever their classes say. */
const NEVER_REMOVE = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += textLength(a);
  return n;
}

/**
 * A block may go only when it is small or mostly links: a class word like "related" on a
 * big container of prose is more likely a styling hook on the article itself.
 */
function isDisposable(el: Element): boolean {
  if (NEVER_REMOVE.has(el.tagName.toUpperCase())) return false;
  if (el.querySelector('h1')) return false;
  const len = textLength(el);
  if (len < 600) return true;
  return linkTextLength(el) / len > 0.5;
}

type Verdict = 'furniture' | 'caption' | null;

function judge(el: Element): Verdict {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return 'furniture';
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return 'furniture';
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return 'furniture';
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (words.length < 2) return null;
  if (FURNITURE_WORD_RE.test(words)) return 'furniture';
  if (CAPTION_WORD_RE.test(words)) return 'caption';
  return null;
}

/**
 * One walk over all elements: jsdom's selector engine is slow on attribute selectors, and a
 * single pass with plain attribute reads is cheap in both DOMs.
 */
export function removeFurniture(doc: Document): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  const found: [Element, Verdict][] = [];
  // querySelectorAll('*'): linkedom's getElementsByTagName('*') returns nothing.
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const verdict = judge(el);
    if (verdict) found.push([el, verdict]);
  }
  // Outer elements come first in document order; once removed, their descendants are moot.
  const removed = new Set<Element>();
  const isInsideRemoved = (el: Element) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (removed.has(p)) return true;
    return false;
  };
  for (const [el, verdict] of found) {
    if (isInsideRemoved(el) || !isDisposable(el)) continue;
    if (verdict === 'furniture' || !el.querySelector('img, picture, video')) {
      el.remove();
      removed.add(el);
    } else {
      for (const t of Array.from(el.querySelectorAll('p, span, div')).filter((c) => !c.querySelector('img, picture, video'))) t.remove();
    }
  }
}
