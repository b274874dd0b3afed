import { DelayedError, type Job } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import { NlpUnavailableError, type ModelAnnotation, type NlpEngine } from '@newsflow/nlp';
import { createBackoff, createOutagePause, PermanentError, silentLogger, type StageContext } from '@newsflow/runtime';
import { createEnrichHandler } from './enrich.handler';
import { storedArticle } from '../../../test/support/stored-article';

const TEXT =
  'Harbour Council approves new ferry route\n\n“The boats will run every hour,” Mayor Ingrid Solberg told reporters in Bergen on Tuesday.';
const article = (text = TEXT, lang: string | null = 'en') => storedArticle({ text, lang });
const payload = { v: 1 as const, id: 'a'.repeat(32), url: 'https://e.com/a' };
const EMPTY: ModelAnnotation = { tokens: [], sentences: [], mentions: [] };

function setup(annotate: NlpEngine['annotate'], stored: unknown = article(), now = Date.now) {
  const put = vi.fn(async () => undefined);
  const moveToDelayed = vi.fn(async () => undefined);
  const nlp = { annotate: vi.fn(annotate), isReady: async () => true };
  const pause = createOutagePause(createBackoff({ firstMs: 5000, maxMs: 60_000, random: () => 0.5 }), now);
  const handler = createEnrichHandler({
    blobs: { get: async <T>() => stored as T, put },
    nlp,
    pause,
    names: { record: async () => {}, resolve: async () => new Map() },
  });
  const ctx = { job: { moveToDelayed } as unknown as Job, token: 'tok', logger: silentLogger(), attempt: 1 } satisfies StageContext;
  return { run: () => handler(payload, ctx), put, moveToDelayed, nlp, pause };
}

describe('enrich handler', () => {
  it('stores the enrichment of the article’s text, with its language', async () => {
    const s = setup(async () => EMPTY);
    await expect(s.run()).resolves.toEqual({ lang: 'en' });
    expect(s.nlp.annotate).toHaveBeenCalledWith(TEXT, undefined);
    expect(s.put).toHaveBeenCalledWith(
      'enrichment',
      payload.id,
      expect.objectContaining({ entities: expect.any(Array), quotes: expect.any(Array), lang: 'en' }),
    );
  });

  it('puts the job off, without using an attempt, while the NLP server is away; later jobs wait out the pause unasked', async () => {
    const s = setup(async () => {
      throw new NlpUnavailableError('the NLP server at http://127.0.0.1:9 is unavailable: connect ECONNREFUSED');
    });
    // The pause counted from the call, however long the call took on a loaded machine.
    const before = Date.now();
    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
    const after = Date.now();
    const [until, token] = s.moveToDelayed.mock.calls[0] as unknown as [number, string];
    expect(until - before).toBeGreaterThan(5000);
    expect(until - after).toBeLessThan(6100);
    expect(token).toBe('tok');
    expect(s.put).not.toHaveBeenCalled();

    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
    expect(s.nlp.annotate).toHaveBeenCalledTimes(1);
    expect(s.moveToDelayed).toHaveBeenCalledTimes(2);
  });

  it('ends the shared pause once the server answers again', async () => {
    let away = true;
    let clock = 0;
    const s = setup(
      async () => {
        if (away) throw new NlpUnavailableError('timed out');
        return EMPTY;
      },
      article(),
      () => clock,
    );
    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
    expect(s.pause.remainingMs()).toBe(5000);
    away = false;
    clock = 5000; // the put-off job comes back after the pause
    await expect(s.run()).resolves.toEqual({ lang: 'en' });
    expect(s.pause.remainingMs()).toBe(0);
    expect(s.put).toHaveBeenCalledTimes(1);
  });

  it('retries (with an attempt) any other error', async () => {
    const s = setup(async () => {
      throw new TypeError('unexpected answer');
    });
    await expect(s.run()).rejects.toBeInstanceOf(TypeError);
    expect(s.moveToDelayed).not.toHaveBeenCalled();
  });

  it('passes the declared language on: a French article is not sent to the English model', async () => {
    const fr =
      'Le conseil municipal a approuvé la nouvelle ligne de ferry. « Les bateaux partiront toutes les heures », a déclaré la maire aux journalistes mardi, devant le port, avant la réunion du soir avec les habitants du quartier et les représentants des commerçants de la ville.';
    const s = setup(async () => EMPTY, article(fr, 'fr'));
    await expect(s.run()).resolves.toEqual({ lang: 'fr' });
    expect(s.nlp.annotate).not.toHaveBeenCalled();
    expect(s.put).toHaveBeenCalledWith('enrichment', payload.id, { entities: [], quotes: [], lang: 'fr' });
  });

  it('fails for good when the article has expired from the store', async () => {
    const s = setup(async () => EMPTY, null);
    await expect(s.run()).rejects.toBeInstanceOf(PermanentError);
  });
});
