import { describe, expect, it } from 'vitest';
import { enrichText } from '../enrich';
import { fakeAnnotation } from '../testing/fake-annotation';
import type { ModelEntityType } from '../engine/nlp.port';

// Where the model's boundaries or types slip and the text itself says better, with the model's
// output given.
const names = (text: string, model: Partial<Record<ModelEntityType, string[]>>) =>
  enrichText(text, fakeAnnotation(text, model), { rethrow: true })
    .entities.map((e) => `${e.name}/${e.type}`)
    .sort();

describe('corrections the text vouches for', () => {
  it('a known place before an office stays whole ("Hong Kong Chief Executive")', () => {
    const t = 'Hong Kong Chief Executive Mara Lin flew out. US Trade Representative Tom Vale stayed.';
    expect(names(t, { LOCATION: ['Hong Kong'], PERSON: ['Mara Lin', 'Tom Vale'], ORGANIZATION: ['US Trade'] })).toEqual([
      'Hong Kong/LOCATION',
      'Mara Lin/PERSON',
      'Tom Vale/PERSON',
      'United States/LOCATION',
    ]);
  });

  it('a word the model left out in front is taken back when the text names the longer form', () => {
    const t = 'Herders in Upper Varn were told to stay home. The Upper Varn Autonomous Zone closed its schools.';
    // (the model read the second as "Varn Autonomous Zone")
    expect(names(t, { LOCATION: ['Upper Varn', 'Varn Autonomous Zone'] })).toContain('Upper Varn Autonomous Zone/LOCATION');
    // where the text writes no such longer form, nothing is taken in
    const u = 'Herders in Upper Varn were told to stay home. The Lower Varn Autonomous Zone closed its schools.';
    expect(names(u, { LOCATION: ['Upper Varn', 'Varn Autonomous Zone'] })).toContain('Varn Autonomous Zone/LOCATION');
  });

  it('a plural verb after a one-word "person" makes it a team or a company', () => {
    const t = 'Harlow have signed a striker. Harlow hope to finish the deal today.';
    expect(names(t, { PERSON: ['Harlow'] })).toEqual(['Harlow/ORGANIZATION']);
    // a coordination, a question or a longer run is no lone subject
    expect(names('Mina and Harlow are friends.', { PERSON: ['Mina', 'Harlow'] })).toEqual(['Harlow/PERSON', 'Mina/PERSON']);
    expect(names('Why does Harlow have a key?', { PERSON: ['Harlow'] })).toEqual(['Harlow/PERSON']);
    expect(names('Mina Harlow and Harlow are here.', { PERSON: ['Mina Harlow', 'Harlow'] })).toEqual(['Mina Harlow/PERSON']);
  });

  it('a street named by its kind in front is a place ("Corso Vanni", "Rue Olan")', () => {
    const t = 'The showroom on Corso Vanni opened. Another is at Rue Olan.';
    expect(names(t, { PERSON: ['Corso Vanni'], ORGANIZATION: ['Rue Olan'] })).toEqual(['Corso Vanni/LOCATION', 'Rue Olan/LOCATION']);
  });
});
