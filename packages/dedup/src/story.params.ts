/** How texts are fingerprinted and when two count as one story. Chosen with `npm run bench:dedup`. */
export interface StoryParams {
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands × rows: the MinHash signature's size. */
  bands: number;
  rows: number;
  /** Two texts are one story when their estimated Jaccard similarity (over shingles) is at least this. */
  threshold: number;
  /** Texts with fewer distinct shingles are too short to tell apart from a stock phrase: each is its own story. */
  minShingles: number;
}

export const DEFAULT_STORY_PARAMS: Readonly<StoryParams> = Object.freeze({
  shingleSize: 3,
  bands: 42,
  rows: 3,
  threshold: 0.35,
  minShingles: 12,
});

/** Signature positions that must agree for `threshold`: the decision is made on whole counts. */
export function minEqualPositions(p: Pick<StoryParams, 'bands' | 'rows' | 'threshold'>): number {
  return Math.ceil(p.threshold * p.bands * p.rows - 1e-9);
}

/**
 * Names the parameters in every stored key: signatures made with other parameters are never
 * compared with these (a change of parameters starts a fresh window instead of mixing).
 */
export function paramsTag(p: StoryParams): string {
  return `k${p.shingleSize}b${p.bands}r${p.rows}`;
}
