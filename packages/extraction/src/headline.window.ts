/**
 * The short lines right after a page's headline: where bylines, datelines and "Updated …" sit,
 * in any language and markup. Read in document order until the body text starts (long blocks),
 * skipping comments, related lists, navigation and figures, whose dates are other things'.
 */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'FIGURE',
  'FIGCAPTION',
  'NAV',
  'ASIDE',
  'FOOTER',
  'BUTTON',
  'SELECT',
  'IFRAME',
]);
/** Class or id words of containers whose dates belong to something else than the article. */
const ELSEWHERE =
  /(?:^|[-_])(?:comments?|comment-list|replies|related|recommended|recommendations|sidebar|widget|trending|popular|most-read|more-stories|teasers?|promo|newsletter|breadcrumbs?)(?:$|[-_])/i;

function elsewhere(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim();
  if (words && words.split(/\s+/).some((w) => ELSEWHERE.test(w))) return true;
  const type = el.getAttribute('itemtype');
  return !!type && /schema\.org\/(?:Comment|Review|UserComments)/i.test(type);
}

/** An element inside a comment, a related list, navigation…: checked up to eight levels up. */
export function isOutsideArticle(el: Element): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 8 && e.tagName !== 'BODY'; depth++, e = e.parentElement) {
    if (e !== el && elsewhere(e)) return true;
  }
  return false;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The headline: the <h1> that is the title (pages have logo <h1>s too), else an h2/h3/dt that is,
 * else the page's only <h1> however it is worded,
 * else a small element named a title whose whole text is the title (`<p class="titulo">`).
 */
export function headlineElement(doc: Document, title: string | null): Element | null {
  const t = title ? norm(title) : '';
  const fits = (el: Element) => {
    const x = norm(el.textContent ?? '');
    return x.length >= 6 && t.length > 0 && (t.includes(x) || x.includes(t));
  };
  const h1s = Array.from(doc.getElementsByTagName('h1'));
  const h1 = h1s.find(fits);
  if (h1) return h1;
  if (t) {
    for (const tag of ['h2', 'h3', 'dt']) {
      const el = Array.from(doc.getElementsByTagName(tag)).find(fits);
      if (el) return el;
    }
  }
  // One <h1> is the headline however it is worded ("Julian Assange: Sweden drops…" for "Sweden drops…").
  if (h1s.length === 1) return h1s[0]!;
  if (t) {
    // Title, titulo, titolo, titel, titre, tytuł, headline, heading: class names say "title" in many languages.
    const titled = (e: Element) => {
      if (!/tit|head/i.test(e.getAttribute('class') ?? '') || e.childElementCount > 2) return false;
      const x = norm(e.textContent ?? '');
      return x === t || (x.length >= 20 && t.includes(x));
    };
    for (const tag of ['p', 'div', 'td', 'span']) {
      const el = Array.from(doc.getElementsByTagName(tag)).find(titled);
      if (el) return el;
    }
  }
  return h1s[0] ?? null;
}

/** The node after `node` in document order, not entering `node` itself. */
function nextAfter(node: Node): Node | null {
  let n: Node | null = node;
  while (n && !n.nextSibling) n = n.parentNode;
  return n?.nextSibling ?? null;
}

function blockOf(node: Node): Node | null {
  let n = node.parentNode;
  while (n && !(n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName))) n = n.parentNode;
  return n;
}

const SHORT = 200;
const MAX_CHARS = 1500;
const MAX_NODES = 800;

/** The short lines after the headline, joined, up to the body text. Empty without a headline. */
export function textAfter(doc: Document, title: string | null): string {
  const start = headlineElement(doc, title);
  if (!start) return '';
  const lines: string[] = [];
  let line = '';
  let block: Node | null = null;
  let total = 0;
  let long = 0;
  const flush = () => {
    const text = line.trim();
    line = '';
    if (!text) return;
    total += text.length;
    if (text.length > SHORT) long++;
    else lines.push(text);
  };
  let node = nextAfter(start);
  for (let steps = 0; node && steps < MAX_NODES && long < 2 && total < MAX_CHARS; steps++) {
    if (node.nodeType === 1 && elsewhere(node as Element)) {
      node = nextAfter(node);
      continue;
    }
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') {
      flush(); // a line of its own: "<b>05/10/2018</b> - Publicado por …<br>" then the story
      block = null;
    } else if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (text) {
        const b = blockOf(node);
        if (b !== block) {
          flush();
          block = b;
        }
        line += ` ${text}`;
      }
    }
    node = node.firstChild ?? nextAfter(node);
  }
  flush();
  return lines.join(' \n ');
}
