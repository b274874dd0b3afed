import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '@newsflow/contracts';
import { screenUrlLine } from './url-line.screen';

describe('screenUrlLine: can the line become a job?', () => {
  it('takes an article URL, and an invalid one (it is enqueued to fail with its reason)', () => {
    expect(screenUrlLine('https://www.example.com/news/1?utm_source=x')).toEqual({ ok: true });
    expect(screenUrlLine('mailto:someone@example.com')).toEqual({ ok: true });
    expect(screenUrlLine('not a url at all')).toEqual({ ok: true });
  });

  it('refuses a URL longer than a job carries, saying how long it is', () => {
    const r = screenUrlLine(`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(new RegExp(`^the URL is ${MAX_URL_LENGTH + 20} characters long.*${MAX_URL_LENGTH}`));
  });

  it('refuses a URL that only grows past the limit once normalised', () => {
    const line = `https://example.com/${'é'.repeat(2000)}`;
    expect(line.length).toBeLessThan(MAX_URL_LENGTH);
    const r = screenUrlLine(line);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/once normalised/);
  });

  it('refuses invalid text too long to be kept as a failed job', () => {
    expect(screenUrlLine('x'.repeat(MAX_URL_LENGTH + 1)).ok).toBe(false);
  });

  it('takes a long URL that normalising shortens below the limit (tracking parameters go)', () => {
    const line = `https://example.com/story?utm_source=${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(screenUrlLine(line)).toEqual({ ok: true });
  });
});
