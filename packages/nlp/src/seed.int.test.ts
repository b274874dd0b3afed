import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from './testing/real-engine';
import type { Enrichment } from './types';
import type { GoldArticle } from './scoring/gold-matcher';
import { fold, overlapOk, scoreArticle, speakerMatches } from './scoring/gold-matcher';

// The project's first acceptance case (test/fixtures/seed, a copy of shared/seeds).
const dir = fileURLToPath(new URL('../../../test/fixtures/seed/', import.meta.url));
const gold = JSON.parse(readFileSync(`${dir}seed-gold.json`, 'utf8')) as GoldArticle & { article: { caption: string } };
const raw = readFileSync(`${dir}seed-article.txt`, 'utf8');

/** What the pipeline hands to enrich: title and body paragraphs, without caption, credit and footer. */
function articleText(): string {
  const body = raw.slice(0, raw.indexOf('Stay informed, daily'));
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith(gold.article.caption))
    .join('\n\n');
}

// The rules run on top of the model's names and sentences: the real CoreNLP server.
const engine = createRealEngine();

describe('seed article', () => {
  const text = articleText();
  let out: Enrichment;
  beforeAll(async () => {
    await requireReady(engine);
    out = await enrichWithModel(engine, text);
  });

  it('cleans the fixture as the pipeline would', () => {
    expect(text.startsWith('Blinken confronts China')).toBe(true);
    expect(text).not.toContain('Photo: Getty');
    expect(text.trim().endsWith('in the coming weeks, he said.')).toBe(true);
  });

  for (const g of (gold.entities ?? []).filter((e) => !e.optional)) {
    it(`finds ${g.type} ${g.name}`, () => {
      const forms = new Set([g.name, ...(g.mentions ?? [])].map(fold));
      const hit = out.entities.find(
        (e) => e.type === g.type && (fold(e.name) === fold(g.name) || e.mentions.some((m) => forms.has(fold(m.text)))),
      );
      expect(hit, `${g.name} not found`).toBeDefined();
      expect(fold(hit!.name)).toBe(fold(g.name));
    });
  }

  for (const g of (gold.quotes ?? []).filter((q) => !q.optional)) {
    it(`attributes ${g.id} to ${g.speaker}`, () => {
      const hit = out.quotes.find((q) => overlapOk(g.text, q.text));
      expect(hit, `quote not found: ${g.text}`).toBeDefined();
      expect(speakerMatches(gold, g, hit!.speaker), `speaker ${hit!.speaker}`).toBe(true);
    });
  }

  it('gives no scare quote a speaker', () => {
    for (const nq of gold.not_quotes ?? []) {
      for (const q of out.quotes.filter((q) => overlapOk(nq.text, q.text))) expect(q.speaker, nq.text).toBeNull();
    }
  });

  it('finds every required item under the scorer rules, with no extra person', () => {
    const s = scoreArticle(gold, out);
    expect(s.misses.entities).toEqual([]);
    expect(s.quotes.fn).toBe(0);
    expect(s.quotes.wrongSpeaker).toBe(0);
    expect(s.quotes.notQuotePerson).toBe(0);
    expect(s.entities.PERSON.fp).toBe(0);
  });

  it('keeps mention offsets exact', () => {
    for (const e of out.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const q of out.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});
