// @ts-check
import { articleUrl, el, getJson, httpError, isArticleId } from './dom.js';

/** @typedef {import('./api-types').ArticleView} ArticleView */
/** @typedef {import('./api-types').EnqueueAccepted} EnqueueAccepted */

const STEPS = ['queued', 'fetching', 'extracting', 'enriching', 'indexing', 'done'];
const POLL_MS = 1000;
/** While the API is away (503, network), polls back off up to this. */
const MAX_POLL_MS = 10_000;
const TOKEN_KEY = 'newsflow-token';

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} query
 */
export async function render(main, query) {
  const list = el('ol', { class: 'jobs', 'aria-label': 'Progress' });
  const token = el('input', {
    type: 'password',
    name: 'token',
    placeholder: 'API token (only when the server asks for one)',
    autocomplete: 'off',
    'aria-label': 'API token',
    value: sessionStorage.getItem(TOKEN_KEY) ?? '',
  });
  const urls = el('textarea', {
    name: 'urls',
    rows: 4,
    placeholder: 'https://www.example.com/news/some-article\n(one URL per line)',
    'aria-label': 'Article URLs',
    required: true,
  });
  const message = el('p', { class: 'muted', role: 'status' });
  const form = el(
    'form',
    { class: 'enqueue' },
    el('label', {}, 'Article URLs', urls),
    el('details', {}, el('summary', {}, 'Token'), token),
    el('button', { type: 'submit' }, 'Add to the pipeline'),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = urls.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value);
    message.textContent = '';
    for (const url of lines) {
      try {
        const res = /** @type {EnqueueAccepted} */ (
          await getJson('/articles', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token.value ? { authorization: `Bearer ${token.value}` } : {}) },
            body: JSON.stringify({ url }),
          })
        );
        list.prepend(job(res.id, res.url, res.status === 'in-flight' ? 'already in the pipeline' : null));
      } catch (caught) {
        const err = httpError(caught);
        list.prepend(
          el(
            'li',
            { class: 'job failed' },
            el('p', { class: 'job-url' }, url),
            el('p', { class: 'reason' }, err.status === 401 ? 'The server needs the API token (see Token).' : err.message),
          ),
        );
      }
    }
    urls.value = '';
  });

  main.replaceChildren(
    el('h1', {}, 'Add articles'),
    el('p', { class: 'muted' }, 'Each URL is fetched, cleaned, enriched and indexed; progress shows below.'),
    form,
    list,
  );
  // `?id=` from the address bar: followed only when it is an article id (anything else could
  // name another API path, and would be polled for a state it never has).
  const id = query.get('id');
  if (id !== null && isArticleId(id)) {
    list.append(job(id, '', null));
  } else if (id !== null) {
    list.append(
      el(
        'li',
        { class: 'job failed', 'data-state': 'invalid' },
        el('p', { class: 'job-url' }, id),
        el(
          'p',
          { class: 'reason', role: 'alert' },
          'This is not an article id (32 lowercase hex characters), so there is nothing to follow.',
        ),
      ),
    );
  }
}

/**
 * One enqueued article, its progress polled until it is done or failed.
 * @param {unknown} id as the server gave it: checked before it goes into a request path
 * @param {string} url
 * @param {string | null} note
 * @returns {HTMLLIElement}
 */
function job(id, url, note) {
  if (!isArticleId(id)) {
    return el(
      'li',
      { class: 'job failed' },
      el('p', { class: 'job-url' }, url || String(id)),
      el('p', { class: 'reason' }, 'The server answered with no article id.'),
    );
  }
  const state = el('span', { class: 'state' }, 'queued');
  const steps = el(
    'ol',
    { class: 'steps' },
    STEPS.map((s) => el('li', { 'data-step': s }, s)),
  );
  const reason = el('p', { class: 'reason' });
  const link = el('p', { class: 'job-link' });
  const item = el(
    'li',
    { class: 'job', 'data-id': id, 'data-state': 'queued' },
    el('p', { class: 'job-url' }, url || id, ' ', state, note ? el('span', { class: 'muted' }, ` (${note})`) : null),
    steps,
    reason,
    link,
  );

  /** @param {ArticleView} a */
  const update = (a) => {
    item.dataset.state = a.state;
    state.textContent = a.state;
    const at = STEPS.indexOf(a.state);
    for (const li of /** @type {HTMLCollectionOf<HTMLLIElement>} */ (steps.children)) {
      const i = STEPS.indexOf(li.dataset.step ?? '');
      li.className =
        a.state === 'failed'
          ? li.dataset.step === stageStep(a.stage)
            ? 'failed'
            : ''
          : i < at || a.state === 'done'
            ? 'passed'
            : i === at
              ? 'current'
              : '';
    }
    reason.textContent = a.reason ?? '';
    if (a.state === 'done' && !link.firstChild) {
      link.append(el('a', { href: articleUrl(id) }, a.document?.title ? `Read “${a.document.title}”` : 'Read the article'));
    }
  };
  let waitMs = POLL_MS;
  const poll = async () => {
    try {
      const a = /** @type {ArticleView} */ (await getJson(`/articles/${id}`));
      update(a);
      if (a.state === 'done' || a.state === 'failed') return;
      waitMs = POLL_MS;
    } catch (caught) {
      const err = httpError(caught);
      // Unknown (never enqueued, or its status expired) or refused: asking again will not change
      // that, so polling stops and says why. Anything else (the API restarting) is retried.
      if (err.status === 404 || err.status === 400) {
        item.dataset.state = 'unknown';
        state.textContent = 'unknown';
        reason.setAttribute('role', 'alert');
        reason.textContent =
          err.status === 404
            ? 'No article with this id: it was never enqueued, or its status has expired. Add its URL again to follow it.'
            : err.message;
        return;
      }
      reason.textContent = err.message;
      waitMs = Math.min(waitMs * 2, MAX_POLL_MS);
    }
    setTimeout(poll, waitMs);
  };
  void poll();
  return item;
}

/**
 * The step a pipeline stage (as /articles/:id names it) stands for.
 * @param {string | null} stage
 * @returns {string}
 */
function stageStep(stage) {
  /** @type {Record<string, string | undefined>} */
  const steps = { fetch: 'fetching', extract: 'extracting', enrich: 'enriching', index: 'indexing' };
  return steps[stage ?? ''] ?? 'queued';
}
