// @ts-check
import { articleDate, articleUrl, el, getJson, highlighted, httpError, pager, pageUrl } from './dom.js';

/** @typedef {import('./api-types').QuotesResponse} QuotesResponse */

const FILTERS = /** @type {const} */ (['q', 'speaker', 'site', 'since', 'until']);
/** @typedef {Record<typeof FILTERS[number], string>} State the filters, from the address bar */
const SIZE = 25;

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} query
 */
export async function render(main, query) {
  const state = /** @type {State} */ (Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])));
  const from = Math.max(Number(query.get('from') ?? 0) || 0, 0);
  /** @param {Partial<State> & { from?: number }} changes */
  const href = (changes) => pageUrl('/ui/quotes', { ...state, ...changes });

  main.replaceChildren(form(state), el('p', { class: 'muted' }, 'Searching…'));
  /** @type {QuotesResponse} */
  let found;
  try {
    found = /** @type {QuotesResponse} */ (await getJson(pageUrl('/quotes', { ...state, from, size: SIZE })));
  } catch (err) {
    main.replaceChildren(form(state), el('p', { class: 'notice error', role: 'alert' }, httpError(err).message));
    return;
  }

  const speakers = el(
    'aside',
    { class: 'facets', 'aria-label': 'Speakers' },
    el(
      'section',
      { class: 'facet', 'data-facet': 'speakers' },
      el('h3', {}, 'Speakers'),
      el(
        'ul',
        {},
        state.speaker ? el('li', {}, el('a', { href: href({ speaker: '', from: 0 }) }, 'Everyone')) : null,
        found.facets.speakers.map((s) =>
          el(
            'li',
            {},
            el(
              'a',
              { href: href({ speaker: s.key, from: 0 }), class: s.key.toLowerCase() === state.speaker.toLowerCase() ? 'selected' : null },
              s.key,
            ),
            el('span', { class: 'count' }, String(s.count)),
          ),
        ),
      ),
    ),
  );

  const list = el('ol', { class: 'quotes', start: from + 1 });
  for (const q of found.quotes) {
    list.append(
      el(
        'li',
        { class: 'quote-result' },
        el('blockquote', {}, q.highlight ? highlighted(q.highlight) : q.text),
        el(
          'p',
          { class: 'attribution' },
          '— ',
          q.speaker
            ? el('a', { class: 'speaker', href: href({ speaker: q.speaker, from: 0 }) }, q.speaker)
            : el('span', { class: 'muted' }, 'unknown speaker'),
          q.cue ? el('span', { class: 'muted' }, ` (${q.cue})`) : null,
        ),
        el(
          'p',
          { class: 'meta' },
          el('a', { href: articleUrl(q.article.id) }, q.article.title || q.article.url),
          ` · ${[q.article.siteName || q.article.site, articleDate(q.article)].filter(Boolean).join(' · ')}`,
        ),
      ),
    );
  }
  main.replaceChildren(
    form(state),
    el(
      'div',
      { class: 'layout' },
      speakers,
      el(
        'section',
        { class: 'results-column' },
        el(
          'p',
          { class: 'muted summary' },
          `${found.total} quotation${found.total === 1 ? '' : 's'}${state.speaker ? ` by ${state.speaker}` : ''}`,
        ),
        found.total === 0 ? el('p', { class: 'notice' }, 'No quotations found.') : list,
        pager(found.total, from, SIZE, (f) => href({ from: f })),
      ),
    ),
  );
}

/** @param {State} state */
function form(state) {
  return el(
    'form',
    { class: 'search', action: '/ui/quotes', method: 'get', role: 'search' },
    el('input', {
      type: 'search',
      name: 'q',
      value: state.q,
      placeholder: 'Words in the quotation',
      'aria-label': 'Words in the quotation',
    }),
    el('input', { type: 'text', name: 'speaker', value: state.speaker, placeholder: 'Speaker', 'aria-label': 'Speaker', class: 'narrow' }),
    el('label', { class: 'date' }, 'from ', el('input', { type: 'date', name: 'since', value: state.since.slice(0, 10) })),
    el('label', { class: 'date' }, 'to ', el('input', { type: 'date', name: 'until', value: state.until.slice(0, 10) })),
    el('button', { type: 'submit' }, 'Find quotations'),
    state.site ? el('input', { type: 'hidden', name: 'site', value: state.site }) : null,
  );
}
