import { ExtractionError } from './extraction.error';

/**
 * Browsers stop nesting at 512 levels (Blink's parser cap); real pages stay far below that.
 * A page nested 200,000 deep overflows jsdom's stack and takes linkedom minutes, so it is
 * refused before parsing, from a cheap scan of its tags.
 */
export const MAX_DEPTH = 5000;

/** Elements that never hold children, or whose end tag is optional and commonly left out. */
const NO_DEPTH = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
]);

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/** Throws ExtractionError('too-deep') when open tags nest deeper than MAX_DEPTH (an over-estimate). */
export function assertReasonableDepth(html: string): void {
  let depth = 0;
  for (const m of html.matchAll(TAG_RE)) {
    const name = m[2]!.toLowerCase();
    if (NO_DEPTH.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      depth = Math.max(0, depth - 1);
    } else if (++depth > MAX_DEPTH) {
      throw new ExtractionError(
        'too-deep',
        `The page nests its elements more than ${MAX_DEPTH} levels deep (browsers stop at 512), so it was not parsed.`,
      );
    }
  }
}
