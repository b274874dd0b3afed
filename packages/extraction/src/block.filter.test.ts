import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { filterBlocks, isDateOnly } from './block.filter';
import { renderBlocks } from './text.renderer';

function keptText(html: string, caption: string | null = null, authors: string[] = []): string[] {
  const { document } = parseHTML(`<html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as Element;
  return filterBlocks(renderBlocks(root), caption, null, authors).kept.map((b) => b.text);
}

const body = '<p>The council voted on Thursday to rebuild the pier, after two months of argument about the cost.</p>';

describe('filterBlocks', () => {
  it('drops captions (with or without credit), credits and repeated blocks', () => {
    const caption = 'The pier at low tide.';
    expect(
      keptText(`<p>The pier at low tide.</p><p>The pier at low tide. Photo: Getty</p>${body}<p>Image: AAP</p>${body}`, caption),
    ).toEqual(['The council voted on Thursday to rebuild the pier, after two months of argument about the cost.']);
  });

  it('drops subscription, copyright, share and cookie lines', () => {
    const lines = [
      '<p>Stay informed, daily</p>',
      '<p>Sign up for our newsletter and get the news in your inbox every morning.</p>',
      '<p>Copyright © 2024 The Paper. All rights reserved.</p>',
      '<p>Share this article</p>',
      '<p>We use cookies to improve your experience. By continuing you accept our privacy policy.</p>',
      '<p>Advertisement</p>',
    ];
    expect(keptText(lines.join('') + body)).toHaveLength(1);
  });

  it('drops a related heading and the teaser list under it, and link-only lines', () => {
    const html = `${body}<h3>Related articles</h3><ul><li><a href="/a">Bridge closure extended</a></li><li><a href="/b">New bus route</a></li></ul><p><a href="/c">Another story entirely</a></p>`;
    expect(keptText(html)).toHaveLength(1);
  });

  it('keeps real paragraphs that mention the same words', () => {
    const p =
      '<p>Subscribers to the water scheme said the council had not read more than one report before voting on the new cookie factory.</p>';
    expect(keptText(p + body)).toHaveLength(2);
  });

  it('drops bylines and datelines at the top only', () => {
    expect(keptText(`<p>By Jane Doe</p><p>Sept. 2, 2024</p>${body}`, null, ['Jane Doe'])).toHaveLength(1);
  });
});

describe('isDateOnly', () => {
  it('recognises lines that are only a date', () => {
    expect(isDateOnly('November 20')).toBe(true);
    expect(isDateOnly('Updated: 3:40pm, Apr 27, 2024')).toBe(true);
    expect(isDateOnly('Sales rose 20 per cent in May')).toBe(false);
    expect(isDateOnly('2019')).toBe(false);
    expect(isDateOnly('3-2')).toBe(false);
  });
});
