import createDOMPurify from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';
import { sharedJsdomWindow } from './jsdom.window';

/** One purifier for many pages (a window per page would cost more than the sanitising), renewed with its window. */
const getPurifier = sharedJsdomWindow((window): DOMPurify => createDOMPurify(window as unknown as WindowLike));

/** Article HTML safe to store and show: no scripts, handlers, frames, forms or styles. */
export function sanitiseHtml(html: string): string {
  return getPurifier().sanitize(html, {
    FORBID_TAGS: [
      'style',
      'script',
      'iframe',
      'frame',
      'frameset',
      'form',
      'input',
      'button',
      'select',
      'textarea',
      'object',
      'embed',
      'link',
      'meta',
      'base',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['style', 'srcset', 'sizes', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
}
