import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import template from '../../../../infra/search/article-index-template.json';
import { buildSavedObjects, toNdjson, type SavedObject } from './saved-objects';

const NDJSON_URL = new URL('../../../../infra/kibana/newsflow.ndjson', import.meta.url);

type Mapping = { type?: string; properties?: Record<string, Mapping>; fields?: Record<string, Mapping> };

/** Every field path of the mapping with its type and whether it sits under a nested object. */
function mappedFields(properties: Record<string, Mapping>, prefix = '', inNested = false, out = new Map<string, { type: string; nested: boolean }>()) {
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
    const state = o.attributes.state as { datasourceStates: { formBased: { layers: Record<string, { columns: Record<string, { sourceField?: string }> }> } } };
    for (const layer of Object.values(state.datasourceStates.formBased.layers)) {
      for (const c of Object.values(layer.columns)) {
        if (c.sourceField && c.sourceField !== '___records___') used.push({ field: c.sourceField, use: 'aggregate' });
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
    expect(objects.map((o) => o.type).sort()).toEqual(['dashboard', 'index-pattern', 'lens', 'lens', 'lens', 'lens', 'lens', 'lens', 'lens', 'search']);
  });

  it('resolves every reference to an object in the file, and every panel and layer has its reference', () => {
    const keys = new Set(objects.map((o) => `${o.type}/${o.id}`));
    for (const o of objects) {
      const names = o.references.map((r) => r.name);
      expect(new Set(names).size, `${o.id} has duplicate reference names`).toBe(names.length);
      for (const r of o.references) expect(keys, `${o.id} → ${r.type}/${r.id}`).toContain(`${r.type}/${r.id}`);
      if (o.type === 'lens') {
        const state = o.attributes.state as { datasourceStates: { formBased: { layers: Record<string, { columnOrder: string[]; columns: Record<string, unknown> }> } } };
        for (const [layerId, layer] of Object.entries(state.datasourceStates.formBased.layers)) {
          expect(names).toContain(`indexpattern-datasource-layer-${layerId}`);
          expect(layer.columnOrder.sort()).toEqual(Object.keys(layer.columns).sort());
        }
      }
      if (o.type === 'search') expect(names).toContain('kibanaSavedObjectMeta.searchSourceJSON.index');
    }
    const dashboard = objects.find((o) => o.type === 'dashboard')!;
    const panels = JSON.parse(dashboard.attributes.panelsJSON as string) as { panelIndex: string; panelRefName: string; type: string; gridData: { i: string; x: number; w: number } }[];
    expect(panels).toHaveLength(8);
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
    expect(used.map((u) => u.field)).toEqual(expect.arrayContaining(['date', 'people', 'organizations', 'locations', 'speakers', 'site', 'quoteLines']));
    for (const u of used) {
      const f = FIELDS.get(u.field);
      expect(f, `${u.object} uses ${u.field}, which the mapping lacks`).toBeDefined();
      expect(f!.nested, `${u.object} uses ${u.field}, a nested field`).toBe(false);
      if (u.use === 'aggregate') expect(AGGREGATABLE, `${u.object} aggregates ${u.field} (${f!.type})`).toContain(f!.type);
    }
    expect(FIELDS.get('date')!.type).toBe('date');
  });

  it('points the data view at the alias it is given', () => {
    const dv = buildSavedObjects('my-news').find((o) => o.type === 'index-pattern')!;
    expect(dv.attributes.title).toBe('my-news');
    expect(dv.attributes.timeFieldName).toBe('date');
  });
});
