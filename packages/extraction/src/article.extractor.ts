import { Readability } from '@mozilla/readability';
import { filterBlocks } from './block.filter';
import { removeFurniture } from './boilerplate.cleaner';
import { assertReasonableDepth } from './depth.guard';
import { createDocument } from './dom.factory';
import { ExtractionError } from './extraction.error';
import { sanitiseHtml } from './html.sanitizer';
import { languageTag } from './language.tag';
import { readLeadImage } from './lead-image.reader';
import { readMetadata } from './metadata.reader';
import { parseAuthors } from './author.parser';
import { renderBlocks } from './text.renderer';
import type { ExtractedArticle, ExtractOptions } from './article.types';

const DEFAULT_MAX_CHARS = 5_000_000;
/** Below this the page is a teaser, an index or an error page, not an article. */
const MIN_TEXT_CHARS = 250;
const MIN_WORDS = 40;

/** Control characters other than tab, newline, form feed and carriage return: text never has many. */
const CONTROL_RE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

function assertHtml(html: string): void {
  const head = html.slice(0, 2048).trimStart();
  const controls = (head.match(CONTROL_RE) ?? []).length;
  if (
    head.startsWith('%PDF') ||
    head.startsWith('{') ||
    head.startsWith('[') ||
    controls > head.length / 100 ||
    !/<[a-z!]/i.test(html.slice(0, 65536))
  ) {
    throw new ExtractionError(
      'not-html',
      'The page is not HTML (it looks like another kind of document), so no article can be read from it.',
    );
  }
}

/** "Headline | Site" and "Headline - Site": the site name is not part of the title. */
function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s*[|\\-–—:·•]\\s*${escaped}\\s*$`, 'i'), '').trim();
  return stripped || title;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  const dom = options.dom ?? 'jsdom';
  try {
    return extractWith(html, options, dom);
  } catch (err) {
    // linkedom is a lighter, less complete DOM: a page it cannot take (an unexpected TypeError
    // deep in Readability) gets a second try on jsdom rather than failing.
    if (dom === 'linkedom' && !(err instanceof ExtractionError)) return extractWith(html, options, 'jsdom');
    throw err;
  }
}

function extractWith(html: string, options: ExtractOptions, dom: 'jsdom' | 'linkedom'): ExtractedArticle {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (html.length > maxChars) {
    throw new ExtractionError(
      'too-large',
      `The page is ${html.length} characters long, more than the ${maxChars} allowed, so it was not parsed.`,
    );
  }
  assertHtml(html);
  assertReasonableDepth(html);

  const doc = createDocument(html, options.url, dom);
  const meta = readMetadata(doc, options.url);
  const lead = readLeadImage(doc, meta.imageUrl, options.url);
  if (!meta.imageUrl && lead.figureUrl) meta.sources.image = 'heuristic';

  removeFurniture(doc);

  const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element, keepClasses: false }).parse();
  const content = parsed?.content;
  if (!parsed || !content) {
    throw new ExtractionError(
      'no-article',
      'No article was found on the page: it looks like an index, a form or an error page rather than a story.',
    );
  }

  const sources = { ...meta.sources };
  let title = meta.title ? stripSiteName(meta.title, meta.siteName) : null;
  if (!title && parsed.title) {
    title = stripSiteName(parsed.title.trim(), meta.siteName);
    sources.title = 'readability';
  }
  if (!title) {
    title = doc.querySelector('h1')?.textContent?.trim() ?? '';
    if (title) sources.title = 'heuristic';
  }

  const { kept, dropped } = filterBlocks(renderBlocks(content), lead.caption, title, meta.authors);
  for (const block of dropped) {
    if (block.owner !== content && !kept.some((k) => block.owner.contains(k.owner))) block.owner.remove();
  }
  const text = kept.map((b) => b.text).join('\n\n');
  const wordCount = countWords(text);
  if (text.length < MIN_TEXT_CHARS || wordCount < MIN_WORDS) {
    throw new ExtractionError(
      'no-article',
      `No article was found on the page: the readable text is only ${wordCount} words long, too short for a story.`,
    );
  }

  let authors = meta.authors;
  const readabilityByline = parsed.byline?.replace(/\s+/g, ' ').trim() || null;
  if (authors.length === 0 && readabilityByline) {
    authors = parseAuthors([readabilityByline], meta.siteName);
    if (authors.length > 0) sources.authors = 'readability';
  }
  // The cleaned names read better than a raw byline with roles and dates in it.
  const byline = authors.length > 0 ? authors.join(', ') : null;

  let siteName = meta.siteName;
  if (!siteName && parsed.siteName) {
    siteName = parsed.siteName;
    sources.siteName = 'readability';
  }
  if (!siteName) {
    try {
      siteName = new URL(meta.canonicalUrl ?? options.url).hostname.replace(/^www\./, '');
      sources.siteName = 'heuristic';
    } catch {
      siteName = null;
    }
  }

  let lang = meta.lang;
  let langTag = meta.langTag;
  const readabilityLang = meta.lang ? null : languageTag(parsed.lang);
  if (readabilityLang) {
    lang = readabilityLang.lang;
    langTag = readabilityLang.tag;
    sources.lang = 'readability';
  }

  if (!meta.paywalled && !sources.access) sources.access = 'heuristic';

  return {
    title,
    byline,
    authors,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    siteName,
    lang,
    langTag,
    canonicalUrl: meta.canonicalUrl,
    image: lead.url ? { url: lead.url, caption: lead.caption } : null,
    section: meta.section,
    keywords: meta.keywords,
    access: meta.paywalled ? 'paywalled' : 'free',
    excerpt: meta.description ?? parsed.excerpt?.trim() ?? null,
    text,
    html: sanitiseHtml(content.innerHTML),
    wordCount,
    sources,
  };
}
