/**
 * What a document is, from its first bytes: servers label feeds text/html, sitemaps
 * application/octet-stream, and pages text/xml, so the Content-Type only breaks a tie.
 */
export function sniffDocument(head: Uint8Array, contentType: string): 'json' | 'html' | 'xml' {
  // Latin-1 maps bytes one-to-one: the ASCII markup at the start is readable in any encoding.
  const start = Buffer.from(head.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart();
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('<?xml')) return 'xml';
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i.test(start)) return 'html';
  if (/json/.test(contentType) && !start.startsWith('<')) return 'json';
  if (/html/.test(contentType) && !/^<(?:rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]/i.test(start)) return 'html';
  return 'xml';
}

/** A charset label Node's TextDecoder knows, else null (utf-7 and the like). */
export function usableCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

/**
 * The encoding of an XML document, by the XML spec's order: byte-order mark, then the
 * transport's charset, then the encoding of the XML declaration, then UTF-8.
 */
export function xmlCharset(head: Uint8Array, headerCharset: string | null): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
    Buffer.from(head.subarray(0, 512)).toString('latin1'),
  )?.[1];
  return usableCharset(headerCharset) ?? usableCharset(declared) ?? 'utf-8';
}
