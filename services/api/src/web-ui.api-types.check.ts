import type * as Ui from '../public/types/api-types';
import type { ArticleView, EnqueueAccepted } from './article.responses';
import type { QuotesResponse, SearchResponse } from './search.responses';
import type { SourceBody, SourceList } from './source.responses';

// The web UI's JavaScript reads the API through hand-written types (public/types/api-types.d.ts:
// the fields the pages use). This file only type-checks: every answer the API's response schemas
// allow must fit what the UI expects, so a field renamed, retyped or dropped on the API's side
// fails `npm run typecheck` instead of the page at run time.
type Fits<Sent, Read> = [Sent] extends [Read] ? true : false;

export const WEB_UI_READS_WHAT_THE_API_SENDS: [
  Fits<ArticleView, Ui.ArticleView>,
  Fits<EnqueueAccepted, Ui.EnqueueAccepted>,
  Fits<SearchResponse, Ui.SearchResponse>,
  Fits<QuotesResponse, Ui.QuotesResponse>,
  Fits<SourceBody, Ui.Source>,
  Fits<SourceList, Ui.SourceList>,
] = [true, true, true, true, true, true];
