/**
 * The narrow port between newsflow's own rules and the trained model that reads the words
 * (Stanford CoreNLP in practice, see corenlp.engine.ts). Offsets are UTF-16 code-unit indices
 * into the text that was annotated, as everywhere in this package.
 */
export type ModelEntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';

export interface ModelToken {
  start: number;
  end: number;
  /** Penn Treebank tag (NNP, PRP, VBD…) */
  pos: string;
}

/** A name the model found; pronouns the model tags as PERSON ("he") are not included. */
export interface ModelMention {
  start: number;
  end: number;
  type: ModelEntityType;
}

export interface ModelSentence {
  start: number;
  end: number;
}

export interface ModelAnnotation {
  tokens: ModelToken[];
  sentences: ModelSentence[];
  mentions: ModelMention[];
}

export interface NlpEngine {
  /** Annotates English text of any length (long texts are sent in pieces). */
  annotate(text: string, signal?: AbortSignal): Promise<ModelAnnotation>;
  /** True when the server answers and is ready to annotate. */
  isReady(): Promise<boolean>;
}

/** The NLP server cannot be reached, is restarting or timed out: nobody's fault, try later. */
export class NlpUnavailableError extends Error {
  override readonly name = 'NlpUnavailableError';
}
