import { describe, expect, it } from 'vitest';
import { noCounts, problemLine, problemRecord, resultLine, summaryLine } from './enqueue.report';

const line = { where: 'urls.txt:3', line: 3, text: `https://example.com/${'a'.repeat(100)}` };

describe('enqueue report lines', () => {
  it('a refused line: where, why, and how it starts, in one line', () => {
    const out = problemLine(line, 'refused', 'the URL is 9000 characters long');
    expect(out).toBe(`urls.txt:3: refused: the URL is 9000 characters long ("https://example.com/${'a'.repeat(40)}…")`);
  });

  it('a hostile line cannot put control characters on the terminal', () => {
    const out = problemLine({ where: 'stdin:1', line: 1, text: '\u001b[2J\u0007evil\nline' }, 'refused', 'too long');
    expect(out).not.toMatch(/[\u0000-\u001f]/);
    expect(out).toContain('\\u001b[2J');
    const result = resultLine({ id: 'f'.repeat(32), url: 'a\tb\u001b', outcome: 'queued', invalid: 'bad \u0007' }, false);
    expect(result.split('\t')).toHaveLength(3);
    expect(result).not.toMatch(/[\u0000-\u0008\u000a-\u001f]/);
  });

  it('--json gives the refusal as an object beside the enqueued URLs', () => {
    expect(JSON.parse(problemRecord(line, 'refused', 'too long'))).toEqual({
      where: 'urls.txt:3',
      line: 3,
      outcome: 'refused',
      error: 'too long',
    });
  });

  it('the summary counts refused lines, and failed ones only when there are some', () => {
    expect(summaryLine({ ...noCounts(), queued: 2, invalid: 1, refused: 1 })).toBe(
      'enqueued 2 URL(s), 0 already in progress, 1 invalid (queued to fail with a reason), 1 refused (not enqueued)',
    );
    expect(summaryLine({ ...noCounts(), failed: 2 })).toMatch(/, 2 failed$/);
  });
});
