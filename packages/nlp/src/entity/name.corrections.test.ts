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

  it('the words of an office\'s portfolio are no name ("Urban Development Minister")', () => {
    const t = 'Urban Development Minister Mara Lin spoke. Velkor unveiled a car. Velkor Project Manager Tom Vale explained it.';
    expect(names(t, { ORGANIZATION: ['Urban Development', 'Velkor', 'Velkor Project'], PERSON: ['Mara Lin', 'Tom Vale'] })).toEqual([
      'Mara Lin/PERSON',
      'Tom Vale/PERSON',
      'Velkor/ORGANIZATION',
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

  it('a street named after a person is a place ("Ada Marsh Avenue")', () => {
    const t = 'The city named a stretch of Ada Marsh Avenue in her honour. Tom Vale Road was closed.';
    expect(names(t, { PERSON: ['Ada Marsh Avenue', 'Tom Vale Road'] })).toEqual(['Ada Marsh Avenue/LOCATION', 'Tom Vale Road/LOCATION']);
  });

  it('an organisation the model starts after "and" takes back its first part ("Great Lakes Heart and Vascular Institute")', () => {
    const t =
      'The Orrin Valley Heart and Vascular Institute opened. Shares of Pell and Varga Foods Inc. fell. Barnmouth and District Council met.';
    expect(
      names(t, { ORGANIZATION: ['Vascular Institute', 'Varga Foods Inc.', 'District Council'], PERSON: ['Pell', 'Barnmouth'] }),
    ).toEqual([
      'Barnmouth and District Council/ORGANIZATION',
      'Orrin Valley Heart and Vascular Institute/ORGANIZATION',
      'Pell and Varga Foods Inc./ORGANIZATION',
    ]);
    // two names joined by "and" stay two: an organisation of its own, a person named in full, a plural
    const u = 'Lumo and Tarn Research agreed. Ada Pell and Varga Foods Inc. spoke. Democrats and Senate Committee members met.';
    const model = { ORGANIZATION: ['Lumo', 'Tarn Research', 'Varga Foods Inc.', 'Senate Committee'], PERSON: ['Ada Pell'] };
    expect(names(u, model)).toEqual([
      'Ada Pell/PERSON',
      'Democratic Party/ORGANIZATION',
      'Lumo/ORGANIZATION',
      'Senate Committee/ORGANIZATION',
      'Tarn Research/ORGANIZATION',
      'Varga Foods Inc./ORGANIZATION',
    ]);
  });

  it('an organisation named for a list of subjects is one name ("Ministry of Trade, Industry and Fisheries")', () => {
    const t = 'The Ministry of Trade, Industry and Fisheries agreed. The Department for Environment, Food and Rural Affairs did not.';
    expect(names(t, { ORGANIZATION: ['Ministry of Trade', 'Industry and Fisheries', 'Food and Rural Affairs'] })).toEqual([
      'Department for Environment, Food and Rural Affairs/ORGANIZATION',
      'Ministry of Trade, Industry and Fisheries/ORGANIZATION',
    ]);
    const u = 'The Department of Forestry, Fisheries and the Environment set the quota.';
    expect(names(u, { ORGANIZATION: ['Department of Forestry', 'Fisheries'], LOCATION: ['Environment'] })).toEqual([
      'Department of Forestry, Fisheries and the Environment/ORGANIZATION',
    ]);
    // a list after a name that is no organisation's head stays apart
    expect(names('Students of Law, Politics and Economics protested.', { ORGANIZATION: ['Economics'] })).toEqual([
      'Economics/ORGANIZATION',
    ]);
  });
});
