import { describe, expect, it } from 'vitest';
import { parseContentType, sniffsAsHtml } from './content.type';

describe('parseContentType', () => {
  it('splits type and charset', () => {
    expect(parseContentType('Text/HTML; Charset="Shift_JIS"')).toEqual({ mimeType: 'text/html', charset: 'Shift_JIS' });
    expect(parseContentType('text/html')).toEqual({ mimeType: 'text/html', charset: null });
    expect(parseContentType('')).toBeNull();
    expect(parseContentType(null)).toBeNull();
  });
});

describe('sniffsAsHtml', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  it.each([
    ['\ufeff<!DOCTYPE html><html>', true],
    ['\n  <html lang="en">', true],
    ['<!-- generated --><html>', true],
    ['<p>short</p>', true],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', true],
    ['<pre>not a page start</pre>', false],
    ['%PDF-1.7', false],
    ['{"json": true}', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    const raw = text.startsWith('\ufeff') ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(text.slice(1))]) : bytes(text);
    expect(sniffsAsHtml(raw)).toBe(expected);
  });
});
