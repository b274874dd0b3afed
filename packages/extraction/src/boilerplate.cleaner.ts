/**
 * Removes page furniture before Readability scores the page. Readability already drops
 * much of it, but it keeps whatever sits inside the winning container: share bars,
 * newsletter boxes, "related" lists and photo captions inside the article element.
 * Rules key on roles, tags and class/id words, never on one site's markup.
 */

/** Class or id words that mark non-article blocks. Matched as whole words split on - and _. */
const FURNITURE_WORD_RE = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'share', 'sharing', 'sharebar', 'social', 'socials', 'newsletter', 'newsletters', 'subscribe',
      'subscription', 'signup', 'sign-up', 'related', 'recommended', 'recommendations', 'read-?more',
      'more-?stories', 'most-?read', 'most-?popular', 'trending', 'cookie', 'cookies', 'consent', 'gdpr',
      'advert', 'advertisement', 'ad', 'ads', 'ad-?slot', 'ad-?container', 'dfp', 'gpt', 'promo', 'sponsored',
      'breadcrumb', 'breadcrumbs', 'outbrain', 'taboola', 'comments?', 'disqus', 'byline-?share',
      'copyright', 'print-?only', 'sr-only', 'screen-reader-text',
      'visually-?hidden', 'tags', 'tag-?list', 'author-?bio', 'toolbar', 'skip-?link',
      'paywall', 'regwall', 'piano', 'byline', 'bylines', 'dateline', 'author', 'authors',
      '(?:article|post|entry|story)-?meta', 'timestamp', 'published-?date', 'pubdate',
    ].join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

/** Caption and credit wrappers often hold the picture too: those lose only their text. */
const CAPTION_WORD_RE = /(?:^|[\s_-])(?:caption|captions|credit|credits|photo-?credit|image-?credit)(?=$|[\s_-])/i;

const FURNITURE_SELECTOR = [
  'nav', 'aside', 'button', 'select', 'textarea', 'input', 'dialog', 'template', 'iframe', 'object', 'embed',
  'figcaption', '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
  '[role="dialog"]', '[role="alertdialog"]', '[aria-hidden="true"]', '[hidden]',
].join(', ');

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

export function removeFurniture(doc: Document): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  for (const el of Array.from(root.querySelectorAll(FURNITURE_SELECTOR))) {
    if (el.isConnected === false) continue;
    if (isDisposable(el)) el.remove();
  }
  // form: ASP.NET pages wrap everything in one; only small forms are furniture.
  for (const el of Array.from(root.querySelectorAll('form'))) {
    if (isDisposable(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (el.isConnected === false) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE_WORD_RE.test(words) && isDisposable(el)) {
      el.remove();
    } else if (CAPTION_WORD_RE.test(words) && isDisposable(el)) {
      if (!el.querySelector('img, picture, video')) el.remove();
      else for (const t of Array.from(el.querySelectorAll('p, span, div')).filter((c) => !c.querySelector('img, picture, video'))) t.remove();
    }
  }
}
