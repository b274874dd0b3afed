import type { ArticleDocument } from '@newsflow/contracts';
import type { StoredArticle } from '@newsflow/contracts';

/** Fields without which there is nothing to enrich, or no document to rebuild. */
const REQUIRED = ['id', 'url', 'finalUrl', 'fetchedAt', 'text'] as const;

export type ArticleFromDocument = { ok: true; article: StoredArticle } | { ok: false; reason: string };

/**
 * The stored article that extract would have left for this document, made from the document's
 * own fields: the index stage then rebuilds the same document from it (same id, site, date,
 * text…), with only the enrichment new. `sources` (which extractor gave each field) is not in the
 * document and nothing downstream of extract reads it. Documents written by older versions may
 * lack a field: it stays empty, as it was.
 */
export function storedArticleFromDocument(doc: Partial<ArticleDocument>): ArticleFromDocument {
  const missing = REQUIRED.filter((f) => typeof doc[f] !== 'string');
  if (missing.length > 0) return { ok: false, reason: `the document has no ${missing.join(', ')}` };
  return {
    ok: true,
    article: {
      url: doc.url as string,
      finalUrl: doc.finalUrl as string,
      fetchedAt: doc.fetchedAt as string,
      title: doc.title ?? '',
      byline: doc.byline ?? null,
      authors: doc.authors ?? [],
      publishedAt: doc.publishedAt ?? null,
      modifiedAt: doc.modifiedAt ?? null,
      siteName: doc.siteName ?? null,
      lang: doc.lang ?? null,
      langTag: doc.langTag ?? null,
      canonicalUrl: doc.canonicalUrl ?? null,
      image: doc.image ?? null,
      section: doc.section ?? null,
      keywords: doc.keywords ?? [],
      access: doc.access ?? 'free',
      excerpt: doc.excerpt ?? null,
      text: doc.text as string,
      html: doc.html ?? '',
      wordCount: doc.wordCount ?? 0,
      sources: {},
    },
  };
}
