import { similarity, type Signature } from './minhash';
import type { StoryIndex } from './story.index';
import { ownStory } from './story.index';
import { minEqualPositions, type StoryParams } from './story.params';

export interface MemoryStoryIndexOptions {
  params: Pick<StoryParams, 'bands' | 'rows' | 'threshold'>;
  /** Documents kept per band key (the latest). */
  maxPerBand: number;
  /** Earlier documents compared at most per look-up. */
  maxCandidates?: number;
}

/**
 * The look-up in one process's memory, unbounded in time: for the benchmark (which measures the
 * decisions and the CPU of fingerprinting, not Redis round trips) and for reasoning about what
 * the Redis index does. It decides exactly as the Redis script does.
 */
export function createMemoryStoryIndex({ params, maxPerBand, maxCandidates = 64 }: MemoryStoryIndexOptions): StoryIndex {
  const bands = new Map<string, string[]>();
  const docs = new Map<string, { storyId: string; signature: Signature }>();
  const minEqual = minEqualPositions(params);
  return {
    assign(docId, fp) {
      if (!fp) return Promise.resolve(ownStory(docId));
      const n = fp.signature.length;
      let best: { id: string; storyId: string; same: number } | null = null;
      const seen = new Set<string>();
      // Bands in order, the latest documents of each first; the first best match wins a tie.
      look: for (const key of fp.bands) {
        for (const other of [...(bands.get(key) ?? [])].reverse()) {
          if (other === docId || seen.has(other)) continue;
          if (seen.size >= maxCandidates) break look;
          seen.add(other);
          const rec = docs.get(other);
          if (!rec || rec.signature.length !== n) continue;
          const same = Math.round(similarity(fp.signature, rec.signature) * n);
          if (same >= minEqual && (!best || same > best.same)) best = { id: other, storyId: rec.storyId, same };
        }
      }
      const storyId = best?.storyId ?? docs.get(docId)?.storyId ?? docId;
      docs.set(docId, { storyId, signature: fp.signature });
      for (const key of fp.bands) {
        const members = (bands.get(key) ?? []).filter((m) => m !== docId);
        members.push(docId);
        bands.set(key, members.slice(-maxPerBand));
      }
      return Promise.resolve({ storyId, matchedId: best?.id ?? null, similarity: best ? best.same / n : null });
    },
  };
}
