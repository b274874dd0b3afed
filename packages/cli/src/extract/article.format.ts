// linkedom's documents are typed with the DOM's types (the CLI has no other use for them).
/// <reference lib="dom" />
import { gfm } from '@joplin/turndown-plugin-gfm';
import type { ExtractedArticle } from '@newsflow/extraction';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

export const FORMATS = ['json', 'text', 'markdown'] as const;
export type ArticleFormat = (typeof FORMATS)[number];

export function isArticleFormat(value: string): value is ArticleFormat {
  return (FORMATS as readonly string[]).includes(value);
}

let turndown: TurndownService | null = null;

/** Built on first use: `--format json` never pays for it. */
function markdownOf(html: string): string {
  if (!turndown) {
    turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
    // Tables of figures are part of the article; GFM pipe tables keep their rows and columns.
    turndown.use(gfm);
  }
  return turndown.turndown(withHeaderRows(html)).trim();
}

/**
 * A GFM table must open with a header row; given a table without one (no <thead>, or a caption
 * before its first row), the GFM plugin writes an empty header above every row. A table's first
 * row is its header in almost every table of figures, so it is made one: moved into a <thead>,
 * its cells made <th>.
 */
function withHeaderRows(html: string): string {
  if (!/<table/i.test(html)) return html;
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  for (const table of Array.from(document.querySelectorAll('table'))) {
    if (table.querySelector('thead')) continue;
    const first = table.querySelector('tr');
    if (!first) continue;
    const head = document.createElement('thead');
    for (const cell of Array.from(first.children)) {
      if (cell.tagName !== 'TD') continue;
      const th = document.createElement('th');
      while (cell.firstChild) th.appendChild(cell.firstChild);
      for (const { name, value } of Array.from(cell.attributes)) th.setAttribute(name, value);
      cell.replaceWith(th);
    }
    head.appendChild(first);
    const caption = table.querySelector('caption');
    if (caption) caption.after(head);
    else table.prepend(head);
  }
  return document.body.innerHTML;
}

function metadataLines(a: ExtractedArticle): string[] {
  const lines: [string, string | null][] = [
    ['By', a.authors.length > 0 ? a.authors.join(', ') : a.byline],
    ['Site', a.siteName],
    ['Published', a.publishedAt],
    ['Modified', a.modifiedAt],
    ['Language', a.langTag ?? a.lang],
    ['URL', a.canonicalUrl],
  ];
  return lines.flatMap(([label, value]) => (value ? [`- ${label}: ${value}`] : []));
}

function jsonLine(file: string, a: ExtractedArticle): string {
  return `${JSON.stringify({
    file,
    title: a.title,
    byline: a.byline,
    authors: a.authors,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    siteName: a.siteName,
    lang: a.lang,
    langTag: a.langTag,
    canonicalUrl: a.canonicalUrl,
    image: a.image,
    section: a.section,
    keywords: a.keywords,
    access: a.access,
    text: a.text,
    html: a.html,
    sources: a.sources,
  })}\n`;
}

/** One article as `extract` prints it: a JSON line, or a readable document ending in a blank line. */
export function formatArticle(file: string, a: ExtractedArticle, format: ArticleFormat): string {
  switch (format) {
    case 'json':
      return jsonLine(file, a);
    case 'text':
      return `${a.title}\n\n${a.text}\n\n`;
    case 'markdown': {
      const meta = metadataLines(a);
      return `# ${a.title}\n\n${meta.length > 0 ? `${meta.join('\n')}\n\n` : ''}${markdownOf(a.html)}\n\n`;
    }
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
