import { describe, expect, it } from 'vitest';
import { createDocument } from './dom.factory';
import type { DomChoice } from './dom.factory';

const page = `<!doctype html><html><head>
<style>.x{width:calc(100% - }</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>
<script>document.title = 'SCRIPT-RAN'; document.body && document.body.setAttribute('data-ran', '1');</script>
<title>T</title><link rel="stylesheet" href="https://cdn.example/style.css"></head>
<body onload="document.title='SCRIPT-RAN'"><p><a href="/rel">link</a></p><img src="https://cdn.example/x.png"></body></html>`;

describe.each<DomChoice>(['jsdom', 'linkedom'])('createDocument with %s', (dom) => {
  it('parses a page whose stylesheet jsdom cannot parse, without running its scripts', () => {
    const doc = createDocument(page, 'https://news.example/a/b', dom);
    expect(doc.title).toBe('T');
    expect(doc.body.getAttribute('data-ran')).toBeNull();
    expect(doc.getElementsByTagName('style')).toHaveLength(0);
  });

  it('keeps JSON-LD and gives the document the page address', () => {
    const doc = createDocument(page, 'https://news.example/a/b', dom);
    const ld = Array.from(doc.getElementsByTagName('script')).map((s) => s.getAttribute('type'));
    expect(ld).toEqual(['application/ld+json']);
    expect(doc.baseURI).toBe('https://news.example/a/b');
  });
});

describe.each<DomChoice>(['jsdom', 'linkedom'])('inert markup on %s', (dom) => {
  it('removes scripts, styles, svg, menus and comments but keeps JSON-LD', () => {
    const doc = createDocument(
      '<html><body><!-- c --><script>x()</script><script type="application/ld+json">{}</script><style>a{}</style><svg><path/></svg><nav><a href="/">Home</a></nav><p>t</p></body></html>',
      'https://e.com/',
      dom,
    );
    expect(doc.body.innerHTML.trim()).toBe('<script type="application/ld+json">{}</script><p>t</p>');
  });

  it('is not fooled by markup inside attribute values', () => {
    const html =
      '<html><head><meta name="author" content="A <svg onload=x()>"><meta name="d" content="<script>"></head><body><p>first</p><svg><circle/></svg><p>second</p></body></html>';
    const doc = createDocument(html, 'https://e.com/', dom);
    expect(Array.from(doc.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['first', 'second']);
    expect(doc.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('A <svg onload=x()>');
  });
});
