// @ts-check
import { articleDate, articleUrl, el, getJson, highlighted, httpError, pager, pageUrl, showError } from './dom.js';

/** @typedef {import('./api-types').Bucket} Bucket */
/** @typedef {import('./api-types').SearchResponse} SearchResponse */
/** @typedef {import('./api-types').SearchResult} SearchResult */

const FILTERS = /** @type {const} */ ([
  'q',
  'person',
  'organization',
  'location',
  'speaker',
  'site',
  'lang',
  'access',
  'since',
  'until',
  'sort',
  'all',
]);
/** @typedef {typeof FILTERS[number]} Filter */
/** @typedef {Record<Filter, string>} State the filters, from the address bar */
/** @type {[facet: string, param: Filter, label: string][]} */
const FACETS = [
  ['people', 'person', 'People'],
  ['organizations', 'organization', 'Organisations'],
  ['locations', 'location', 'Places'],
  ['speakers', 'speaker', 'Speakers'],
  ['sites', 'site', 'Sites'],
  ['languages', 'lang', 'Languages'],
];
const SIZE = 20;

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} query
 */
export async function render(main, query) {
  const state = /** @type {State} */ (Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])));
  const from = Math.max(Number(query.get('from') ?? 0) || 0, 0);
  /** @param {Partial<State> & { from?: number }} changes */
  const href = (changes) => pageUrl('/', { ...state, ...changes });

  main.replaceChildren(searchForm(state), el('p', { class: 'muted' }, 'Searching…'));
  /** @type {SearchResponse} */
  let found;
  try {
    found = /** @type {SearchResponse} */ (await getJson(pageUrl('/search', { ...state, from, size: SIZE })));
  } catch (err) {
    main.replaceChildren(searchForm(state));
    main.append(el('p', { class: 'notice error', role: 'alert' }, httpError(err).message));
    return;
  }

  const active = FILTERS.filter((k) => k !== 'q' && k !== 'sort' && state[k]);
  const chips = active.length
    ? el(
        'p',
        { class: 'chips' },
        'Filters: ',
        active.map((k) => el('a', { class: 'chip', href: href({ [k]: '', from: 0 }), title: 'Remove this filter' }, `${k}: ${state[k]} ×`)),
      )
    : null;

  const facets = el('aside', { class: 'facets', 'aria-label': 'Facets' });
  for (const [key, param, label] of FACETS) {
    const buckets = found.facets?.[key]?.buckets ?? [];
    if (buckets.length === 0) continue;
    facets.append(
      el(
        'section',
        { class: 'facet', 'data-facet': key },
        el('h3', {}, label),
        el(
          'ul',
          {},
          buckets.map((b) =>
            el(
              'li',
              {},
              el(
                'a',
                { href: href({ [param]: b.key, from: 0 }), class: state[param] === String(b.key) ? 'selected' : null },
                String(b.key),
              ),
              el('span', { class: 'count' }, String(b.doc_count)),
            ),
          ),
        ),
      ),
    );
  }
  const days = found.facets?.perDay?.buckets ?? [];
  if (days.length > 0) facets.append(histogram(days, (day) => href({ since: day, until: `${day}T23:59:59.999Z`, from: 0 })));

  const list = el('ol', { class: 'results', start: from + 1 });
  for (const r of found.results) list.append(result(r));
  const results = el(
    'section',
    { class: 'results-column' },
    el(
      'p',
      { class: 'muted summary' },
      `${found.total} article${found.total === 1 ? '' : 's'}`,
      // One result per story unless all=true: say how many copies that hides, and how to see them.
      found.documents > found.total
        ? [
            ` (one per story; ${found.documents - found.total} more cop${found.documents - found.total === 1 ? 'y' : 'ies'} · `,
            el('a', { href: href({ all: 'true', from: 0 }) }, 'show every copy'),
            ')',
          ]
        : null,
    ),
    chips,
    found.total === 0 ? el('p', { class: 'notice' }, 'Nothing found. Try fewer words or remove a filter.') : list,
    pager(found.total, from, SIZE, (f) => href({ from: f })),
  );
  main.replaceChildren(searchForm(state), el('div', { class: 'layout' }, facets, results));
}

/** @param {State} state */
function searchForm(state) {
  return el(
    'form',
    { class: 'search', action: '/', method: 'get', role: 'search' },
    el('input', {
      type: 'search',
      name: 'q',
      value: state.q,
      placeholder: 'Search articles, e.g. Wang Yi',
      'aria-label': 'Search words',
      autofocus: true,
    }),
    el(
      'select',
      { name: 'sort', 'aria-label': 'Sort' },
      el('option', { value: '', selected: !state.sort }, 'Best match'),
      el('option', { value: 'date', selected: state.sort === 'date' }, 'Newest'),
    ),
    el('button', { type: 'submit' }, 'Search'),
    // The other filters ride along, so a new search keeps them.
    FILTERS.filter((k) => k !== 'q' && k !== 'sort' && state[k]).map((k) => el('input', { type: 'hidden', name: k, value: state[k] })),
  );
}

/** @param {SearchResult} r */
function result(r) {
  const title = r.highlight?.title?.[0] ? highlighted(r.highlight.title[0]) : r.title || r.url;
  const snippets = (r.highlight?.text ?? []).map((f) => el('p', { class: 'snippet' }, '… ', highlighted(f), ' …'));
  const quotes = (r.matchingQuotes ?? [])
    .slice(0, 3)
    .map((q) => el('li', {}, el('q', {}, q.text), q.speaker ? el('span', { class: 'who' }, q.speaker) : null));
  return el(
    'li',
    { class: 'result' },
    el('h2', {}, el('a', { href: articleUrl(r.id) }, title)),
    el(
      'p',
      { class: 'meta' },
      [r.siteName || r.site, articleDate(r), r.byline, r.copies > 1 ? `${r.copies} copies` : null].filter(Boolean).join(' · '),
    ),
    snippets.length ? snippets : r.excerpt ? el('p', { class: 'snippet' }, r.excerpt) : null,
    quotes.length ? el('ul', { class: 'matching-quotes' }, quotes) : null,
    (r.people ?? []).length
      ? el(
          'p',
          { class: 'tags' },
          r.people.slice(0, 6).map((p) => el('a', { class: 'tag', href: pageUrl('/', { person: p }) }, p)),
        )
      : null,
  );
}

/**
 * @param {Bucket[]} days
 * @param {(day: string) => string} hrefFor
 */
function histogram(days, hrefFor) {
  const max = Math.max(...days.map((d) => d.doc_count));
  const bars = el('div', { class: 'histogram' });
  for (const d of days.slice(-60)) {
    const day = String(d.key_as_string ?? new Date(d.key).toISOString()).slice(0, 10);
    const bar = el('a', { class: 'bar', href: hrefFor(day), title: `${day}: ${d.doc_count}` });
    // CSSOM, not a style attribute: allowed under the page's Content-Security-Policy.
    bar.style.height = `${Math.max(8, Math.round((d.doc_count / max) * 100))}%`;
    bars.append(bar);
  }
  return el('section', { class: 'facet' }, el('h3', {}, 'Per day'), bars);
}

export { showError };
