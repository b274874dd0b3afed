import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, fromMetaPrescan, normaliseCharset } from './charset.decoder';

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

  it('defaults to UTF-8 for plain ASCII', () => {
    expect(decodeHtml(ascii('<p>hello</p>'), null).html).toBe('<p>hello</p>');
  });
});

describe('fromMetaPrescan', () => {
  it('ignores <meta> inside comments', () => {
    expect(fromMetaPrescan(ascii('<!-- <meta charset="gbk"> --><meta charset=windows-1252>'))).toBe('windows-1252');
  });

  it('reads http-equiv with single quotes and odd case', () => {
    expect(fromMetaPrescan(ascii(`<META HTTP-EQUIV='content-type' CONTENT='text/html; Charset=GB2312'>`))).toBe('gb18030');
  });

  it('turns a readable UTF-16 declaration into UTF-8', () => {
    expect(fromMetaPrescan(ascii('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('only looks at the first 4 KiB', () => {
    expect(fromMetaPrescan(ascii(`${' '.repeat(5000)}<meta charset="shift_jis">`))).toBeNull();
  });
});

describe('normaliseCharset', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['"utf-8"', 'utf-8'],
    ['x-sjis', 'shift_jis'],
    ['GBK', 'gb18030'],
    ['nonsense', null],
    [null, null],
  ])('%s → %s', (label, expected) => {
    expect(normaliseCharset(label)).toBe(expected);
  });
});
