// @ts-check
import { el, getJson, httpError } from './dom.js';

/** @typedef {import('./api-types').Source} Source */
/** @typedef {import('./api-types').SourceList} SourceList */

const TOKEN_KEY = 'newsflow-token';
const REFRESH_MS = 5000;
/** A source id, as GET /sources gives them: checked before it goes into a request path. */
const SOURCE_ID = /^[0-9a-f]{32}$/;

/**
 * Followed sources: add one, see how each one's last poll went, poll one now, remove one.
 * @param {HTMLElement} main
 */
export async function render(main) {
  const list = el('ol', { class: 'jobs sources', 'aria-label': 'Sources' });
  const token = el('input', {
    type: 'password',
    name: 'token',
    placeholder: 'API token (only when the server asks for one)',
    autocomplete: 'off',
    'aria-label': 'API token',
    value: sessionStorage.getItem(TOKEN_KEY) ?? '',
  });
  const url = el('input', {
    type: 'url',
    name: 'url',
    required: true,
    placeholder: 'https://www.example.com/feed.xml, a sitemap, or a site’s home page',
    'aria-label': 'Source URL',
  });
  const every = el('input', { type: 'text', name: 'every', placeholder: '15m', size: 6, 'aria-label': 'Poll every' });
  const message = el('p', { class: 'muted', role: 'status' });
  /** @returns {Record<string, string>} */
  const auth = () => (token.value ? { authorization: `Bearer ${token.value}` } : {});
  /** @param {unknown} caught */
  const explain = (caught) => {
    const err = httpError(caught);
    return err.status === 401 ? 'The server needs the API token (see Token).' : err.message;
  };

  const form = el(
    'form',
    { class: 'enqueue' },
    el('label', {}, 'Feed, sitemap or site', url),
    el('label', {}, 'Poll every', every),
    el('details', {}, el('summary', {}, 'Token'), token),
    el('button', { type: 'submit' }, 'Follow'),
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (token.value) sessionStorage.setItem(TOKEN_KEY, token.value);
    try {
      const s = /** @type {Source} */ (
        await getJson('/sources', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth() },
          body: JSON.stringify({ url: url.value.trim(), ...(every.value.trim() ? { every: every.value.trim() } : {}) }),
        })
      );
      message.textContent = `Following ${s.url} every ${s.every}; the first poll runs now.`;
      url.value = '';
      await refresh();
    } catch (err) {
      message.textContent = explain(err);
    }
  });

  /**
   * @param {'POST' | 'DELETE'} method
   * @param {string} path
   */
  const act = async (method, path) => {
    try {
      await getJson(path, { method, headers: auth() });
      await refresh();
    } catch (err) {
      message.textContent = explain(err);
    }
  };

  /** @param {Source} s */
  const item = (s) => {
    if (!SOURCE_ID.test(s.id)) {
      return el(
        'li',
        { class: 'job failed' },
        el('p', { class: 'job-url' }, String(s.url)),
        el('p', { class: 'reason' }, 'The server answered with no source id.'),
      );
    }
    const p = s.lastPoll;
    const status = p ? p.status : 'not polled yet';
    return el(
      'li',
      { class: 'job', 'data-id': s.id, 'data-state': p?.status ?? 'queued' },
      el('p', { class: 'job-url' }, s.url, ' ', el('span', { class: 'state' }, status)),
      el('p', { class: 'muted' }, `${s.kind ?? 'kind not known yet'}, every ${s.every}; ${s.enqueuedTotal} URLs enqueued in all`),
      p
        ? el(
            'p',
            {},
            `Last poll ${new Date(p.at).toLocaleString()}: ${p.documents} document(s), ${p.found} URLs found, ${p.fresh} new or changed, ${p.enqueued} enqueued.`,
          )
        : null,
      p?.error ? el('p', { class: 'reason', role: 'alert' }, p.error) : null,
      s.nextPollAt ? el('p', { class: 'muted' }, `Next poll ${new Date(s.nextPollAt).toLocaleString()}`) : null,
      el(
        'p',
        {},
        el('button', { type: 'button', onclick: () => act('POST', `/sources/${s.id}/poll`) }, 'Poll now'),
        ' ',
        el('button', { type: 'button', onclick: () => act('DELETE', `/sources/${s.id}`) }, 'Remove'),
      ),
    );
  };

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      const { sources } = /** @type {SourceList} */ (await getJson('/sources'));
      list.replaceChildren(...(sources.length === 0 ? [el('li', { class: 'muted' }, 'No source is followed yet.')] : sources.map(item)));
    } catch (err) {
      message.textContent = explain(err);
    }
    timer = setTimeout(refresh, REFRESH_MS);
  };

  main.replaceChildren(
    el('h1', {}, 'Sources'),
    el('p', { class: 'muted' }, 'Feeds, sitemaps and sites newsflow polls; the new article URLs they list are added to the pipeline.'),
    form,
    list,
  );
  await refresh();
}
