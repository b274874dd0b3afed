/** Why a document (feed, sitemap, home page) gave nothing, or less than it listed. */
export type ProblemCode =
  | 'fetch'
  | 'robots'
  | 'host-busy'
  | 'malformed'
  | 'entities'
  | 'too-large'
  | 'gzip'
  | 'not-a-feed'
  | 'html'
  | 'loop'
  | 'too-deep'
  | 'no-endpoints';

/**
 * A problem with what a source serves: it ends up in the source's last error, worded for the
 * person who added the source, and never fails the poll job (the other documents, and the other
 * sources, go on).
 */
export class DocumentProblem extends Error {
  override readonly name = 'DocumentProblem';
  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
  }
}
