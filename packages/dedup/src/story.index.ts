import type { Fingerprint } from './story.fingerprint';

export interface StoryAssignment {
  /** The story's id: the first copy's document id (or the document's own when it is the first). */
  storyId: string;
  /** The earlier copy this document was found to repeat, when one was. */
  matchedId: string | null;
  /** Their estimated Jaccard similarity over shingles. */
  similarity: number | null;
}

/**
 * The look-up port: finds the story a document belongs to through its band keys (never a scan)
 * and records the document for the copies that come after it, in one step, so two copies
 * indexed at once cannot both miss each other. Calling it again for a document (a retry, a
 * re-crawl) finds the same story.
 */
export interface StoryIndex {
  assign(docId: string, fingerprint: Fingerprint | null): Promise<StoryAssignment>;
}

/** The document is its own story: no fingerprint, or no earlier copy. */
export const ownStory = (docId: string): StoryAssignment => ({ storyId: docId, matchedId: null, similarity: null });
