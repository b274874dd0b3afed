export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION';

/** Offsets are UTF-16 code-unit indices into the text given to enrichText. */
export interface Mention {
  text: string;
  start: number;
  end: number;
}

/** name is the canonical (fullest) form found in the text, titles excluded. */
export interface Entity {
  name: string;
  type: EntityType;
  mentions: Mention[];
}

export interface Quote {
  text: string;
  start: number;
  end: number;
  kind: 'direct' | 'partial';
  cue: string | null;
  speaker: string | null;
  speakerType: EntityType | null;
}

export interface Enrichment {
  entities: Entity[];
  quotes: Quote[];
  /**
   * 'en' when the English model read the text; otherwise the language the text was taken to be
   * in ('und' when unknown), and entities and quotes are empty: no English model runs on it.
   */
  lang?: string;
  /** What a reader of the result should know: e.g. the text was cut to its first N characters. */
  notes?: string[];
}
