import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './quote-span.finder';

const texts = (t: string): string[] => findQuoteSpans(t).map((s) => t.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('pairs curly double quotes and drops the closing comma', () => {
    expect(texts('“We will win,” she said.')).toEqual(['We will win']);
  });

  it('pairs straight double quotes', () => {
    expect(texts('He said "no deal" and "no way."')).toEqual(['no deal', 'no way.']);
  });

  it('keeps nested single quotes inside the double quote', () => {
    expect(texts('"So you have not fixed the \'Giuliani problem\'?" Schiff asked.')).toEqual([
      "So you have not fixed the 'Giuliani problem'?",
    ]);
  });

  it('takes single quotes as quotes, apostrophes as apostrophes', () => {
    expect(texts('Blinken confronts China over ‘powering’ Russia’s war')).toEqual(['powering']);
    expect(texts("It's the 'worst case' for Russia's economy, the bank's chief said.")).toEqual(['worst case']);
  });

  it('runs a quote that opens a paragraph without closing to the paragraph end', () => {
    const t = '“First part of it.\n\n“Second part,” he said.';
    expect(texts(t)).toEqual(['First part of it.', 'Second part']);
  });

  it('drops an unbalanced mark in the middle of a paragraph', () => {
    expect(texts('The 12" screen is big. Nothing else here.')).toEqual([]);
    expect(texts('She said ‘maybe and left.')).toEqual([]);
  });

  it('closes a double quotation with two single marks (AP style)', () => {
    expect(texts('"The plan failed,\'\' the mayor said. "We start again."')).toEqual(['The plan failed', 'We start again.']);
    expect(texts('“The plan failed,’’ the mayor said.')).toEqual(['The plan failed']);
  });

  it('opens a double quotation with two backquotes (wire copy, TeX)', () => {
    expect(texts("``The plan failed,'' the mayor said. ``We start again.''")).toEqual(['The plan failed', 'We start again.']);
    // a lone backquote opens nothing
    expect(texts('Type `ls` to list.')).toEqual([]);
  });

  it('keeps a double quotation nested in a single one (British style) inside it', () => {
    expect(texts('‘They say it is an “act of God”. Well, God is not paying, is he?’ Darren said.')).toEqual([
      'They say it is an “act of God”. Well, God is not paying, is he?',
    ]);
    // a stray single mark that never closes does not swallow the double quotations after it
    expect(texts('Back in the \'90s she said "never again" and meant it.')).toEqual(['never again']);
  });

  it('runs an unclosed single quotation on when the next paragraph opens with a single mark', () => {
    const t = 'Brian said: ‘We have had cracks since spring. Nobody wanted to know.\n\n‘Now there is a hole.’';
    expect(texts(t)).toEqual(['We have had cracks since spring. Nobody wanted to know.', 'Now there is a hole.']);
    // and not otherwise
    expect(texts('It was a ‘bold move by then.\n\nNext paragraph.')).toEqual([]);
  });
});
