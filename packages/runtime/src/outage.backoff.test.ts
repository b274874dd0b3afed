import { describe, expect, it } from 'vitest';
import { createBackoff, createOutagePause } from './outage.backoff';

describe('createBackoff', () => {
  it('doubles with each trouble up to the ceiling, and resets on success', () => {
    const b = createBackoff({ firstMs: 100, maxMs: 1000, random: () => 0.5 });
    expect(b.current()).toBe(0);
    expect([b.trouble(), b.trouble(), b.trouble(), b.trouble(), b.trouble()]).toEqual([100, 200, 400, 800, 1000]);
    b.ok();
    expect(b.current()).toBe(0);
    expect(b.trouble()).toBe(100);
  });
  it('spreads waits by ±25%', () => {
    expect(createBackoff({ firstMs: 1000, maxMs: 1000, random: () => 0 }).trouble()).toBe(750);
    expect(createBackoff({ firstMs: 1000, maxMs: 1000, random: () => 1 }).trouble()).toBe(1250);
  });
});

describe('createOutagePause', () => {
  it('grows once per trouble met after the pause is over, not once per job, and ends on success', () => {
    let t = 0;
    const pause = createOutagePause(createBackoff({ firstMs: 100, maxMs: 1000, random: () => 0.5 }), () => t);
    expect(pause.remainingMs()).toBe(0);
    expect([pause.trouble(), pause.trouble(), pause.trouble()]).toEqual([100, 100, 100]); // three jobs, one outage
    t = 60;
    expect(pause.trouble()).toBe(40);
    t = 100;
    expect(pause.trouble()).toBe(200); // over: the next trouble doubles it
    pause.ok();
    expect(pause.remainingMs()).toBe(0);
    expect(pause.trouble()).toBe(100);
  });
});
