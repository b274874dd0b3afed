import { beforeAll, describe, expect, it } from 'vitest';
import { createCoreNlpEngine, NlpUnavailableError, type ModelAnnotation } from '@newsflow/nlp';
import { freePort } from '../../../test/support/free-port';
import { TEST_NLP_URL } from '../../../test/support/services';

// The real CoreNLP server (test/support/global-setup.ts starts one when none answers).
const engine = createCoreNlpEngine({ url: TEST_NLP_URL, timeoutMs: 30_000 });
const spans = (text: string, a: ModelAnnotation) => a.mentions.map((m) => `${text.slice(m.start, m.end)}/${m.type}`);

describe('the CoreNLP engine on the real server', () => {
  beforeAll(async () => {
    if (!(await engine.isReady())) throw new Error(`no CoreNLP server is ready at ${TEST_NLP_URL} (NLP_URL)`);
  });

  it('finds names with their types and UTF-16 offsets, leaves pronouns out, and splits sentences', async () => {
    // The tram emoji is two UTF-16 code units: offsets after it must still point at the names.
    const text =
      'Mayor Ingrid Solberg met engineers from Nordic Rail in Bergen on Tuesday 🚋. She said the line to Trondheim would open in May.';
    const a = await engine.annotate(text);
    expect(spans(text, a)).toEqual(['Ingrid Solberg/PERSON', 'Nordic Rail/ORGANIZATION', 'Bergen/LOCATION', 'Trondheim/LOCATION']);
    expect(a.mentions.find((m) => m.type === 'LOCATION' && m.start > 70)?.start).toBe(text.indexOf('Trondheim'));
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Mayor Ingrid Solberg met engineers from Nordic Rail in Bergen on Tuesday 🚋.',
      'She said the line to Trondheim would open in May.',
    ]);
    const solberg = a.tokens.find((t) => text.slice(t.start, t.end) === 'Solberg');
    expect(solberg).toMatchObject({ pos: 'NNP' });
    expect(a.tokens.find((t) => text.slice(t.start, t.end) === 'met')).toMatchObject({ pos: 'VBD' });
  });

  it('keeps offsets right across the pieces of a text longer than the piece size', async () => {
    const people = ['Ingrid Solberg', 'Tomas Lindqvist', 'Amara Okafor', 'Henrik Dahl', 'Lucia Ferreira', 'Oskar Nyberg'];
    const text = people
      .map((p, i) => `Paragraph ${i + 1}: ${p} spoke to the Harbour Council in Bergen about the ferry timetable.`)
      .join('\n\n');
    const whole = await engine.annotate(text);
    const pieced = await createCoreNlpEngine({ url: TEST_NLP_URL, pieceChars: 200 }).annotate(text);
    expect(text.length).toBeGreaterThan(400); // three pieces or more
    expect(pieced).toEqual(whole);
    for (const p of people) {
      const at = text.indexOf(p);
      expect(pieced.mentions).toContainEqual({ start: at, end: at + p.length, type: 'PERSON' });
    }
    expect(pieced.sentences.map((s) => text.slice(s.start, s.end))).toEqual(text.split('\n\n'));
  });

  it('says the server is away, quickly, when nothing answers at its address', async () => {
    const away = createCoreNlpEngine({ url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 30_000 });
    const started = Date.now();
    await expect(away.annotate('Ingrid Solberg spoke in Bergen.')).rejects.toBeInstanceOf(NlpUnavailableError);
    // A refused connection is known at once; waiting out the 30 s timeout is the fault. (A third
    // of it: no stall of a loaded machine comes near, and the fault still shows.)
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await away.isReady()).toBe(false);
    expect(await engine.isReady()).toBe(true);
  });
});
