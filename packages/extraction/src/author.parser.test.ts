import { describe, expect, it } from 'vitest';
import { parseAuthors } from './author.parser';

describe('parseAuthors', () => {
  it('strips "By", roles and dates and splits on "and" and commas', () => {
    expect(parseAuthors(['By Jane Doe and John Roe, Staff Writers'])).toEqual(['Jane Doe', 'John Roe']);
    expect(parseAuthors(['By Maria Okafor, Senior Reporter'])).toEqual(['Maria Okafor']);
    expect(parseAuthors(['Priya Raman | Valley Courier Staff Writer'])).toEqual(['Priya Raman']);
    expect(parseAuthors(['Sam Lee Updated 3:40pm, Apr 27, 2024'])).toEqual(['Sam Lee']);
    expect(parseAuthors(['Kim Park for The Daily Planet'])).toEqual(['Kim Park']);
  });

  it('drops duplicates, addresses and placeholders', () => {
    expect(parseAuthors(['Jane Doe', 'jane doe', 'https://example.com/jane', 'admin', 'jane@example.com'])).toEqual(['Jane Doe']);
  });

  it('drops labels and the outlet when a person is named', () => {
    expect(parseAuthors(['Analysis by Chris Cillizza, CNN'], 'CNN')).toEqual(['Chris Cillizza']);
    expect(parseAuthors(['Text: Jane Doe'])).toEqual(['Jane Doe']);
    expect(parseAuthors(['Troy L. Smith', 'Cleveland.com'])).toEqual(['Troy L. Smith']);
  });

  it('keeps organisations that are the author', () => {
    expect(parseAuthors(['Reuters'])).toEqual(['Reuters']);
  });
});
