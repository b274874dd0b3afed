import { describe, expect, it } from 'vitest';
import { shingleHashes, words } from './text.shingles';

describe('words', () => {
  it('ignores case, accents, punctuation and compatibility forms', () => {
    expect(words('“Café”—the ﬁnal WORD, isn’t it?')).toEqual(['cafe', 'the', 'final', 'word', 'isn', 't', 'it']);
    expect(words("Cafe - the final word; isn't it")).toEqual(words('“Café”—the ﬁnal WORD, isn’t it?'));
  });

  it('counts each character of unspaced scripts as a word, and reads Korean and Cyrillic by word', () => {
    expect(words('東京で会議')).toEqual(['東', '京', 'で', '会', '議']);
    expect(words('엘제이의 리벤지인가')).toEqual(['엘제이의', '리벤지인가']);
    expect(words('Наши герои')).toEqual(['наши', 'герои']);
  });
});

describe('shingleHashes', () => {
  it('gives one hash per distinct run of k words', () => {
    expect(shingleHashes('a b c d', 3)).toHaveLength(2);
    expect(shingleHashes('a b c a b c', 3)).toHaveLength(3); // "a b c" twice counts once
    expect(shingleHashes('a b', 3)).toHaveLength(0);
  });

  it('is the same for the same words however they are written, and depends on their order', () => {
    expect([...shingleHashes('The Cat sat.', 2)]).toEqual([...shingleHashes('the cat — sat', 2)]);
    expect([...shingleHashes('cat sat', 2)]).not.toEqual([...shingleHashes('sat cat', 2)]);
  });

  it('gives different hashes for different shingle sizes of the same words', () => {
    const two = new Set(shingleHashes('one two three four', 2));
    for (const h of shingleHashes('one two three four', 3)) expect(two.has(h)).toBe(false);
  });
});
