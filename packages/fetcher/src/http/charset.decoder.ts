import { getBOMEncoding, normalizeEncoding, TextDecoder } from '@exodus/bytes/encoding.js';
import chardet from 'chardet';

export interface DecodedPage {
  charset: string;
  html: string;
}

const PRESCAN_BYTES = 4096;
const DETECT_SAMPLE_BYTES = 64 * 1024;

/**
 * A charset label read as browsers read it, by the WHATWG Encoding Standard's table of labels
 * (from @exodus/bytes, the implementation jsdom uses), as the encoding's lower-case name:
 * latin-1 and ascii are windows-1252, gb2312 is gbk. Null when browsers refuse the label: one
 * the standard does not have (utf-7, whose "+ADw-" spells "<" and slips markup past filters;
 * utf-32…), or one of the "replacement" encoding's (iso-2022-kr, hz-gb-2312…), which exists
 * only so that nothing is decoded with them. The next source of the charset decides then.
 */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = normalizeEncoding(label.trim().replace(/^["']|["']$/g, ''));
  return name === null || name === 'replacement' ? null : name;
}

const META_TAG = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** The charset declared by <meta charset> or <meta http-equiv="content-type"> near the top. */
export function fromMetaPrescan(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes one-to-one, so ASCII markup is readable whatever the real encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
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
    if (charset === null) continue;
    // As the HTML standard's prescan has it: a UTF-16 declaration readable as ASCII is
    // necessarily wrong (read as UTF-8), and x-user-defined in a <meta> means windows-1252.
    if (charset.startsWith('utf-16')) return 'utf-8';
    return charset === 'x-user-defined' ? 'windows-1252' : charset;
  }
  return null;
}

function fromDetection(bytes: Uint8Array): string | null {
  return normaliseCharset(chardet.detect(bytes.subarray(0, DETECT_SAMPLE_BYTES)));
}

/** Single-byte encodings: every byte sequence is valid in them, so a wrong label never shows. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866|windows-874)$/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes above ASCII that all form valid UTF-8 sequences: text in a single-byte encoding almost never does. */
function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the charset, most authoritative first: byte-order mark, then the Content-Type header,
 * then <meta> in the first 4 KiB, then valid UTF-8, then statistical detection, then UTF-8. The BOM comes before
 * the header (as in the HTML standard) because it cannot be accidental, whereas server-wide
 * default charsets in headers often are. One departure from browsers: a declared single-byte
 * charset (latin-1 and its kin) over bytes that are valid UTF-8 with non-ASCII in them is a
 * template's stale label; browsers show such pages as "cafÃ©", we keep the text.
 */
function pickCharset(bytes: Uint8Array, headerCharset: string | null): string {
  const bom = getBOMEncoding(bytes);
  const declared = bom ? null : (normaliseCharset(headerCharset) ?? fromMetaPrescan(bytes));
  if (bom) return bom;
  if (declared) return SINGLE_BYTE.test(declared) && isUtf8WithNonAscii(bytes) ? 'utf-8' : declared;
  // nothing declared: bytes that are valid UTF-8 with non-ASCII in them are UTF-8 (a mostly-ASCII
  // page's few accented letters can lead the statistical guess to windows-1252)
  return isUtf8WithNonAscii(bytes) ? 'utf-8' : (fromDetection(bytes) ?? 'utf-8');
}

/**
 * The page as text, decoded with the charset browsers would pick (see pickCharset).
 * The one decoder for pages, fetched or saved (`newsflow extract` reads files through it).
 */
export function decodeHtml(bytes: Uint8Array, headerCharset: string | null): DecodedPage {
  const charset = pickCharset(bytes, headerCharset);
  // The standard's own decoders, so the page reads exactly as in a browser (a BOM is dropped).
  return { charset, html: new TextDecoder(charset).decode(bytes) };
}

export interface Utf8Page {
  charset: string;
  /**
   * The page's text as UTF-8 bytes, a BOM dropped. Decoded with a WHATWG UTF-8 decoder that keeps
   * a further BOM (`ignoreBOM`), they read as decodeHtml's text: invalid sequences become U+FFFD
   * on either path.
   */
  utf8: Uint8Array;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const utf8Encoder = new TextEncoder();
const utf8Reader = new TextDecoder('utf-8', { ignoreBOM: true });

/** htmlAsUtf8's bytes as text again: decodeHtml's text (a further BOM is text, invalid bytes U+FFFD). */
export function readUtf8Html(utf8: Uint8Array): string {
  return utf8Reader.decode(utf8);
}

/**
 * decodeHtml's charset choice with the text kept as UTF-8 bytes, for a page that is stored, not
 * read: a UTF-8 page (most) is its own bytes, never decoded and encoded again. Decoding and
 * re-encoding cost the fetch stage about 5 ms a page (193 KB on average, on Node 20).
 */
export function htmlAsUtf8(bytes: Uint8Array, headerCharset: string | null): Utf8Page {
  const charset = pickCharset(bytes, headerCharset);
  if (charset !== 'utf-8') return { charset, utf8: utf8Encoder.encode(new TextDecoder(charset).decode(bytes)) };
  const bom = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  return { charset, utf8: bom ? bytes.subarray(3) : bytes };
}
