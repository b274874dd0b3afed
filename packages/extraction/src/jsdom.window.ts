import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

/**
 * How many documents one jsdom window serves before it is replaced. A window keeps what was
 * made through it reachable (each DOMParser document, DOMPurify's node iterators): sharing
 * one window for good grew the heap by about 220 kB a page on linkedom pages (sanitising only)
 * and 1.7 MB a page on jsdom ones, without bound. A new window costs a few milliseconds, so
 * every 25 documents it is lost in the noise.
 */
export const JSDOM_WINDOW_USES = 25;

/**
 * A jsdom window shared by successive documents (building one per page cost about a third of
 * parse time), replaced and closed every `uses` documents. No runScripts and no resources:
 * jsdom neither executes scripts nor fetches anything; its virtual console swallows CSS parse
 * errors. `make` builds what the callers use from the window (a DOMParser, a purifier); each
 * document is finished with before the next is asked for, so closing the old window is safe.
 */
export function sharedJsdomWindow<T>(make: (window: DOMWindow) => T, uses = JSDOM_WINDOW_USES): () => T {
  let current: { window: DOMWindow; value: T; used: number } | null = null;
  return () => {
    if (!current || current.used >= uses) {
      current?.window.close();
      const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', {
        url: 'about:blank',
        virtualConsole: new VirtualConsole(),
      });
      current = { window, value: make(window), used: 0 };
    }
    current.used++;
    return current.value;
  };
}
