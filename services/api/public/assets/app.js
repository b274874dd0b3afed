// @ts-check
// One shell page for every view; the path picks the view.
import { showError } from './dom.js';

/**
 * A view: fills `main` for the page's query.
 * @typedef {{ render(main: HTMLElement, query: URLSearchParams): Promise<void> }} View
 */

/** @typedef {[nav: string, load: () => Promise<View>]} Route */
/** @type {Record<string, Route | undefined> & { '/': Route }} */
const views = {
  '/': ['search', () => import('./search-page.js')],
  '/ui/article': ['search', () => import('./article-page.js')],
  '/ui/quotes': ['quotes', () => import('./quotes-page.js')],
  '/ui/enqueue': ['enqueue', () => import('./enqueue-page.js')],
  '/ui/sources': ['sources', () => import('./sources-page.js')],
};

// page.html has it: every view is drawn there.
const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const [nav, load] = views[location.pathname.replace(/(.)\/$/, '$1')] ?? views['/'];
for (const a of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-nav]'))) {
  if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
}
load()
  .then((view) => view.render(main, new URLSearchParams(location.search)))
  .catch((err) => showError(main, err));
