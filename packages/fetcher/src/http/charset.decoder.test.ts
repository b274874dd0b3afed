import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHtml, fromMetaPrescan, htmlAsUtf8, normaliseCharset, readUtf8Html } from './charset.decoder';

const ascii = (text: string) => Buffer.from(text, 'latin1');

describe('decodeHtml', () => {
  it('lets a byte-order mark win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>café</p>', 'utf8')]);
    expect(decodeHtml(bytes, 'iso-8859-1')).toEqual({ charset: 'utf-8', html: '<p>café</p>' });
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<p>日本</p>', 'utf-16le')]);
    expect(decodeHtml(bytes, null)).toEqual({ charset: 'utf-16le', html: '<p>日本</p>' });
  });

  it('reads latin-1 labels as windows-1252, as browsers do', () => {
    expect(decodeHtml(Buffer.from([0x93, 0x80, 0x94]), 'ISO-8859-1')).toEqual({ charset: 'windows-1252', html: '“€”' });
  });

  it('falls through an unknown header label to <meta>', () => {
    const bytes = iconv.encode('<meta charset="shift_jis"><p>東京</p>', 'shift_jis');
    expect(decodeHtml(bytes, 'x-made-up')).toEqual({ charset: 'shift_jis', html: '<meta charset="shift_jis"><p>東京</p>' });
  });

  it('does not honour charset=utf-7 from the header: the page reads as a browser shows it', () => {
    const utf7 = ascii('<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>');
    const page = decodeHtml(utf7, 'utf-7');
    expect(page.charset).not.toBe('utf-7');
    expect(page.html).toBe('<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>');
    expect(page.html).not.toContain('<script>');
  });

  it('falls through a refused header label to <meta>, then to detection', () => {
    const bytes = iconv.encode('<meta charset="windows-1251"><p>Привет, мир</p>', 'windows-1251');
    expect(decodeHtml(bytes, 'iso-2022-kr')).toEqual({ charset: 'windows-1251', html: '<meta charset="windows-1251"><p>Привет, мир</p>' });
    const text = 'Le café « crème » coûte 3 € — déjà vu, naïve façade. Où est la bibliothèque ? Très élégant. '.repeat(5);
    const latin = decodeHtml(iconv.encode(`<p>${text}</p>`, 'windows-1252'), 'utf-7');
    expect(latin.charset).toMatch(/^windows-125[02]$|^iso-8859-/);
    expect(latin.html).toContain('café « crème »');
  });

  it('decodes every encoding of the standard the header names, such as iso-8859-16', () => {
    expect(decodeHtml(Buffer.from([0xa1, 0xaa, 0xbd]), 'ISO-8859-16')).toEqual({ charset: 'iso-8859-16', html: 'ĄȘœ' });
  });

  it('defaults to UTF-8 for plain ASCII', () => {
    expect(decodeHtml(ascii('<p>hello</p>'), null).html).toBe('<p>hello</p>');
  });
});

describe('decodeHtml on pages in the languages we extract', () => {
  const page = (charset: string | null, body: string) =>
    `<html><head>${charset ? `<meta charset="${charset}">` : ''}<title>t</title></head><body><p>${body}</p></body></html>`;

  it('reads windows-1252 by its <meta>: curly quotes, the euro, the dash', () => {
    const html = page('windows-1252', '„Wir schaffen das“ – sagte sie; 12 € für Café und Crème.');
    expect(decodeHtml(iconv.encode(html, 'windows-1252'), null)).toEqual({ charset: 'windows-1252', html });
  });

  it('reads Polish in iso-8859-2 by its <meta http-equiv>', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>Zażółć gęślą jaźń. Łódź, Świętokrzyskie.</p>`;
    expect(decodeHtml(iconv.encode(html, 'iso-8859-2'), null)).toEqual({ charset: 'iso-8859-2', html });
  });

  it('detects Shift_JIS with no label at all', () => {
    const body = '東京都は月曜日、新しい交通計画を発表した。市民の意見を聞き、来年から実施する予定だという。'.repeat(4);
    const decoded = decodeHtml(iconv.encode(page(null, body), 'shift_jis'), null);
    expect(decoded.charset).toBe('shift_jis');
    expect(decoded.html).toContain(body);
  });

  it('drops a UTF-8 byte-order mark and ignores a <meta> that says otherwise', () => {
    const html = page('iso-8859-1', 'Gdańsk – “quoted”');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
    expect(decodeHtml(bytes, null)).toEqual({ charset: 'utf-8', html });
  });

  it('reads UTF-8 whose <meta> says latin-1 as UTF-8, not as "cafÃ©"', () => {
    const html = page('iso-8859-1', 'Le café coûte 3 € à Łódź.');
    expect(decodeHtml(Buffer.from(html, 'utf8'), null)).toEqual({ charset: 'utf-8', html });
  });

  it('reads UTF-8 served with a default latin-1 header as UTF-8', () => {
    const html = page(null, 'Straße, Grüße, señor');
    expect(decodeHtml(Buffer.from(html, 'utf8'), 'ISO-8859-1')).toEqual({ charset: 'utf-8', html });
  });

  it('reads an unlabelled, mostly-ASCII page with a few UTF-8 letters as UTF-8, not as the statistical guess', () => {
    // (its first 64 KiB, all the detector samples, are plain ASCII: the detector alone said windows-1252)
    const html = page(null, `${'The quick brown fox jumps over the lazy dog. '.repeat(1600)}A café — and Zoë.`);
    expect(decodeHtml(Buffer.from(html, 'utf8'), null)).toEqual({ charset: 'utf-8', html });
  });

  it('keeps a true latin-1 label when the bytes are not UTF-8', () => {
    const html = page('iso-8859-1', 'Le café coûte 3 francs à Genève.');
    expect(decodeHtml(iconv.encode(html, 'latin1'), null)).toEqual({ charset: 'windows-1252', html });
  });

  it('keeps a multi-byte label over bytes that are also valid UTF-8 (no guessing there)', () => {
    const html = page('euc-kr', 'plain ascii');
    expect(decodeHtml(Buffer.from(html, 'utf8'), null).charset).toBe('euc-kr');
  });
});

describe('fromMetaPrescan', () => {
  it('ignores <meta> inside comments', () => {
    expect(fromMetaPrescan(ascii('<!-- <meta charset="gbk"> --><meta charset=windows-1252>'))).toBe('windows-1252');
  });

  it('reads http-equiv with single quotes and odd case', () => {
    // gb2312 is a label of GBK in the standard (decoded by the GB18030 decoder, as browsers do).
    expect(fromMetaPrescan(ascii(`<META HTTP-EQUIV='content-type' CONTENT='text/html; Charset=GB2312'>`))).toBe('gbk');
  });

  it('turns a readable UTF-16 declaration into UTF-8', () => {
    expect(fromMetaPrescan(ascii('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('reads x-user-defined in a <meta> as windows-1252, and passes over refused labels', () => {
    expect(fromMetaPrescan(ascii('<meta charset="x-user-defined">'))).toBe('windows-1252');
    expect(fromMetaPrescan(ascii('<meta charset="utf-7"><meta charset="koi8-r">'))).toBe('koi8-r');
  });

  it('only looks at the first 4 KiB', () => {
    expect(fromMetaPrescan(ascii(`${' '.repeat(5000)}<meta charset="shift_jis">`))).toBeNull();
  });
});

describe('normaliseCharset: the labels of the WHATWG Encoding Standard, nothing else', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['"utf-8"', 'utf-8'],
    [' Latin1 ', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['x-sjis', 'shift_jis'],
    ['GBK', 'gbk'],
    ['gb18030', 'gb18030'],
    ['iso-8859-16', 'iso-8859-16'],
    ['x-mac-cyrillic', 'x-mac-cyrillic'],
    ['iso-2022-jp', 'iso-2022-jp'],
    // labels browsers refuse, though a decoder library may know them
    ['utf-7', null],
    ['UTF-7', null],
    ['unicode-1-1-utf-7', null],
    ['utf-32', null],
    ['cp437', null],
    ['iso8859_1', null],
    // the "replacement" encoding's labels: never decoded with
    ['iso-2022-kr', null],
    ['hz-gb-2312', null],
    ['replacement', null],
    ['nonsense', null],
    [null, null],
  ])('%s → %s', (label, expected) => {
    expect(normaliseCharset(label)).toBe(expected);
  });
});

describe('htmlAsUtf8: the text decodeHtml reads, kept as UTF-8 bytes', () => {
  // The blob store's reader (readRawText in the contracts package) decodes them the same way.
  const read = readUtf8Html;

  it('hands back a UTF-8 page as its own bytes, not a copy, its byte-order mark dropped', () => {
    const body = Buffer.from('<p>“café”</p>', 'utf8');
    expect(htmlAsUtf8(body, 'utf-8').utf8).toBe(body);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    const page = htmlAsUtf8(withBom, 'iso-8859-1');
    expect(page.charset).toBe('utf-8');
    expect(Buffer.from(page.utf8).equals(body)).toBe(true);
  });

  it('encodes a page of another charset as UTF-8 after decoding it as decodeHtml does', () => {
    const bytes = iconv.encode('<meta charset="windows-1251"><p>Привет</p>', 'windows-1251');
    const page = htmlAsUtf8(bytes, null);
    expect(page.charset).toBe('windows-1251');
    expect(read(page.utf8)).toBe(decodeHtml(bytes, null).html);
  });

  it('reads back exactly as decodeHtml reads, whatever the bytes (invalid UTF-8, stray and double BOMs, UTF-16)', () => {
    const pieces = fc.oneof(
      fc.constantFrom(
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xc3],
        [0xe2, 0x80],
        [0xf0, 0x9f, 0x98, 0x80],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        [0x80],
        [0x00],
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => [...Buffer.from(s, 'utf8')]),
      fc.string({ maxLength: 8 }).map((s) => [...Buffer.from(s, 'latin1')]),
    );
    const bodies = fc.array(pieces, { maxLength: 12 }).map((parts) => Uint8Array.from(parts.flat()));
    const charsets = fc.constantFrom(null, 'utf-8', 'iso-8859-1', 'windows-1252', 'utf-16le', 'shift_jis');
    fc.assert(
      fc.property(bodies, charsets, (bytes, charset) => {
        const decoded = decodeHtml(bytes, charset);
        const kept = htmlAsUtf8(bytes, charset);
        expect(kept.charset).toBe(decoded.charset);
        expect(read(kept.utf8)).toBe(decoded.html);
      }),
      { numRuns: 2000 },
    );
  });
});
