/**
 * Kibana saved objects for newsflow, as code: a data view on the articles alias and a dashboard
 * of Lens panels over the flat keyword fields (Lens cannot aggregate `nested` fields, so people,
 * organisations, places, speakers, sites and quotations come from `people`, `organizations`,
 * `locations`, `speakers`, `site` and `quoteLines`; sources and stories from `source.url` and
 * `storyId`). `npm run kibana:build` writes them to
 * infra/kibana/newsflow.ndjson, which docker compose and `newsflow kibana import` load.
 *
 * Objects are written in the 8.x export format with their migration versions stated, so Kibana 9
 * migrates them on import like any older export.
 */

export interface SavedObject {
  type: 'index-pattern' | 'lens' | 'search' | 'dashboard';
  id: string;
  attributes: Record<string, unknown>;
  references: { name: string; type: string; id: string }[];
  coreMigrationVersion: string;
  typeMigrationVersion: string;
  managed: false;
}

export const DATA_VIEW_ID = 'newsflow-articles';
export const DASHBOARD_ID = 'newsflow-news';
export const DEFAULT_ALIAS = 'newsflow-articles';
const CORE_VERSION = '8.8.0';
const LAYER = 'layer1';

type Column = Record<string, unknown>;

const count = (label: string): Column => ({
  label,
  customLabel: true,
  dataType: 'number',
  operationType: 'count',
  isBucketed: false,
  scale: 'ratio',
  sourceField: '___records___',
  params: { emptyAsNull: true },
});

const topValues = (
  field: string,
  label: string,
  size: number,
  orderBy: string,
  buckets: { other?: boolean; missing?: boolean } = {},
): Column => ({
  label,
  customLabel: true,
  dataType: 'string',
  operationType: 'terms',
  isBucketed: true,
  scale: 'ordinal',
  sourceField: field,
  params: {
    size,
    orderBy: { type: 'column', columnId: orderBy },
    orderDirection: 'desc',
    otherBucket: buckets.other ?? false,
    missingBucket: buckets.missing ?? false,
    parentFormat: { id: 'terms' },
  },
});

/** A value of the latest document in the bucket (by article date): a story's headline. */
const lastValue = (field: string, label: string): Column => ({
  label,
  customLabel: true,
  dataType: 'string',
  operationType: 'last_value',
  isBucketed: false,
  scale: 'ordinal',
  sourceField: field,
  params: { sortField: 'date', showArrayValues: false },
});

const distinct = (field: string, label: string): Column => ({
  label,
  customLabel: true,
  dataType: 'number',
  operationType: 'unique_count',
  isBucketed: false,
  scale: 'ratio',
  sourceField: field,
  params: { emptyAsNull: true },
});

const latest = (label: string): Column => ({
  label,
  customLabel: true,
  dataType: 'date',
  operationType: 'max',
  isBucketed: false,
  scale: 'ratio',
  sourceField: 'date',
  params: { emptyAsNull: true },
});

const perDay = (): Column => ({
  label: 'Date',
  customLabel: true,
  dataType: 'date',
  operationType: 'date_histogram',
  isBucketed: true,
  scale: 'interval',
  sourceField: 'date',
  params: { interval: 'auto', includeEmptyRows: true, dropPartials: false },
});

function lens(
  id: string,
  title: string,
  visualizationType: string,
  columns: Record<string, Column>,
  visualization: Record<string, unknown>,
  description = '',
): SavedObject {
  return {
    type: 'lens',
    id,
    attributes: {
      title,
      description,
      visualizationType,
      state: {
        datasourceStates: { formBased: { layers: { [LAYER]: { columns, columnOrder: Object.keys(columns), incompleteColumns: {} } } } },
        visualization,
        query: { query: '', language: 'kuery' },
        filters: [],
        internalReferences: [],
        adHocDataViews: {},
      },
    },
    references: [{ type: 'index-pattern', id: DATA_VIEW_ID, name: `indexpattern-datasource-layer-${LAYER}` }],
    coreMigrationVersion: CORE_VERSION,
    typeMigrationVersion: '8.9.0',
    managed: false,
  };
}

/** A horizontal bar chart of a keyword field's most frequent values, counted in articles. */
function topBars(id: string, title: string, field: string, label: string): SavedObject {
  return lens(
    id,
    title,
    'lnsXY',
    { term: topValues(field, label, 15, 'articles'), articles: count('Articles') },
    {
      preferredSeriesType: 'bar_horizontal',
      legend: { isVisible: false, position: 'right' },
      valueLabels: 'show',
      axisTitlesVisibilitySettings: { x: false, yLeft: false, yRight: false },
      layers: [{ layerId: LAYER, layerType: 'data', seriesType: 'bar_horizontal', xAccessor: 'term', accessors: ['articles'] }],
    },
  );
}

function table(id: string, title: string, columns: Record<string, Column>, sortBy: string, description = ''): SavedObject {
  return lens(
    id,
    title,
    'lnsDatatable',
    columns,
    {
      layerId: LAYER,
      layerType: 'data',
      columns: Object.keys(columns).map((columnId) => ({ columnId, isTransposed: false })),
      sorting: { columnId: sortBy, direction: 'desc' },
      rowHeight: 'auto',
      headerRowHeight: 'auto',
      paging: { enabled: true, size: 20 },
    },
    description,
  );
}

export function buildSavedObjects(alias = DEFAULT_ALIAS): SavedObject[] {
  const dataView: SavedObject = {
    type: 'index-pattern',
    id: DATA_VIEW_ID,
    attributes: {
      title: alias,
      name: 'newsflow articles',
      timeFieldName: 'date',
      fieldFormatMap: JSON.stringify({ url: { id: 'url' }, canonicalUrl: { id: 'url' } }),
      fields: '[]',
      runtimeFieldMap: '{}',
      typeMeta: '{}',
    },
    references: [],
    coreMigrationVersion: CORE_VERSION,
    typeMigrationVersion: '8.0.0',
    managed: false,
  };

  const panels: SavedObject[] = [
    lens(
      'newsflow-articles-over-time',
      'Articles over time',
      'lnsXY',
      { day: perDay(), articles: count('Articles') },
      {
        preferredSeriesType: 'bar_stacked',
        legend: { isVisible: false, position: 'right' },
        valueLabels: 'hide',
        layers: [{ layerId: LAYER, layerType: 'data', seriesType: 'bar_stacked', xAccessor: 'day', accessors: ['articles'] }],
      },
    ),
    topBars('newsflow-top-people', 'Top people', 'people', 'Person'),
    topBars('newsflow-top-organizations', 'Top organisations', 'organizations', 'Organisation'),
    topBars('newsflow-top-places', 'Top places', 'locations', 'Place'),
    topBars('newsflow-top-speakers', 'Top speakers', 'speakers', 'Speaker'),
    table(
      'newsflow-sites',
      'Sites',
      { site: topValues('site', 'Site', 50, 'articles'), articles: count('Articles'), latest: latest('Latest article') },
      'articles',
    ),
    table(
      'newsflow-latest-quotations',
      'Latest quotations',
      { quote: topValues('quoteLines', 'Speaker: quotation', 50, 'latest'), latest: latest('Latest'), articles: count('Articles') },
      'latest',
      'Each quotation as "Speaker: “text”", newest first (by the date of the latest article quoting it).',
    ),
    // Terms first: the top sources are chosen over the whole time range, not day by day. The
    // missing bucket is the articles enqueued by hand (and those indexed before sources existed).
    lens(
      'newsflow-documents-per-source',
      'Documents per source per day',
      'lnsXY',
      {
        source: topValues('source.url', 'Source', 10, 'articles', { other: true, missing: true }),
        day: perDay(),
        articles: count('Articles'),
      },
      {
        preferredSeriesType: 'bar_stacked',
        legend: { isVisible: true, position: 'right' },
        valueLabels: 'hide',
        layers: [
          {
            layerId: LAYER,
            layerType: 'data',
            seriesType: 'bar_stacked',
            xAccessor: 'day',
            splitAccessor: 'source',
            accessors: ['articles'],
          },
        ],
      },
      'Articles by the followed source whose poll found them (source.url), per day of the article date. "(missing value)": enqueued by hand.',
    ),
    table(
      'newsflow-most-copied-stories',
      'Stories with the most copies',
      {
        story: topValues('storyId', 'Story', 20, 'copies'),
        headline: lastValue('title.raw', 'Headline (latest copy)'),
        copies: count('Copies'),
        sites: distinct('site', 'Sites'),
      },
      'copies',
      'One row per story (storyId): copies of one article under other headlines, on other sites, counted.',
    ),
  ];

  const articles: SavedObject = {
    type: 'search',
    id: 'newsflow-articles-list',
    attributes: {
      title: 'newsflow articles',
      description: 'Indexed articles, newest first, with the people, speakers and quotations found in them.',
      columns: ['title', 'site', 'people', 'speakers', 'quoteLines'],
      sort: [['date', 'desc']],
      grid: {},
      hideChart: false,
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({
          query: { query: '', language: 'kuery' },
          filter: [],
          indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        }),
      },
    },
    references: [{ name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern', id: DATA_VIEW_ID }],
    coreMigrationVersion: CORE_VERSION,
    typeMigrationVersion: '8.0.0',
    managed: false,
  };

  // A 48-column grid: the two histograms across the top, four top-N charts, then the tables and the list.
  const layout: { object: SavedObject; x: number; y: number; w: number; h: number }[] = [
    { object: panels[0]!, x: 0, y: 0, w: 48, h: 12 },
    { object: panels[7]!, x: 0, y: 12, w: 48, h: 14 },
    { object: panels[1]!, x: 0, y: 26, w: 24, h: 15 },
    { object: panels[2]!, x: 24, y: 26, w: 24, h: 15 },
    { object: panels[3]!, x: 0, y: 41, w: 24, h: 15 },
    { object: panels[4]!, x: 24, y: 41, w: 24, h: 15 },
    { object: panels[6]!, x: 0, y: 56, w: 32, h: 20 },
    { object: panels[5]!, x: 32, y: 56, w: 16, h: 20 },
    { object: panels[8]!, x: 0, y: 76, w: 48, h: 20 },
    { object: articles, x: 0, y: 96, w: 48, h: 20 },
  ];
  const panelsJSON = layout.map((p, i) => ({
    version: '8.11.0',
    type: p.object.type,
    gridData: { x: p.x, y: p.y, w: p.w, h: p.h, i: `p${i + 1}` },
    panelIndex: `p${i + 1}`,
    embeddableConfig: { enhancements: {} },
    panelRefName: `panel_p${i + 1}`,
  }));
  const dashboard: SavedObject = {
    type: 'dashboard',
    id: DASHBOARD_ID,
    attributes: {
      title: 'newsflow: the news',
      description:
        'What newsflow indexed: articles over time and per source, who and what they mention, who is quoted saying what, from which sites, and the stories copied most.',
      panelsJSON: JSON.stringify(panelsJSON),
      optionsJSON: JSON.stringify({ useMargins: true, syncColors: false, syncCursor: true, syncTooltips: false, hidePanelTitles: false }),
      timeRestore: true,
      timeFrom: 'now-30d',
      timeTo: 'now',
      refreshInterval: { pause: true, value: 60_000 },
      kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
      version: 1,
    },
    references: layout.map((p, i) => ({ name: `p${i + 1}:panel_p${i + 1}`, type: p.object.type, id: p.object.id })),
    coreMigrationVersion: CORE_VERSION,
    typeMigrationVersion: '8.7.0',
    managed: false,
  };

  return [dataView, ...panels, articles, dashboard];
}

/** One object per line, as Kibana's export and import use. */
export function toNdjson(objects: SavedObject[]): string {
  return `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`;
}
