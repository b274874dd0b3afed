import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ID_PATTERN, articleIdFor, isArticleId } from '@newsflow/contracts';

// The web UI is plain ES modules (no build): its module is loaded as the browser gets it.
const DOM_MODULE: string = '../public/assets/dom.js';
const ui = (await import(DOM_MODULE)) as { ARTICLE_ID: RegExp; isArticleId(value: unknown): boolean };

// Issue 16, item 7: the add page takes `?id=` from the address bar; only what packages/contracts
// makes as an article id may reach a request path.
describe('article ids in the web UI (property-based)', () => {
  it('accepts exactly what packages/contracts accepts as an article id', () => {
    const idLike = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 30, maxLength: 34 }),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.webUrl().map(articleIdFor),
      fc.constantFrom(
        '../search?q=x',
        '..%2Fsearch%3Fq%3Dx',
        `${'a'.repeat(32)}\n`,
        ` ${'a'.repeat(32)}`,
        `${'a'.repeat(32)}/trace`,
        `${'a'.repeat(32)}?x=1`,
      ),
    );
    fc.assert(
      fc.property(idLike, (s) => {
        expect(ui.isArticleId(s)).toBe(isArticleId(s));
      }),
      { numRuns: 300 },
    );
    expect(ui.ARTICLE_ID.source).toBe(ARTICLE_ID_PATTERN.source);
    expect(ui.isArticleId(null)).toBe(false);
  });
});
