import { httpUrl } from './http-url';

/**
 * Finds the lead image's caption before furniture removal takes figcaptions away.
 * The caption is kept as image metadata, never as body text, and loses its photo credit.
 */

const CREDIT_TAIL_RE =
  /\s*(?:\(|\[)?\s*(?:photo(?:graph)?s?|images?|pictures?|picture|credit|source|illustration|video)\s*(?:credit)?\s*(?::|by\b|-|–|—)\s*[^.()[\]]{1,80}(?:\)|\])?\s*$/i;

export function stripCredit(caption: string): string {
  return caption.replace(CREDIT_TAIL_RE, '').trim();
}

const CREDIT_EL_SELECTOR = '[class*="credit"], [class*="copyright"], [class*="byline"], [class*="source"], small';

function cleanCaptionText(el: Element): string | null {
  const copy = el.cloneNode(true) as Element;
  for (const credit of Array.from(copy.querySelectorAll(CREDIT_EL_SELECTOR))) credit.remove();
  const text = stripCredit((copy.textContent ?? '').replace(/\s+/g, ' ').trim());
  return text.length >= 3 ? text : null;
}

function fileStem(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const name = path.split('/').pop() ?? '';
  // WordPress-style size suffixes: photo-1024x576.jpg is the same picture as photo.jpg.
  return name
    .replace(/-\d+x\d+(?=\.\w+$)/, '')
    .replace(/\.\w+$/, '')
    .toLowerCase();
}

export interface LeadImage {
  url: string | null;
  caption: string | null;
  /** Image from the first figure, used when the page has no og:image or JSON-LD image. */
  figureUrl: string | null;
}

export function readLeadImage(doc: Document, metaImageUrl: string | null, pageUrl: string): LeadImage {
  const figures = Array.from(doc.getElementsByTagName('figure')).slice(0, 8);
  const stem = metaImageUrl ? fileStem(metaImageUrl) : null;
  let chosen: Element | null = null;
  if (stem) {
    chosen =
      figures.find((f) => {
        const img = f.querySelector('img');
        const src = img?.getAttribute('src') ?? img?.getAttribute('data-src') ?? '';
        return src !== '' && fileStem(src) === stem;
      }) ?? null;
  }
  chosen ??= figures.find((f) => f.querySelector('img')) ?? null;
  const img = chosen?.querySelector('img');
  const src = img?.getAttribute('src') ?? img?.getAttribute('data-src') ?? null;
  const figureUrl = httpUrl(src, pageUrl);
  const captionEl = chosen?.querySelector('figcaption') ?? null;
  let caption = captionEl ? cleanCaptionText(captionEl) : null;
  if (!caption && img) {
    const alt = img.getAttribute('alt')?.trim();
    if (alt && alt.split(/\s+/).length >= 4) caption = stripCredit(alt);
  }
  return { url: metaImageUrl ?? figureUrl, caption, figureUrl };
}
