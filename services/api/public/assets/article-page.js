// @ts-check
import DOMPurify from './purify.es.mjs';
import { articleDate, el, formatDate, getJson, isArticleId, pageUrl, safeHref } from './dom.js';

/** @typedef {import('./api-types').ArticleView} ArticleView */
/** @typedef {import('./api-types').Entity} Entity */
/** @typedef {import('./api-types').Quote} Quote */
/** @typedef {import('./api-types').StoryCopy} StoryCopy */

// Article HTML comes from someone else's page: DOMPurify keeps only harmless markup, and the
// page's Content-Security-Policy (script-src 'self') would stop anything that slipped through.
/** @type {import('./purify.es.mjs').Config & { RETURN_DOM_FRAGMENT: true }} */
const PURIFY = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'object',
    'embed',
    'svg',
    'math',
    'link',
    'meta',
    'base',
    'video',
    'audio',
    'source',
    'picture',
  ],
  FORBID_ATTR: ['style', 'srcset', 'id', 'name', 'class', 'target', 'ping'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} query
 */
export async function render(main, query) {
  const id = query.get('id') ?? '';
  if (!isArticleId(id)) throw new Error('This address does not name an article: an article id is 32 lowercase hex characters.');
  const a = /** @type {ArticleView} */ (await getJson(`/articles/${id}`));
  const doc = a.document;
  if (!doc) {
    main.replaceChildren(
      el('p', { class: 'notice' }, `This article is ${a.state}${a.reason ? `: ${a.reason}` : ''}.`),
      el('p', {}, el('a', { href: pageUrl('/ui/enqueue', { id }) }, 'Follow its progress')),
    );
    return;
  }
  document.title = `${doc.title} · newsflow`;

  const body = el('div', { class: 'article-body' });
  body.append(doc.html ? sanitise(doc.html) : paragraphs(doc.text));
  const unmarked = markQuotes(body, doc.quotes ?? []);

  const original = safeHref(doc.url);
  main.replaceChildren(
    el(
      'div',
      { class: 'article-layout' },
      el(
        'article',
        { class: 'article' },
        el('h1', {}, doc.title || doc.url),
        el(
          'p',
          { class: 'meta' },
          [doc.siteName || doc.site, articleDate(doc), doc.byline].filter(Boolean).join(' · '),
          original ? [' · ', el('a', { href: original, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original page')] : null,
        ),
        doc.access === 'paywalled' ? el('p', { class: 'notice' }, 'Paywalled: only the free part of the article was available.') : null,
        body,
      ),
      el(
        'aside',
        { class: 'sidebar' },
        copiesPanel(a.copies ?? []),
        quotesPanel(doc.quotes ?? [], unmarked),
        entitiesPanel(doc.entities ?? []),
      ),
    ),
  );
}

/** @param {string} html */
function sanitise(html) {
  const fragment = DOMPurify.sanitize(html, PURIFY);
  for (const a of fragment.querySelectorAll('a')) {
    const href = safeHref(a.getAttribute('href') ?? '');
    if (href) a.setAttribute('href', href);
    else a.removeAttribute('href');
    a.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  for (const img of fragment.querySelectorAll('img')) {
    const src = safeHref(img.getAttribute('src') ?? '');
    if (src) img.setAttribute('src', src);
    else img.remove();
    img.setAttribute('loading', 'lazy');
    img.setAttribute('referrerpolicy', 'no-referrer');
  }
  return fragment;
}

/** @param {string} text */
function paragraphs(text) {
  const f = document.createDocumentFragment();
  for (const p of String(text ?? '').split(/\n\s*\n/)) if (p.trim()) f.append(el('p', {}, p.trim()));
  return f;
}

/**
 * Marks each quotation where it stands in the text, with its speaker after it. A quotation may
 * run across inline elements (a link, emphasis), so matching is done on the concatenated text
 * of the whole body and each text node in the match is wrapped on its own. Returns the
 * quotations that could not be found.
 * @param {HTMLElement} root
 * @param {Quote[]} quotes
 * @returns {Set<number>} the indexes of those quotations
 */
function markQuotes(root, quotes) {
  /** @type {Set<number>} */
  const missing = new Set();
  quotes.forEach((q, i) => {
    const nodes = textNodes(root);
    const text = nodes.map((n) => n.data).join('');
    const pattern = new RegExp(
      q.text
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’‘]/g, "['’‘]"))
        .join('\\s+'),
    );
    const m = pattern.exec(text);
    if (!m) {
      missing.add(i);
      return;
    }
    wrapRange(nodes, m.index, m.index + m[0].length, q, i);
  });
  return missing;
}

/**
 * The text nodes under root, leaving out the speaker labels already added.
 * @param {Node} root
 * @returns {Text[]}
 */
function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const out = [];
  // SHOW_TEXT: every node the walker gives is a Text.
  for (let n = /** @type {Text | null} */ (walker.nextNode()); n; n = /** @type {Text | null} */ (walker.nextNode())) {
    if (!n.parentElement?.closest('.who')) out.push(n);
  }
  return out;
}

/**
 * @param {Text[]} nodes
 * @param {number} start
 * @param {number} end
 * @param {Quote} quote
 * @param {number} index
 */
function wrapRange(nodes, start, end, quote, index) {
  let offset = 0;
  /** @type {HTMLElement | null} */
  let last = null;
  for (const node of nodes) {
    const nodeStart = offset;
    const nodeEnd = offset + node.data.length;
    offset = nodeEnd;
    if (nodeEnd <= start || nodeStart >= end) continue;
    let target = node;
    if (start > nodeStart) target = target.splitText(start - nodeStart);
    if (end < nodeEnd) target.splitText(end - Math.max(start, nodeStart));
    const mark = el('mark', {
      class: quote.speaker ? 'quote' : 'quote unattributed',
      'data-quote': index,
      'data-speaker': quote.speaker ?? '',
      title: quote.speaker ? `${quote.speaker}${quote.cue ? ` (${quote.cue})` : ''}` : 'Speaker unknown',
    });
    target.replaceWith(mark);
    mark.append(target);
    last = mark;
  }
  // The speaker goes after the closing quotation mark and punctuation, not inside them.
  // Unattributed quotations (often scare quotes) get no label, only a dashed underline.
  if (!last || !quote.speaker) return;
  const badge = el('span', { class: 'who', 'data-quote': index }, quote.speaker);
  const next = last.nextSibling;
  const closing = next instanceof Text && /^[,.;:!?]?["”’'»]+[,.;:!?]?/.exec(next.data);
  if (closing) next.splitText(closing[0].length).before(badge);
  else last.after(badge);
}

/**
 * The other copies of this article's story (other sites, other headlines); nothing when it has none.
 * @param {StoryCopy[]} copies
 */
function copiesPanel(copies) {
  if (copies.length === 0) return null;
  return el(
    'section',
    { class: 'panel copies' },
    el('h2', {}, `Other copies (${copies.length})`),
    el(
      'ul',
      {},
      copies.map((c) =>
        el(
          'li',
          {},
          el('a', { href: pageUrl('/ui/article', { id: c.id }) }, c.title || c.url),
          el('span', { class: 'muted' }, ` · ${[c.siteName || c.site, formatDate(c.date)].filter(Boolean).join(' · ')}`),
        ),
      ),
    ),
  );
}

/**
 * @param {Quote[]} quotes
 * @param {Set<number>} unmarked the indexes of quotations not marked in the text
 */
function quotesPanel(quotes, unmarked) {
  if (quotes.length === 0) return el('section', { class: 'panel' }, el('h2', {}, 'Quotations'), el('p', { class: 'muted' }, 'None found.'));
  return el(
    'section',
    { class: 'panel' },
    el('h2', {}, `Quotations (${quotes.length})`),
    el(
      'ul',
      { class: 'quote-list' },
      quotes.map((q, i) =>
        el(
          'li',
          { class: 'quote-item', 'data-quote': i },
          el('blockquote', {}, q.text),
          el(
            'p',
            { class: 'attribution' },
            '— ',
            q.speaker
              ? el('a', { href: pageUrl('/ui/quotes', { speaker: q.speaker }), class: 'speaker' }, q.speaker)
              : el('span', { class: 'muted' }, 'unknown speaker'),
            q.kind === 'partial' ? el('span', { class: 'muted' }, ' (partial)') : null,
            unmarked.has(i) ? el('span', { class: 'muted', title: 'Not found word for word in the text shown' }, ' *') : null,
          ),
        ),
      ),
    ),
  );
}

/** @param {Entity[]} entities */
function entitiesPanel(entities) {
  /** @type {[type: Entity['type'], label: string, param: string][]} */
  const groups = [
    ['PERSON', 'People', 'person'],
    ['ORGANIZATION', 'Organisations', 'organization'],
    ['LOCATION', 'Places', 'location'],
  ];
  return el(
    'section',
    { class: 'panel entities' },
    el('h2', {}, 'Named in the article'),
    groups.map(([type, label, param]) => {
      const list = entities.filter((e) => e.type === type).sort((a, b) => b.mentionCount - a.mentionCount);
      if (list.length === 0) return null;
      return [
        el('h3', {}, label),
        el(
          'p',
          { class: 'tags' },
          list.map((e) =>
            el(
              'a',
              { class: 'tag', href: pageUrl('/', { [param]: e.name }), title: e.mentions.join(', ') },
              e.name,
              el('span', { class: 'count' }, String(e.mentionCount)),
            ),
          ),
        ),
      ];
    }),
  );
}
