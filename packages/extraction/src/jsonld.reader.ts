/** A JSON-LD node as found on pages: loosely typed, read defensively. */
export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPE_RE =
  /(Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|ReviewNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Posting)$/;

function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function isObject(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, out: JsonLdNode[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (Array.isArray(value['@graph'])) flatten(value['@graph'], out, depth + 1);
    // Some sites nest the article under WebPage.mainEntity.
    if (isObject(value['mainEntity'])) flatten(value['mainEntity'], out, depth + 1);
  }
}

/** Sites often emit raw newlines and tabs inside JSON strings; browsers' readers tolerate it. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

export interface JsonLdData {
  article: JsonLdNode | null;
  /** The node describing the page itself (WebPage and kin): its dates when no article node has them. */
  page: JsonLdNode | null;
  nodes: JsonLdNode[];
  /** Scripts that are not JSON even leniently (an unescaped quote): only their dates are read, by pattern. */
  unparsed: string[];
}

const PAGE_TYPE_RE = /^(WebPage|ItemPage|AboutPage|CollectionPage|MediaObject|VideoObject|CreativeWork)$/;

export function readJsonLd(doc: Document): JsonLdData {
  const nodes: JsonLdNode[] = [];
  const unparsed: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent?.trim();
    if (!text) continue;
    const parsed = parseLenient(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    if (parsed === undefined) unparsed.push(text);
    else flatten(parsed, nodes);
  }
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE_RE.test(t)));
  // Prefer the node that carries the most article fields: pages list related articles too.
  const score = (n: JsonLdNode) => ['headline', 'datePublished', 'author', 'articleBody', 'publisher'].filter((k) => k in n).length;
  articles.sort((a, b) => score(b) - score(a));
  const page = nodes.find((n) => typesOf(n).some((t) => PAGE_TYPE_RE.test(t)) && 'datePublished' in n) ?? null;
  return { article: articles[0] ?? null, page, nodes, unparsed };
}

export function ldString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return ldString(value[0]);
  if (isObject(value)) return ldString(value['name'] ?? value['@value'] ?? value['url'] ?? value['@id']);
  return null;
}

export function ldStrings(value: unknown): string[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.flatMap(ldStrings);
  if (typeof value === 'string') return [value];
  const s = ldString(value);
  return s ? [s] : [];
}

export function ldObject(value: unknown): JsonLdNode | null {
  if (Array.isArray(value)) return ldObject(value[0]);
  return isObject(value) ? value : null;
}

export function ldImageUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return ldImageUrl(value[0]);
  if (isObject(value)) return ldString(value['url'] ?? value['contentUrl'] ?? value['@id']);
  return null;
}

/** isAccessibleForFree may be a boolean or the strings "False"/"false". */
export function ldIsFree(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'false') return false;
    if (v === 'true') return true;
  }
  return null;
}
