import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from './testing/real-engine';

// Patterns seen on pages nobody tuned to (issue 11), in sentences of our own, on the real model.
const engine = createRealEngine();
const names = async (t: string) => (await enrichWithModel(engine, t)).entities.map((e) => `${e.name}/${e.type}`).sort();

describe('patterns of unseen pages, on the real model', () => {
  beforeAll(() => requireReady(engine));

  it('an organisation named with "and" stays whole; two companies joined by "and" stay two', async () => {
    expect(await names('Officers from U.S. Customs and Border Protection seized the cargo.')).toEqual([
      'U.S. Customs and Border Protection/ORGANIZATION',
    ]);
    expect(await names('Google and Facebook agreed. Procter & Gamble did not.')).toEqual([
      'Facebook/ORGANIZATION',
      'Google/ORGANIZATION',
      'Procter & Gamble/ORGANIZATION',
    ]);
  });

  it('"St. Louis" and "St. Paul" are places, not a person called Louis or Paul', async () => {
    expect(await names('She grew up in St. Louis and moved to St. Paul.')).toEqual(['St. Louis/LOCATION', 'St. Paul/LOCATION']);
  });

  it('"Islamic State" is one organisation, not the verb "states"', async () => {
    expect(await names('The Islamic State claimed the attack. Islamic State fighters fled.')).toEqual(['Islamic State/ORGANIZATION']);
  });

  it('capitalised headings and labels are no names', async () => {
    expect(await names('Store Hours: 9 to 5.\n\nFavorite Recipes\n\nOur bakery opens early.')).toEqual([]);
  });

  it('AP-style closing marks keep the quotation; an addressee is no speaker', async () => {
    const out = await enrichWithModel(
      engine,
      '"The deal is done,\'\' Mayor Ana Diaz said. Owners wake the speaker by saying "Hey Siri" across the room.',
    );
    expect(out.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['The deal is done', 'Ana Diaz'],
      ['Hey Siri', null],
    ]);
  });

  it('voice assistants are no people; a publication a source talked to is an organisation', async () => {
    const out = await names('The speaker works with Alexa and Siri, so you can say "Hey Siri" from the sofa.');
    expect(out.filter((n) => /Alexa|Siri/.test(n))).toEqual([]);
    expect(await names('A firefighter at the scene told Pressline that the blaze began at noon.')).toEqual(['Pressline/ORGANIZATION']);
  });

  it('a name does not end on "of" when an office follows it', async () => {
    expect(await names('Tributes came from former House of Representatives Speaker Ada Okonjo.')).toEqual([
      'Ada Okonjo/PERSON',
      'House of Representatives/ORGANIZATION',
    ]);
  });

  it('a town after "name, age, of", an outlet that reported, a publication by its kind', async () => {
    expect(await names('Police arrested Marcus T. Delane, 44, of Greenfield, and Tessa Rowe 29, of Willow on Friday.')).toEqual([
      'Greenfield/LOCATION',
      'Marcus T. Delane/PERSON',
      'Tessa Rowe/PERSON',
      'Willow/LOCATION',
    ]);
    expect(await names('The figures were first published by trade publication Quillmark.')).toEqual(['Quillmark/ORGANIZATION']);
  });

  it('a surname two people named in full share is the one named last; a word opening a sentence is no one', async () => {
    const out = await enrichWithModel(
      engine,
      'The son of former chancellor Karl von Ellenberg, Felix von Ellenberg was injured on Monday. The talk given by von Ellenberg had begun at noon.',
    );
    expect(out.entities.map((e) => [e.name, e.mentions.map((m) => m.text)])).toEqual([
      ['Karl von Ellenberg', ['Karl von Ellenberg']],
      ['Felix von Ellenberg', ['Felix von Ellenberg', 'von Ellenberg']],
    ]);
    expect(await names('Nobody in our family ever made jam. Jam always seemed like hard work to us.')).toEqual([]);
  });

  it('a place between an organisation and a role qualifies the role', async () => {
    expect(await names('Marta Kovic, the State Department Serbia expert, testified on Friday.')).toEqual([
      'Marta Kovic/PERSON',
      'State Department/ORGANIZATION',
    ]);
  });

  it('brothers of one surname, a given name the model leaves out, and a mother named after her son', async () => {
    const out = await enrichWithModel(
      engine,
      'WINNIPEG, Manitoba — Cole Ridley scored twice, and the Winnipeg Jets beat the Calgary Flames 5-4. ' +
        'Owen Ridley, Cole’s younger brother, scored for Calgary.\n\n' +
        '"I needed one more than him," Cole Ridley said.\n\n' +
        'Jordan Akers, 19, died at the scene on Broad Street.\n\n' +
        'Akers’ mother, Donna Akers, paid tribute to her son in a statement. “Jordan was the kindest lad you could meet,” she wrote.',
    );
    const people = out.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(people).toEqual(expect.arrayContaining(['Cole Ridley', 'Owen Ridley', 'Jordan Akers', 'Donna Akers']));
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Cole Ridley', 'Donna Akers']);
  });

  it('wire copy in backquote marks, unnamed speakers with relative clauses, and a portfolio of several subjects', async () => {
    const out = await enrichWithModel(
      engine,
      "``For years, the people of Marlowe paid for rigged roads,'' U.S. Attorney Gerald Okonkwo said.\n\n" +
        'One porter, who has worked at the hospital for 19 years and asked not to be named, said: “We feel sold off.”\n\n' +
        'A spokeswoman for the federal Department of Climate Change, Energy, the Environment and Water said the mine was approved. ' +
        '“The conditions are strict,” she said.',
    );
    expect(out.quotes.map((q) => q.speaker)).toEqual([
      'Gerald Okonkwo',
      'One porter',
      'A spokeswoman for the federal Department of Climate Change, Energy, the Environment and Water',
    ]);
    expect(out.entities.map((e) => e.name)).toContain('Department of Climate Change, Energy, the Environment and Water');
  });
});
