import { bandKeys } from './lsh.bands';
import { createMinHasher, type Signature } from './minhash';
import { DEFAULT_STORY_PARAMS, type StoryParams } from './story.params';
import { shingleHashes } from './text.shingles';

/** What the look-up needs of a text: its MinHash signature and its LSH band keys. */
export interface Fingerprint {
  signature: Signature;
  bands: string[];
  /** Distinct shingles in the text. */
  shingles: number;
}

/** Fingerprints clean texts; `null` for a text too short to be told from a stock phrase. */
export type Fingerprinter = (text: string) => Fingerprint | null;

export function createFingerprinter(params: StoryParams = DEFAULT_STORY_PARAMS): Fingerprinter {
  const hasher = createMinHasher(params.bands * params.rows);
  return (text) => {
    const shingles = shingleHashes(text, params.shingleSize);
    if (shingles.length < params.minShingles) return null;
    const signature = hasher.signature(shingles);
    return { signature, bands: bandKeys(signature, params.bands, params.rows), shingles: shingles.length };
  };
}
