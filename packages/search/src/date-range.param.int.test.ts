import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine } from '../../../test/support/test-engine';
import { uniqueName } from '../../../test/support/services';
import { createArticleIndex, type ArticleIndex } from './article.index';
import { isIsoDateParam } from './date-range.param';
import type { SearchEnginePort } from './search.port';

// Whatever the API accepts as since/until, the real engine must take too (otherwise its own
// exception would reach the user again): the edges of what isIsoDateParam lets through.
const EDGES = [
  '2024-04-26',
  '2024-02-29',
  '2024-04-26T10:00',
  '2024-04-26T10:00Z',
  '2024-04-26T10:00:59',
  '2024-04-26T23:59:59.999Z',
  '2024-04-26T10:00:00.123456789+02:00',
  '2024-04-26T10:00:00-05:30',
  '2024-04-26T10:00:00+18:00',
  '2024-04-26T10:00:00-18:00',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
];

describe('dates accepted as since/until, on the real engine', () => {
  let engine: SearchEnginePort;
  let index: ArticleIndex;
  let closeEngine: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ engine, close: closeEngine } = await openTestEngine('opensearch'));
    index = createArticleIndex(engine, uniqueName('idx-dates'));
    await index.ensure();
  });
  afterAll(async () => {
    await index?.drop();
    await closeEngine();
  });

  it.each(EDGES)('%s', async (value) => {
    expect(isIsoDateParam(value)).toBe(true);
    await expect(index.search({ since: value, until: value })).resolves.toMatchObject({ total: 0 });
    await expect(index.searchQuotes({ since: value, until: value })).resolves.toMatchObject({ total: 0 });
  });
});
