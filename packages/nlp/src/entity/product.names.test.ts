import { describe, expect, it } from 'vitest';
import { enrichText } from '../enrich';
import { fakeAnnotation } from '../testing/fake-annotation';
import type { ModelEntityType } from '../engine/nlp.port';

// Products the model files under organisations or people, with the model's output given.
const names = (text: string, model: Partial<Record<ModelEntityType, string[]>>) =>
  enrichText(text, fakeAnnotation(text, model), { rethrow: true })
    .entities.map((e) => `${e.name}/${e.type}`)
    .sort();

describe('product names', () => {
  it('a name ending in a model tier is a product, whatever type the model gave it', () => {
    const t = 'Lumo sells the Vexa Ultra and the Kestrel Pro. Reviewers preferred the Orbit Lite.';
    expect(names(t, { ORGANIZATION: ['Lumo', 'Kestrel Pro', 'Orbit Lite'], PERSON: ['Vexa Ultra'] })).toEqual(['Lumo/ORGANIZATION']);
  });

  it('the line without its tier is the same product ("Kestrel" beside "Kestrel Pro")', () => {
    const t = 'The Kestrel was slow. The new Kestrel Pro, made by Lumo, is not.';
    expect(names(t, { ORGANIZATION: ['Kestrel', 'Kestrel Pro', 'Lumo'] })).toEqual(['Lumo/ORGANIZATION']);
  });

  it('a maker named by its trade keeps its name beside its product ("keyboard maker Tarn")', () => {
    const t = 'Keyboard maker Tarn redesigned the Tarn Pro for the new tablets.';
    expect(names(t, { ORGANIZATION: ['Tarn', 'Tarn Pro'] })).toEqual(['Tarn/ORGANIZATION']);
  });

  it('a name that only holds a tier word inside stays ("Max Verstappen", "Air France")', () => {
    const t = 'Max Verstappen flew Air France to Paris.';
    expect(names(t, { PERSON: ['Max Verstappen'], ORGANIZATION: ['Air France'], LOCATION: ['Paris'] })).toEqual([
      'Air France/ORGANIZATION',
      'Max Verstappen/PERSON',
      'Paris/LOCATION',
    ]);
  });
});
