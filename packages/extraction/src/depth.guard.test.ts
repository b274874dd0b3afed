import { describe, expect, it } from 'vitest';
import { assertReasonableDepth, MAX_DEPTH } from './depth.guard';

describe('assertReasonableDepth', () => {
  it('refuses a page nested deeper than browsers would build', () => {
    expect(() => assertReasonableDepth('<div>'.repeat(MAX_DEPTH + 1))).toThrow(/more than 5000 levels deep/);
  });
  it('takes real pages, with thousands of unclosed paragraphs, list items and void elements', () => {
    const sloppy = `<html><body><ul>${'<li><p>item<br><img src=x>'.repeat(20_000)}</ul>${'<div>x</div>'.repeat(20_000)}</body></html>`;
    expect(() => assertReasonableDepth(sloppy)).not.toThrow();
  });
});
