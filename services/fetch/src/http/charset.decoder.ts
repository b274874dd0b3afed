import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedPage {
  charset: string;
  html: string;
}

// Labels that browsers (WHATWG Encoding standard) treat as a wider encoding than their name
// says: pages labelled latin-1 routinely contain windows-1252 curly quotes, and GB2312/GBK
// pages are decoded with the GB18030 superset.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp1252: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  'csshiftjis': 'shift_jis',
};

const PRESCAN_BYTES = 4096;
const DETECT_SAMPLE_BYTES = 64 * 1024;

/** A charset label we can decode, in canonical lower-case form, or null when unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const name = ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : null;
}

function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const META_TAG = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The charset declared by <meta charset> or <meta http-equiv="content-type"> near the top. */
export function fromMetaPrescan(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes one-to-one, so ASCII markup is readable whatever the real encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  for (const [, attributeText = ''] of head.matchAll(META_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', ...values] of attributeText.matchAll(ATTRIBUTE)) {
      attributes.set(name.toLowerCase(), values.find((v) => v !== undefined) ?? '');
    }
    let label = attributes.get('charset') ?? null;
    if (label === null && attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attributes.get('content') ?? '')?.[1] ?? null;
    }
    const charset = normaliseCharset(label);
    // A UTF-16 declaration readable as ASCII is necessarily wrong; browsers read it as UTF-8.
    if (charset !== null) return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}

function fromDetection(bytes: Uint8Array): string | null {
  return normaliseCharset(chardet.detect(bytes.subarray(0, DETECT_SAMPLE_BYTES)));
}

/**
 * Picks the charset as browsers do, most authoritative first: byte-order mark, then the
 * Content-Type header, then <meta> in the first 4 KiB, then statistical detection, then UTF-8.
 * The BOM comes before the header (as in the HTML standard) because it cannot be accidental,
 * whereas server-wide default charsets in headers often are.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset: string | null): DecodedPage {
  const charset =
    fromBom(bytes) ?? normaliseCharset(headerCharset) ?? fromMetaPrescan(bytes) ?? fromDetection(bytes) ?? 'utf-8';
  return { charset, html: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset) };
}
