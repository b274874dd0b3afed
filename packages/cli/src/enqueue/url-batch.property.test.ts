import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '@newsflow/contracts';
import { readUrlLines } from './url.lines';
import { screenUrlLine } from './url-line.screen';

// The CLI's file and stdin batches, on random and hostile lines: every line that holds a URL is
// read with its own line number, screening never throws, and each line is either taken or refused
// with a reason — none lost. (test/e2e/cli-enqueue-batch.e2e.test.ts runs such batches through the
// real command and Redis: no marker without its job.)
const goodUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });
const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('mailto:a@b.c', 'javascript:alert(1)', 'http://', '\u0000', '\u202Ehttps://x.test', '# a comment'),
  fc.integer({ min: MAX_URL_LENGTH - 50, max: MAX_URL_LENGTH + 50 }).map((n) => `https://example.com/${'a'.repeat(n)}`),
  fc.integer({ min: 1000, max: 5000 }).map((n) => `https://example.com/${'é'.repeat(n)}`),
);
const line = fc.oneof({ weight: 2, arbitrary: goodUrl }, { weight: 1, arbitrary: hostile });

describe('a batch of URL lines, whatever they hold', () => {
  it('keeps every non-blank, non-comment line, numbered as an editor numbers it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (lines) => {
        // (a line break inside a generated string starts another line, as it would in a file)
        const text = lines.join('\n');
        const read = await readUrlLines(Readable.from([text]), 'urls.txt');
        const expected = text.split(/\r\n|\n|\r/).flatMap((raw, i) => {
          const t = raw.trim();
          return t && !t.startsWith('#') ? [{ where: `urls.txt:${i + 1}`, line: i + 1, text: t }] : [];
        });
        expect(read).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('takes or refuses each line with a reason, never throws, never loses one', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const screened = lines.map((l) => screenUrlLine(l.trim() || 'x'));
        expect(screened).toHaveLength(lines.length);
        for (const [i, s] of screened.entries()) {
          if (!s.ok) expect(s.reason).toMatch(/characters long/);
          // a web URL well under the limit once percent-encoded is always taken
          const plain = /^https?:\/\//.test(lines[i]!) && !/[\u0000-\u001f\u007f-\u009f\s]/.test(lines[i]!);
          if (plain && encodeURI(lines[i]!).length < MAX_URL_LENGTH - 100) expect(s.ok).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
