import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import template from '../../../../infra/search/article-index-template.json';
import { buildSavedObjects, toNdjson, type SavedObject } from './saved-objects';

const NDJSON_URL = new URL('../../../../infra/kibana/newsflow.ndjson', import.meta.url);

type Column = { operationType: string; sourceField?: string; params?: Record<string, unknown> };
type Mapping = { type?: string; properties?: Record<string, Mapping>; fields?: Record<string, Mapping> };

/** Every field path of the mapping with its type and whether it sits under a nested object. */
function mappedFields(
  properties: Record<string, Mapping>,
  prefix = '',
  inNested = false,
  out = new Map<string, { type: string; nested: boolean }>(),
) {
  for (const [name, m] of Object.entries(properties)) {
    const path = `${prefix}${name}`;
    const nested = inNested || m.type === 'nested';
    out.set(path, { type: m.type ?? 'object', nested });
    if (m.properties) mappedFields(m.properties, `${path}.`, nested, out);
    for (const [sub, f] of Object.entries(m.fields ?? {})) out.set(`${path}.${sub}`, { type: f.type ?? 'object', nested });
  }
  return out;
}

const FIELDS = mappedFields(template.template.mappings.properties as Record<string, Mapping>);
const AGGREGATABLE = new Set(['keyword', 'date', 'integer', 'long', 'float', 'double', 'boolean']);

function readNdjson(): SavedObject[] {
  const lines = readFileSync(NDJSON_URL, 'utf8').split('\n');
  expect(lines.at(-1)).toBe(''); // ends with a newline
  return lines.slice(0, -1).map((line, i) => {
    try {
      return JSON.parse(line) as SavedObject;
    } catch (err) {
      throw new Error(`line ${i + 1} of newsflow.ndjson is not JSON: ${(err as Error).message}`);
    }
  });
}

/** The fields each object reads, with what it does with them. */
function fieldsUsed(o: SavedObject): { field: string; use: 'aggregate' | 'show' }[] {
  const used: { field: string; use: 'aggregate' | 'show' }[] = [];
  if (o.type === 'index-pattern') used.push({ field: String(o.attributes.timeFieldName), use: 'aggregate' });
  if (o.type === 'search') {
    for (const c of o.attributes.columns as string[]) used.push({ field: c, use: 'show' });
    for (const [f] of o.attributes.sort as [string, string][]) used.push({ field: f, use: 'aggregate' });
  }
  if (o.type === 'lens') {
    const state = o.attributes.state as {
      datasourceStates: {
        formBased: { layers: Record<string, { columns: Record<string, { sourceField?: string; params?: { sortField?: string } }> }> };
      };
    };
    for (const layer of Object.values(state.datasourceStates.formBased.layers)) {
      for (const c of Object.values(layer.columns)) {
        if (c.sourceField && c.sourceField !== '___records___') used.push({ field: c.sourceField, use: 'aggregate' });
        // A last value is picked by sorting on this field.
        if (c.params?.sortField) used.push({ field: c.params.sortField, use: 'aggregate' });
      }
    }
  }
  return used;
}

describe('Kibana saved objects (infra/kibana/newsflow.ndjson)', () => {
  const objects = readNdjson();

  it('is what the code builds (regenerate with `npx newsflow kibana export > infra/kibana/newsflow.ndjson`)', () => {
    expect(readFileSync(NDJSON_URL, 'utf8')).toBe(toNdjson(buildSavedObjects()));
  });

  it('is well formed: every line an object with a type, a unique id, attributes and migration versions', () => {
    const keys = objects.map((o) => `${o.type}/${o.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of objects) {
      expect(o.id).toMatch(/^[a-z0-9-]+$/);
      expect(['index-pattern', 'lens', 'search', 'dashboard']).toContain(o.type);
      expect(typeof o.attributes.title).toBe('string');
      expect(o.coreMigrationVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(o.typeMigrationVersion).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(objects.map((o) => o.type).sort()).toEqual(['dashboard', 'index-pattern', ...Array<string>(9).fill('lens'), 'search']);
  });

  it('resolves every reference to an object in the file, and every panel and layer has its reference', () => {
    const keys = new Set(objects.map((o) => `${o.type}/${o.id}`));
    for (const o of objects) {
      const names = o.references.map((r) => r.name);
      expect(new Set(names).size, `${o.id} has duplicate reference names`).toBe(names.length);
      for (const r of o.references) expect(keys, `${o.id} → ${r.type}/${r.id}`).toContain(`${r.type}/${r.id}`);
      if (o.type === 'lens') {
        const state = o.attributes.state as {
          datasourceStates: { formBased: { layers: Record<string, { columnOrder: string[]; columns: Record<string, unknown> }> } };
        };
        for (const [layerId, layer] of Object.entries(state.datasourceStates.formBased.layers)) {
          expect(names).toContain(`indexpattern-datasource-layer-${layerId}`);
          expect(layer.columnOrder.sort()).toEqual(Object.keys(layer.columns).sort());
        }
      }
      if (o.type === 'search') expect(names).toContain('kibanaSavedObjectMeta.searchSourceJSON.index');
    }
    const dashboard = objects.find((o) => o.type === 'dashboard')!;
    const panels = JSON.parse(dashboard.attributes.panelsJSON as string) as {
      panelIndex: string;
      panelRefName: string;
      type: string;
      gridData: { i: string; x: number; w: number };
    }[];
    expect(panels).toHaveLength(10);
    for (const p of panels) {
      const ref = dashboard.references.find((r) => r.name === `${p.panelIndex}:${p.panelRefName}`);
      expect(ref, `panel ${p.panelIndex}`).toBeDefined();
      expect(ref!.type).toBe(p.type);
      expect(p.gridData.i).toBe(p.panelIndex);
      expect(p.gridData.x + p.gridData.w).toBeLessThanOrEqual(48);
    }
    expect(JSON.parse(dashboard.attributes.optionsJSON as string)).toBeTypeOf('object');
  });

  it('uses only fields the index mapping has, aggregating only flat aggregatable ones (Kibana cannot aggregate nested fields)', () => {
    const used = objects.flatMap((o) => fieldsUsed(o).map((u) => ({ ...u, object: o.id })));
    expect(used.map((u) => u.field)).toEqual(
      expect.arrayContaining([
        'date',
        'people',
        'organizations',
        'locations',
        'speakers',
        'site',
        'quoteLines',
        'source.url',
        'storyId',
        'title.raw',
      ]),
    );
    for (const u of used) {
      const f = FIELDS.get(u.field);
      expect(f, `${u.object} uses ${u.field}, which the mapping lacks`).toBeDefined();
      expect(f!.nested, `${u.object} uses ${u.field}, a nested field`).toBe(false);
      if (u.use === 'aggregate') expect(AGGREGATABLE, `${u.object} aggregates ${u.field} (${f!.type})`).toContain(f!.type);
    }
    expect(FIELDS.get('date')!.type).toBe('date');
  });

  it('charts documents per source per day: a date histogram on the article date, split by source', () => {
    const lens = objects.find((o) => o.id === 'newsflow-documents-per-source')!;
    const state = lens.attributes.state as {
      datasourceStates: { formBased: { layers: Record<string, { columns: Record<string, Column> }> } };
      visualization: { layers: { xAccessor: string; splitAccessor: string; accessors: string[] }[] };
    };
    const columns = Object.values(state.datasourceStates.formBased.layers)[0]!.columns;
    const layer = state.visualization.layers[0]!;
    expect(columns[layer.xAccessor]).toMatchObject({ operationType: 'date_histogram', sourceField: 'date' });
    expect(columns[layer.splitAccessor]).toMatchObject({
      operationType: 'terms',
      sourceField: 'source.url',
      params: { missingBucket: true },
    });
    expect(layer.accessors.map((a) => columns[a]!.operationType)).toEqual(['count']);
  });

  it('lists the stories with the most copies: terms on storyId ordered by count, with a headline', () => {
    const lens = objects.find((o) => o.id === 'newsflow-most-copied-stories')!;
    const state = lens.attributes.state as {
      datasourceStates: { formBased: { layers: Record<string, { columns: Record<string, Column> }> } };
      visualization: { sorting: { columnId: string; direction: string } };
    };
    const { columns } = Object.values(state.datasourceStates.formBased.layers)[0]!;
    const buckets = Object.values(columns).filter((c) => c.operationType === 'terms');
    expect(buckets).toEqual([expect.objectContaining({ sourceField: 'storyId' })]);
    const story = buckets[0]!;
    expect(columns[(story.params as { orderBy: { columnId: string } }).orderBy.columnId]).toMatchObject({ operationType: 'count' });
    expect(Object.values(columns)).toContainEqual(expect.objectContaining({ operationType: 'last_value', sourceField: 'title.raw' }));
    expect(columns[state.visualization.sorting.columnId]).toMatchObject({ operationType: 'count' });
    expect(state.visualization.sorting.direction).toBe('desc');
  });

  it('points the data view at the alias it is given', () => {
    const dv = buildSavedObjects('my-news').find((o) => o.type === 'index-pattern')!;
    expect(dv.attributes.title).toBe('my-news');
    expect(dv.attributes.timeFieldName).toBe('date');
  });
});
