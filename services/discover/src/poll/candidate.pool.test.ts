import { describe, expect, it } from 'vitest';
import { createCandidatePool } from './candidate.pool';
import { createPollProblems } from './poll.problems';

describe('createCandidatePool', () => {
  it('keeps the newest `max`, undated ones last, in the order found among equals', () => {
    const pool = createCandidatePool(3);
    const offer = (id: string, changedAt: number | null) => pool.offer(id, { url: `https://e.com/${id}`, changedAt });
    offer('a', null);
    offer('b', 10);
    offer('c', 30);
    offer('d', null);
    offer('e', 20);
    offer('f', 5);
    offer('g', 1);
    expect(pool.take().map((c) => c.id)).toEqual(['c', 'e', 'b']);
  });

  it('one URL listed twice is one candidate, with the later date', () => {
    const pool = createCandidatePool(10);
    pool.offer('a', { url: 'https://e.com/a', changedAt: 5 });
    pool.offer('b', { url: 'https://e.com/b', changedAt: 7 });
    pool.offer('a', { url: 'https://e.com/a', changedAt: 9 });
    pool.offer('b', { url: 'https://e.com/b', changedAt: null });
    expect(pool.take()).toEqual([
      { id: 'a', url: 'https://e.com/a', changedAt: 9 },
      { id: 'b', url: 'https://e.com/b', changedAt: 7 },
    ]);
  });
});

describe('createPollProblems', () => {
  it('says each problem once, skipped links counted per document with examples, and how many more', () => {
    const p = createPollProblems();
    expect(p.text()).toBeNull();
    p.add('https://e.com/a.xml', 'is not well-formed XML (line 3, column 9: Unexpected close tag)');
    p.add('https://e.com/b.xml', 'https://e.com/b.xml answered 404 Not Found');
    for (const link of ['/x', '/y', '/z', '/w']) p.skipped('https://e.com/c.xml', link, 'relative');
    expect(p.text()).toBe(
      'https://e.com/a.xml is not well-formed XML (line 3, column 9: Unexpected close tag); https://e.com/b.xml answered 404 Not Found; ' +
        'https://e.com/c.xml: 4 links skipped (relative: "/x"; relative: "/y"; relative: "/z"; …)',
    );
    p.add('https://e.com/d.xml', 'is empty');
    expect(p.text()).toMatch(/; and 1 more$/);
  });
});
