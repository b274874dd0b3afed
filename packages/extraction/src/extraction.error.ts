export type ExtractionErrorCode = 'no-article' | 'not-html' | 'too-large' | 'too-deep';

/**
 * A page that cannot yield an article. Every code is permanent: fetching the same bytes
 * again gives the same answer, so callers should not retry.
 */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  readonly permanent = true as const;

  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }
}
