import createDOMPurify from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';

let purifier: DOMPurify | null = null;

/** One shared purifier: building a window per page would cost more than the sanitising. */
function getPurifier(): DOMPurify {
  if (!purifier) {
    const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
    purifier = createDOMPurify(window as unknown as WindowLike);
  }
  return purifier;
}

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
