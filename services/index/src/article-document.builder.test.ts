import { describe, expect, it } from 'vitest';
import { quoteLine } from './article-document.builder';

describe('quoteLine', () => {
  it('puts the speaker before the quotation', () => {
    expect(quoteLine({ speaker: 'Wang Yi', text: 'And the relationship is facing all kinds of disruptions' })).toBe(
      'Wang Yi: “And the relationship is facing all kinds of disruptions”',
    );
    expect(quoteLine({ speaker: null, text: 'No comment' })).toBe('unattributed: “No comment”');
  });

  it('cuts long quotations so the line stays well under the keyword limit', () => {
    const line = quoteLine({ speaker: 'A', text: 'word '.repeat(200) });
    expect(line.length).toBeLessThan(320);
    expect(line).toMatch(/…”$/);
  });
});
