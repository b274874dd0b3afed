export interface ParsedContentType {
  mimeType: string;
  charset: string | null;
}

const HTML_MIME_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function parseContentType(header: string | null): ParsedContentType | null {
  if (header === null) return null;
  const [type = '', ...params] = header.split(';');
  const mimeType = type.trim().toLowerCase();
  if (mimeType === '') return null;
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(param);
    if (match?.[1]) charset = match[1];
  }
  return { mimeType, charset };
}

export function isHtmlMimeType(mimeType: string): boolean {
  return HTML_MIME_TYPES.has(mimeType);
}

// The opening tags the WHATWG MIME sniffing standard treats as "this is HTML", each followed by
// a space or ">" so that "<pre" or "<bdi" do not count as "<p" / "<b".
const HTML_START = /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p)[\s>]|^<!--/;

/** For responses without a Content-Type: does the start of the body look like an HTML page? */
export function sniffsAsHtml(bytes: Uint8Array): boolean {
  let text = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  text = text
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (HTML_START.test(text)) return true;
  // XHTML served bare usually starts with an XML declaration.
  return text.startsWith('<?xml') && /<html[\s>]/.test(text);
}
