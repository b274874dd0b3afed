// @ts-check
// Small DOM helpers. Everything from the API is put on the page as text (textContent,
// setAttribute), never as markup; the only markup that reaches the page is the article HTML
// after DOMPurify (article-page.js) and the engine's <mark> tags, rebuilt as elements here.

/** @typedef {import('./ui-types').Child} Child */
/** @typedef {import('./ui-types').Attrs} Attrs */

/**
 * el('a', { href: '/x', class: 'y' }, 'text', otherNode)
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * @template {Node & ParentNode} N
 * @param {N} node
 * @param {ReadonlyArray<Child>} children
 * @returns {N}
 */
export function append(node, children) {
  // Typed loosely here: flattening a recursive type to any depth is beyond the checker.
  for (const child of /** @type {unknown[]} */ (children).flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * An engine highlight ("… the <mark>relationship</mark> is …") as nodes: the text between the
 * tags stays text, whatever it contains, and only <mark> becomes an element.
 * @param {string} fragment
 * @returns {DocumentFragment}
 */
export function highlighted(fragment) {
  const out = document.createDocumentFragment();
  const parts = String(fragment).split(/(<mark>|<\/mark>)/);
  /** @type {HTMLElement | null} */
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') {
      mark = document.createElement('mark');
    } else if (part === '</mark>') {
      if (mark) out.append(mark);
      mark = null;
    } else if (part) {
      (mark ?? out).append(document.createTextNode(part));
    }
  }
  if (mark) out.append(mark);
  return out;
}

/**
 * A failed request: `status` is the HTTP status, absent when no answer came (network).
 * @typedef {Error & { status?: number }} HttpError
 */

/**
 * GETs (or, with init, sends) and parses JSON. Answers are trusted to have the API's shape: the
 * caller says which (`@type` cast, types in api-types.d.ts). Throws an HttpError unless 2xx.
 * @param {string} url
 * @param {Omit<RequestInit, 'headers'> & { headers?: Record<string, string> }} [init] headers as a plain
 *   object: they are spread over the default ones
 * @returns {Promise<unknown>}
 */
export async function getJson(url, init) {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  /** @type {{ error?: string } | null} */
  let body;
  try {
    body = await res.json();
  } catch {
    body = { error: `${res.status} ${res.statusText}` };
  }
  if (!res.ok) throw Object.assign(new Error(body?.error ?? `${res.status} ${res.statusText}`), { status: res.status });
  return body;
}

/**
 * What a caught error says: its message and, for a failed request, its HTTP status.
 * @param {unknown} err
 * @returns {HttpError}
 */
export function httpError(err) {
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // A day alone ("2024-03-12", as a page may give it) is that day everywhere, not UTC midnight.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', ...(dayOnly ? { timeZone: 'UTC' } : {}) });
}

/**
 * An article's date as a reader should take it: its publication date, or, for a page that gives
 * none, "updated …" (its modification date) or "fetched …" (when newsflow fetched it).
 * @param {import('./api-types').Dated} a
 * @returns {string}
 */
export function articleDate(a) {
  const day = formatDate(a.date);
  if (!day) return '';
  if (a.dateSource === 'fetched') return `fetched ${day}`;
  if (a.dateSource === 'modified') return `updated ${day}`;
  return day;
}

/**
 * A URL on this site with the given query parameters (empty ones dropped).
 * @param {string} path
 * @param {Record<string, string | number | boolean | null | undefined>} params
 * @returns {string}
 */
export function pageUrl(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * An article id, as packages/contracts makes them (ARTICLE_ID_PATTERN: the first 128 bits of the
 * normalised URL's SHA-256, in lowercase hex). Ids from the address bar are checked against it
 * before they go anywhere near a request path.
 */
export const ARTICLE_ID = /^[0-9a-f]{32}$/;

/**
 * @param {unknown} value
 * @returns {value is string}
 */
export function isArticleId(value) {
  return typeof value === 'string' && ARTICLE_ID.test(value);
}

/** @param {string} id */
export function articleUrl(id) {
  return pageUrl('/ui/article', { id });
}

/**
 * Only http(s) links from articles become links: no javascript:, data: or other schemes.
 * @param {string} url
 * @returns {string | null}
 */
export function safeHref(url) {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * @param {HTMLElement} main
 * @param {unknown} err
 */
export function showError(main, err) {
  main.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, httpError(err).message));
}

/**
 * Previous/next links, or null when everything fits on one page.
 * @param {number} total
 * @param {number} from
 * @param {number} size
 * @param {(from: number) => string} hrefFor
 * @returns {HTMLElement | null}
 */
export function pager(total, from, size, hrefFor) {
  if (total <= size && from === 0) return null;
  const nav = el('nav', { class: 'pager', 'aria-label': 'Pages' });
  const last = Math.min(total, 10_000);
  if (from > 0) nav.append(el('a', { href: hrefFor(Math.max(from - size, 0)), rel: 'prev' }, '← Newer / previous'));
  nav.append(el('span', { class: 'muted' }, `${from + 1}–${Math.min(from + size, total)} of ${total}`));
  if (from + size < last) nav.append(el('a', { href: hrefFor(from + size), rel: 'next' }, 'Next →'));
  return nav;
}
