import { createFingerprinter } from './story.fingerprint';
import type { StoryAssignment, StoryIndex } from './story.index';
import { DEFAULT_STORY_PARAMS, type StoryParams } from './story.params';

/** What the index stage needs: a document's id and clean text in, its story out. */
export type StoryAssigner = (docId: string, text: string) => Promise<StoryAssignment>;

export function createStoryAssigner(index: StoryIndex, params: StoryParams = DEFAULT_STORY_PARAMS): StoryAssigner {
  const fingerprint = createFingerprinter(params);
  return (docId, text) => index.assign(docId, fingerprint(text));
}
