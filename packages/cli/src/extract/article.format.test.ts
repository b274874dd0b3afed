import { extractArticle } from '@newsflow/extraction';
import { describe, expect, it } from 'vitest';
import { formatArticle, isArticleFormat } from './article.format';

const page = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour wall to be rebuilt | The Coast Times</title>
<meta property="og:site_name" content="The Coast Times">
<meta property="article:published_time" content="2024-03-12T14:30:00Z">
<meta name="author" content="Jane Doe"></head><body><article>
<h1>Harbour wall to be rebuilt</h1>
<p>The council voted on Thursday to rebuild the harbour wall, after two winters of storm damage left parts of it unsafe for walkers and boats.</p>
<h2>What happens next</h2>
<p>Work starts in spring, the <a href="https://council.example/plan">published plan</a> says, and will take three stages:</p>
<ul><li>closing the east pier to the public;</li><li>replacing the damaged stone blocks;</li><li>reopening the promenade in autumn.</li></ul>
<blockquote><p>We have waited a long time for this, and the town will be safer for it.</p></blockquote>
<table><caption>Cost by stage</caption><tr><th>Stage</th><th>Cost</th></tr><tr><td>East pier</td><td>£1.2m</td></tr><tr><td>Blocks</td><td>£3.4m</td></tr></table>
<p>Residents welcomed the decision but asked the council to keep the beach open during the summer holidays.</p>
</article></body></html>`;

const article = extractArticle(page, { url: 'https://coast.example/news/harbour', dom: 'linkedom' });

describe('formatArticle', () => {
  it('json: one line with the documented fields', () => {
    const line = formatArticle('a.html', article, 'json');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ file: 'a.html', title: 'Harbour wall to be rebuilt', text: article.text, html: article.html });
  });

  it('text: the title, then the clean paragraphs', () => {
    expect(formatArticle('a.html', article, 'text')).toBe(`Harbour wall to be rebuilt\n\n${article.text}\n\n`);
  });

  it('markdown: the title, metadata lines, then the article with its headings, lists, quotes, links and table', () => {
    const md = formatArticle('a.html', article, 'markdown');
    expect(
      md.startsWith('# Harbour wall to be rebuilt\n\n- By: Jane Doe\n- Site: The Coast Times\n- Published: 2024-03-12T14:30:00Z\n'),
    ).toBe(true);
    expect(md).toMatch(/^## What happens next$/m);
    expect(md).toContain('[published plan](https://council.example/plan)');
    expect(md).toMatch(/^- {1,3}closing the east pier to the public;$/m);
    expect(md).toMatch(/^> We have waited a long time for this/m);
    // the caption above the table, and its first row the header: no empty header row
    expect(md).toMatch(/^Cost by stage\n\n\| Stage \| Cost \|\n\| --- \| --- \|$/m);
    expect(md).not.toMatch(/^\|\s+\|\s+\|$/m);
    expect(md).toMatch(/^\| East pier \| £1\.2m \|$/m);
    expect(md).not.toMatch(/<[a-z]/i);
  });

  it('markdown: a table without a header row gets its first row as header, its cells and attributes kept', () => {
    const html =
      '<p>Scores:</p><table><tbody><tr><td>Team</td><td colspan="1">Points</td></tr><tr><td>North</td><td>12</td></tr></tbody></table>';
    const md = formatArticle('t.html', { ...article, html }, 'markdown');
    expect(md).toMatch(/^\| Team \| Points \|\n\| --- \| --- \|\n\| North \| 12 +\|$/m);
    expect(md).not.toMatch(/^\|\s+\|\s+\|$/m);
  });

  it('knows its formats', () => {
    expect(['json', 'text', 'markdown'].every(isArticleFormat)).toBe(true);
    expect(isArticleFormat('yaml')).toBe(false);
  });
});
