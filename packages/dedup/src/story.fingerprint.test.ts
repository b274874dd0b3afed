import { describe, expect, it } from 'vitest';
import { createMemoryStoryIndex } from './memory.story-index';
import { similarity } from './minhash';
import { createFingerprinter } from './story.fingerprint';
import { DEFAULT_STORY_PARAMS, minEqualPositions, paramsTag } from './story.params';
import { SAME_TOPIC, STORY } from './testing/story.texts';

describe('fingerprints', () => {
  const fingerprint = createFingerprinter();
  const sim = (a: string, b: string) => similarity(fingerprint(a)!.signature, fingerprint(b)!.signature);
  const threshold = DEFAULT_STORY_PARAMS.threshold;

  it('finds copies with another headline, boilerplate, a paragraph cut or light copy-editing', () => {
    const paragraphs = STORY.split('\n\n');
    const copies = [
      `Bridge to close for a year\n\n${STORY}`,
      `Advertisement\n\n${STORY}\n\nCopyright 2024 The Associated Press. All rights reserved.`,
      paragraphs.filter((_, i) => i !== 3).join('\n\n'),
      STORY.replace('voted on Tuesday', 'voted Tuesday').replace(/said/g, 'says').replace('“', '"').replace('”', '"'),
    ];
    for (const copy of copies) expect(sim(STORY, copy)).toBeGreaterThanOrEqual(threshold);
  });

  it('tells apart a different article on the same subject', () => {
    expect(sim(STORY, SAME_TOPIC)).toBeLessThan(0.1);
  });

  it('gives no fingerprint to a text too short to tell from a stock phrase', () => {
    expect(fingerprint('Read more: sign up for our newsletter')).toBeNull();
    expect(fingerprint('')).toBeNull();
  });

  it('gives band keys and a signature of the configured shape', () => {
    const fp = fingerprint(STORY)!;
    expect(fp.signature).toHaveLength(DEFAULT_STORY_PARAMS.bands * DEFAULT_STORY_PARAMS.rows);
    expect(fp.bands).toHaveLength(DEFAULT_STORY_PARAMS.bands);
  });

  it('decides on whole signature positions and names its parameters', () => {
    expect(minEqualPositions({ bands: 42, rows: 3, threshold: 0.35 })).toBe(45); // 44.1 → 45
    expect(minEqualPositions({ bands: 10, rows: 2, threshold: 0.5 })).toBe(10);
    expect(paramsTag(DEFAULT_STORY_PARAMS)).toBe(`k${DEFAULT_STORY_PARAMS.shingleSize}b42r3`);
  });
});

describe('the in-memory story index', () => {
  const fingerprint = createFingerprinter();
  const make = () => createMemoryStoryIndex({ params: DEFAULT_STORY_PARAMS, maxPerBand: 16 });

  it('gives the first copy its own id as story and later copies the same story', async () => {
    const index = make();
    expect(await index.assign('a', fingerprint(STORY))).toEqual({ storyId: 'a', matchedId: null, similarity: null });
    const b = await index.assign('b', fingerprint(`Bridge to close\n\n${STORY}\n\nAll rights reserved.`));
    expect(b.storyId).toBe('a');
    expect(b.matchedId).toBe('a');
    expect(b.similarity).toBeGreaterThan(0.8);
    expect((await index.assign('c', fingerprint(SAME_TOPIC))).storyId).toBe('c');
  });

  it('follows the story, not the copy matched: a copy of a copy joins the first one', async () => {
    const index = make();
    await index.assign('a', fingerprint(STORY));
    await index.assign('b', fingerprint(`${STORY}\n\nShare this article`));
    const c = await index.assign('c', fingerprint(`${STORY}\n\nShare this article`));
    expect(c).toMatchObject({ storyId: 'a', matchedId: 'b' });
  });

  it('keeps a document’s story when it is indexed again', async () => {
    const index = make();
    await index.assign('a', fingerprint(STORY));
    await index.assign('b', fingerprint(STORY));
    expect((await index.assign('b', fingerprint(STORY))).storyId).toBe('a');
    expect((await index.assign('a', fingerprint(STORY))).storyId).toBe('a');
  });

  it('makes a text without fingerprint its own story', async () => {
    expect(await make().assign('x', null)).toEqual({ storyId: 'x', matchedId: null, similarity: null });
  });
});
