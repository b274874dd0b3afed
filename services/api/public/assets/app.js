// One shell page for every view; the path picks the view.
import { showError } from './dom.js';

const views = {
  '/': ['search', () => import('./search-page.js')],
  '/ui/article': ['search', () => import('./article-page.js')],
  '/ui/quotes': ['quotes', () => import('./quotes-page.js')],
  '/ui/enqueue': ['enqueue', () => import('./enqueue-page.js')],
  '/ui/sources': ['sources', () => import('./sources-page.js')],
};

const main = document.getElementById('main');
const [nav, load] = views[location.pathname.replace(/(.)\/$/, '$1')] ?? views['/'];
for (const a of document.querySelectorAll('[data-nav]')) {
  if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
}
load()
  .then((view) => view.render(main, new URLSearchParams(location.search)))
  .catch((err) => showError(main, err));
