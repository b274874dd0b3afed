import { describe, expect, it } from 'vitest';
import { enrichText } from './enrich';

describe('enrichText on odd input', () => {
  it('empty and blank text', () => {
    expect(enrichText('')).toEqual({ entities: [], quotes: [] });
    expect(enrichText(' \n\n \t')).toEqual({ entities: [], quotes: [] });
    expect(enrichText(undefined as unknown as string)).toEqual({ entities: [], quotes: [] });
  });

  it('text without quotes has entities but no quotes', () => {
    const out = enrichText('Angela Merkel visited Paris on Monday.');
    expect(out.quotes).toEqual([]);
    expect(out.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Angela Merkel', 'Paris']));
  });

  it('unbalanced quote marks do not swallow the text', () => {
    const out = enrichText('He said “this never ends. And then she left.\n\nAnother paragraph with a stray ” mark and 5" of rain.');
    expect(out.quotes.every((q) => q.text.length < 60)).toBe(true);
  });

  it('non-English text: no throw, nothing much found', () => {
    const out = enrichText('这是一个测试。“你好，”他说。\n\nДобрый день, сказал он. «Привет».');
    expect(out).toEqual({ entities: [], quotes: [] });
    const de = enrichText(
      'Der Bundeskanzler sagte am Montag in Berlin: „Wir werden das schaffen.“ Die Opposition kritisierte die Pläne der Regierung. ' +
        'Nach Angaben des Ministeriums sollen die neuen Regeln im kommenden Jahr in Kraft treten, wenn der Bundestag zustimmt.',
    );
    expect(de.quotes).toEqual([]);
    expect(de.entities.map((e) => e.name)).toEqual(['Berlin', 'Bundestag']);
  });

  it('pathological input: only marks, only capitals, very long words', () => {
    expect(() => enrichText('"'.repeat(5000), { rethrow: true })).not.toThrow();
    expect(() => enrichText('“'.repeat(5000) + '”'.repeat(5000), { rethrow: true })).not.toThrow();
    expect(() => enrichText('A B C D E F G H '.repeat(2000), { rethrow: true })).not.toThrow();
    expect(() => enrichText('x'.repeat(200_000), { rethrow: true })).not.toThrow();
  });

  it('stays roughly linear: 1 MB of news text', () => {
    const para =
      '“We are ready,” Angela Merkel said in Berlin on Monday, according to officials. ' +
      'The European Union and the U.S. disagreed, and Merkel told reporters the talks would go on.';
    const small = Array.from({ length: 50 }, () => para).join('\n\n');
    const big = Array.from({ length: Math.ceil(1_000_000 / para.length) }, () => para).join('\n\n');
    const t0 = performance.now();
    enrichText(small);
    const tSmall = performance.now() - t0;
    const t1 = performance.now();
    const out = enrichText(big, { rethrow: true });
    const tBig = performance.now() - t1;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(out.quotes.length).toBeGreaterThan(1000);
    // ~180x the text: allow generous slack for a shared machine, but not quadratic growth
    expect(tBig).toBeLessThan(Math.max(tSmall, 5) * 180 * 4);
    expect(tBig).toBeLessThan(20_000);
  });
});
