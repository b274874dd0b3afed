import { describe, expect, it } from 'vitest';
import { enrichText } from '../enrich';
import { fakeAnnotation } from '../testing/fake-annotation';
import type { ModelEntityType } from '../engine/nlp.port';

// The rules on top of the model's names, with the model's output given: what newsflow adds or
// corrects, whatever the model says.
const enrich = (text: string, names: Partial<Record<ModelEntityType, string[]>>) =>
  enrichText(text, fakeAnnotation(text, names), { rethrow: true });
const typeOf = (out: ReturnType<typeof enrich>, name: string) => out.entities.find((e) => e.name === name)?.type;

describe('names from the model', () => {
  it('a surname that is also an everyday word counts once the model named the person in full', () => {
    const t = 'Ubisoft hired Chris Early last year.\n\n“Streaming is binary,” says Early.';
    const out = enrich(t, { PERSON: ['Chris Early'], ORGANIZATION: ['Ubisoft'] });
    expect(out.entities.find((e) => e.name === 'Chris Early')?.mentions.map((m) => m.text)).toEqual(['Chris Early', 'Early']);
    expect(out.quotes[0]?.speaker).toBe('Chris Early');
  });

  it('a family name written first (Chinese names) is the person too', () => {
    const t = 'Officials met Li Qiang in Beijing.\n\n“We are ready,” Li said.';
    expect(enrich(t, { PERSON: ['Li Qiang'], LOCATION: ['Beijing'] }).quotes[0]?.speaker).toBe('Li Qiang');
  });

  it('a title the model took into the name is set aside', () => {
    const out = enrich('Col Marta Ruiz testified on Tuesday.', { PERSON: ['Col Marta Ruiz'] });
    expect(out.entities.map((e) => e.name)).toEqual(['Marta Ruiz']);
  });

  it('a word of an office is no name ("Secretary of State")', () => {
    const out = enrich('Dan Brouillette and the Secretary of State met.', { ORGANIZATION: ['State'], PERSON: ['Dan Brouillette'] });
    expect(out.entities.map((e) => e.name)).toEqual(['Dan Brouillette']);
  });

  it('the words of a name correct the model where it slips', () => {
    const t = 'The Ferndale Courier, owned by Harlow Productions, praised Acme Arena. She moved to Ferndale.';
    const out = enrich(t, { PERSON: ['Harlow Productions'], ORGANIZATION: ['Acme Arena'], LOCATION: ['Ferndale Courier', 'Ferndale'] });
    expect(typeOf(out, 'Harlow Productions')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Acme Arena')).toBe('LOCATION');
    // a known place plus one more word: not a place (a newspaper, a team)
    expect(enrich('The Sacramento Bee reported it.', { LOCATION: ['Sacramento Bee'] }).entities[0]?.type).toBe('ORGANIZATION');
  });

  it('boundaries: a known place owning a name is two names; an office and a word in front are cut off', () => {
    const t =
      'Crowds filled San Francisco’s Moscone Center. Former Northwind Council members met US Trade Representative Robert Lighthizer. The former mayor left.';
    const out = enrich(t, {
      ORGANIZATION: ['San Francisco’s Moscone Center', 'Former Northwind Council', 'US Trade'],
      PERSON: ['Robert Lighthizer'],
    });
    expect(out.entities.map((e) => `${e.name}/${e.type}`).sort()).toEqual([
      'Moscone Center/ORGANIZATION',
      'Northwind Council/ORGANIZATION',
      'Robert Lighthizer/PERSON',
      'San Francisco/LOCATION',
      'United States/LOCATION',
    ]);
    // a possessive inside a name stays when no known place owns it
    expect(
      enrich('The People’s Liberation Army moved.', { ORGANIZATION: ['People’s Liberation Army'] }).entities.map((e) => e.name),
    ).toEqual(['People’s Liberation Army']);
  });

  it('one type per name: the majority of its mentions', () => {
    const t = 'Verlo grew fast. Verlo hired staff. Investors like Verlo.';
    const annotation = fakeAnnotation(t, { ORGANIZATION: ['Verlo'] });
    annotation.mentions[2]!.type = 'PERSON';
    const out = enrichText(t, annotation, { rethrow: true });
    expect(out.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Verlo', 'ORGANIZATION', 3]]);
  });

  it('the plural of a surname is the family, not an organisation', () => {
    const out = enrich('Joe Biden spoke. The Bidens left.', { PERSON: ['Joe Biden'], ORGANIZATION: ['Bidens'] });
    expect(out.entities.map((e) => e.name)).toEqual(['Joe Biden']);
  });

  it('the tail of a fuller name is that person; a royal keeps the title', () => {
    const t = 'James Van Der Beek spoke. Van Der Beek smiled. Prince Edward waved and Edward left.';
    const out = enrich(t, { PERSON: ['James Van Der Beek', 'Van Der Beek', 'Edward'] });
    expect(out.entities.map((e) => e.name).sort()).toEqual(['James Van Der Beek', 'Prince Edward']);
  });
});

describe('speakers on top of the model', () => {
  it('a paragraph-long quote after reported speech goes to its speaker', () => {
    const t = 'Nadia Perez said the plan was late.\n\n“We will not give up. We stand tall.”';
    expect(enrich(t, { PERSON: ['Nadia Perez'] }).quotes[0]?.speaker).toBe('Nadia Perez');
  });

  it('an indefinite subject of a speech verb is an unnamed speaker', () => {
    const t = '“The talks are stuck,” an insider told reporters.\n\n“Costs rose,” a shopkeeper said.';
    const out = enrich(t, {});
    expect(out.quotes.map((q) => q.speaker)).toEqual(['an insider', 'a shopkeeper']);
  });

  it('"said the actor" is the person the passage is about; "the doctor" after "a doctor" stays unnamed', () => {
    const t =
      'Dana Whitlow announced the tour on Monday. Whitlow thanked Kim Ash.\n\n' +
      '"It makes you more human," said the actor.\n\n"We start in May," the "Harbor" actor said.\n\n' +
      'A doctor on the scene told Pressline he tried to help.\n\n"It is a shame," the doctor said.';
    const out = enrich(t, { PERSON: ['Dana Whitlow', 'Whitlow', 'Kim Ash', 'Pressline'] });
    expect(out.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker)).toEqual(['Dana Whitlow', 'Dana Whitlow', 'the doctor']);
  });

  it("the company's suffix is part of an appositive; the issuer of a statement speaks, not the statement", () => {
    const t =
      'Lena Marsh, Senior Vice President of Sales for Orvane, Inc., says: "Alarms matter."\n\n' +
      'The Vantor Commission, which regulates campaigns, issued a statement warning that "voters are entitled to integrity."';
    const out = enrich(t, { PERSON: ['Lena Marsh'], ORGANIZATION: ['Orvane, Inc.', 'Vantor Commission'] });
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Lena Marsh', 'Vantor Commission']);
  });

  it('"the production company said" points back to the organisation; a title in title case is no quote', () => {
    const t =
      'Harlow Productions denied it.\n\n"At no time did we agree," the production company said.\n\n' +
      'After hitting "Takin\' It To the Streets," the singer and guitarist Tom Reyes told the crowd, "that was good."';
    const out = enrich(t, { ORGANIZATION: ['Harlow Productions'], PERSON: ['Tom Reyes'] });
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Harlow Productions', null, 'Tom Reyes']);
  });

  it('"she said" after "one mother" is that unnamed mother; a long fragment goes on from the sentence before', () => {
    const t =
      'The Ledger spoke to one mother, who knew her son had an account on Pixwell.\n\n' +
      '"I am so ahead of every other parent," she said.\n\n' +
      'It is not clear which came first, Rena Howitt says. Just because taste came first, "that does not mean that is the order in which it evolved."';
    const out = enrich(t, { ORGANIZATION: ['Ledger', 'Pixwell'], PERSON: ['Rena Howitt'] });
    expect(out.quotes.map((q) => q.speaker)).toEqual(['one mother', 'Rena Howitt']);
  });

  it('a signature line names the speaker of the quote above it', () => {
    const t = '“The best show of the year, and I cried twice.”\n– Maria Lopez\n\n“Not worth the ticket price.” — Tom Berg, Chicago';
    const out = enrich(t, { PERSON: ['Maria Lopez', 'Tom Berg'], LOCATION: ['Chicago'] });
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Maria Lopez', 'Tom Berg']);
  });

  it('the one addressed or named as an object is no speaker ("access to Siri by saying “Hey Siri”")', () => {
    const t = 'The speaker gives quick access to Siri by saying “Hey Siri” from across the room.';
    expect(enrich(t, { PERSON: ['Siri'] }).quotes[0]?.speaker).toBeNull();
  });

  it('a quote with no cue of its own goes on from the reported speech before it in its paragraph', () => {
    const t = 'The cell, Ana Ruiz said, is always sensing. “Once something goes wrong, it reacts.”';
    expect(enrich(t, { PERSON: ['Ana Ruiz'] }).quotes[0]?.speaker).toBe('Ana Ruiz');
  });

  it('“the insider” after “an insider” is the same unnamed speaker; a “the” nobody introduced is not', () => {
    const t = '“Talks stalled,” an insider told the paper.\n\n“It will not last,” the insider added.\n\n“Costs rose,” the analyst said.';
    const out = enrich(t, {});
    expect(out.quotes.map((q) => q.speaker)).toEqual(['an insider', 'the insider', expect.not.stringContaining('insider')]);
  });

  it('the words right around a name say its type where the model slips (made-up names)', () => {
    // a descriptor noun in front, a post "at" or "of" it, an appositive's head, what it owns
    const t =
      'The shipping startup Quorvex hired staff. Lena Ortiz, chief economist at Dalvine, agreed. ' +
      'Zentrica, a global producer of pumps, grew. Mara Voss, the former Trade Council official, spoke. Pellow\u2019s app crashed.';
    const out = enrich(t, {
      PERSON: ['Quorvex', 'Zentrica', 'Mara Voss', 'Lena Ortiz', 'Pellow'],
      LOCATION: ['Dalvine'],
      ORGANIZATION: ['Trade Council'],
    });
    expect(typeOf(out, 'Quorvex')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Dalvine')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Zentrica')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Pellow')).toBe('ORGANIZATION');
    // the appositive's head is "official": still a person
    expect(typeOf(out, 'Mara Voss')).toBe('PERSON');
  });

  it('a place with its state is a place; an attribution or a new clause is no appositive', () => {
    expect(
      typeOf(enrich('June 24 -- Harlow Live, Brenton, VA\nJune 26 -- Oak Hall, Tilden, PA', { PERSON: ['Brenton', 'Tilden'] }), 'Brenton'),
    ).toBe('LOCATION');
    const t =
      'A man was treated in the Kestrel Autonomous Region, the news agency said. Unlike us in the West, the Standing Committee views its mission differently.';
    const out = enrich(t, { LOCATION: ['Kestrel Autonomous Region', 'West'], ORGANIZATION: ['Standing Committee'] });
    expect(typeOf(out, 'Kestrel Autonomous Region')).toBe('LOCATION');
    expect(typeOf(out, 'West')).toBe('LOCATION');
  });

  it('names listed together are of one kind; a source after "according to" is a publication; a capital "The" stays', () => {
    const t =
      'Its papers include the Tilden Bee, Ferris Herald, Dunmore Times and Oakmont Star, and the Norvale Courant.\n\n' +
      'He joined, according to The Corvid, and later toured with The Lantern Brothers.';
    const out = enrich(t, {
      ORGANIZATION: ['Tilden Bee', 'Ferris Herald', 'Dunmore Times', 'Lantern Brothers'],
      LOCATION: ['Oakmont Star'],
      PERSON: ['Norvale Courant'],
    });
    expect(typeOf(out, 'Oakmont Star')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Norvale Courant')).toBe('ORGANIZATION');
    expect(typeOf(out, 'Corvid')).toBe('ORGANIZATION');
    expect(out.entities.find((e) => e.name === 'Lantern Brothers')?.mentions.map((m) => m.text)).toEqual(['The Lantern Brothers']);
    // a person in a list of people stays one
    expect(typeOf(enrich('Ana Ruiz, Tom Berg and Ivo Stan met.', { PERSON: ['Ana Ruiz', 'Tom Berg', 'Ivo Stan'] }), 'Tom Berg')).toBe(
      'PERSON',
    );
  });

  it('a name and the same name with head words after it are one organisation; a center where things take place is a venue', () => {
    const t =
      'Pell Machine denied it. Pell Machine Records said so, and Pell Machine Label Group agreed. Orvo joined Orvo University.\n\n' +
      'They played at the Harlan Center on Friday. June 26 -- Tessel Center, Allentown, PA. The Corvin Research Center studied it.';
    const out = enrich(t, {
      ORGANIZATION: [
        'Pell Machine',
        'Pell Machine Records',
        'Pell Machine Label Group',
        'Orvo',
        'Orvo University',
        'Harlan Center',
        'Tessel Center',
        'Corvin Research Center',
      ],
      LOCATION: ['Allentown'],
    });
    const orgs = out.entities
      .filter((e) => e.type === 'ORGANIZATION')
      .map((e) => e.name)
      .sort();
    expect(orgs).toEqual(['Corvin Research Center', 'Orvo University', 'Pell Machine Label Group']);
    expect(typeOf(out, 'Harlan Center')).toBe('LOCATION');
    expect(typeOf(out, 'Tessel Center')).toBe('LOCATION');
  });

  it('a name listed with people named in full is a person; a one-word remainder keeps its first word', () => {
    const t =
      'Back are Tomas Quill, Ira Fenn, Lou Marr, and Dario Vesk. Braun, Borchetta and Big Anvil said no.\n\nNews Plaza asked. The news came late.';
    const out = enrich(t, {
      PERSON: ['Tomas Quill', 'Ira Fenn', 'Lou Marr', 'Braun', 'Borchetta'],
      ORGANIZATION: ['Dario Vesk', 'Big Anvil', 'News Plaza'],
    });
    expect(typeOf(out, 'Dario Vesk')).toBe('PERSON');
    // surnames alone say less: "Big Anvil" stays an organisation
    expect(typeOf(out, 'Big Anvil')).toBe('ORGANIZATION');
    expect(typeOf(out, 'News Plaza')).toBe('ORGANIZATION');
  });

  it('place words decide between a place and a team; words in front of a name are cut off', () => {
    const t =
      'They flew to Marlow Beach. The Oklahoma City Hornets beat the Dover Rams. Next: Host the Dover Rams; the NBA-leading Dover Rams won.';
    const out = enrich(t, {
      ORGANIZATION: ['Marlow Beach', 'Dover Rams', 'Host the Dover Rams', 'NBA-leading Dover Rams', 'the Dover Rams'],
      LOCATION: ['Oklahoma City Hornets'],
    });
    expect(typeOf(out, 'Marlow Beach')).toBe('LOCATION');
    expect(typeOf(out, 'Oklahoma City Hornets')).toBe('ORGANIZATION');
    expect(
      out.entities
        .filter((e) => e.type === 'ORGANIZATION')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Dover Rams', 'Oklahoma City Hornets']);
  });

  it('a product named after its maker is the maker ("Apple CarPlay"); a desk or a station stays whole', () => {
    const t = 'Velkor said Velkor Drivepad ships in May. Velkor Business reported it, as did CBS DFW.';
    const out = enrich(t, { ORGANIZATION: ['Velkor Drivepad', 'Velkor Business', 'Velkor', 'CBS DFW', 'CBS'] });
    expect(out.entities.map((e) => e.name).sort()).toEqual(['CBS DFW', 'Velkor', 'Velkor Business']);
    expect(out.entities.find((e) => e.name === 'Velkor')?.mentions.map((m) => m.text)).toEqual(['Velkor', 'Velkor']);
  });
});
