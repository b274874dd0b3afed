import { describe, expect, it } from 'vitest';
import { growth } from './memory';

describe('chaos memory growth', () => {
  it('is zero for a flat series and reports the slope of a rising one', () => {
    expect(growth(Array.from({ length: 10 }, (_, i) => ({ atS: i * 10, v: 100 })))).toMatchObject({ growthPct: 0, slopePerMin: 0 });
    const rising = growth(Array.from({ length: 10 }, (_, i) => ({ atS: i * 60, v: 100 + i * 10 })));
    expect(rising.slopePerMin).toBe(10);
    // first fifth: 100, 110 → 105; last fifth: 180, 190 → 185
    expect(rising.growthPct).toBeCloseTo(76.2, 1);
  });

  it('says nothing on fewer than two samples', () => {
    expect(growth([{ atS: 0, v: 1 }]).growthPct).toBeNull();
  });
});
