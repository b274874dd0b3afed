import { describe, expect, it } from 'vitest';
import { enrichText } from '../enrich';
import { fakeAnnotation } from '../testing/fake-annotation';
import type { ModelEntityType } from '../engine/nlp.port';

// Rules read from a blind set of our own (set K): people who share a surname, firms named after
// people, and the words around a name that say who speaks. The model's output is given.
const enrich = (text: string, names: Partial<Record<ModelEntityType, string[]>>, tags: Record<string, string[]> = {}) =>
  enrichText(text, fakeAnnotation(text, names, tags), { rethrow: true });
const speakers = (out: ReturnType<typeof enrich>) => out.quotes.map((q) => q.speaker);
const people = (out: ReturnType<typeof enrich>) => out.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);

describe('a given name the model left out', () => {
  const t =
    'Cole Ridley scored twice as Winnipeg beat Calgary. Owen Ridley, his brother, scored for Calgary.\n\n' +
    '“I needed one more than him,” Cole Ridley said.\n\n“We had them,” Owen Ridley said.';

  it('joins the surname it stands before (a proper noun to the tagger, never written in lower case)', () => {
    const out = enrich(t, { PERSON: ['Ridley', 'Owen Ridley'], LOCATION: ['Winnipeg', 'Calgary'] }, { NNP: ['Cole', 'Owen'] });
    expect(people(out).sort()).toEqual(['Cole Ridley', 'Owen Ridley']);
    expect(speakers(out)).toEqual(['Cole Ridley', 'Owen Ridley']);
  });

  it('not a title, a day, a word the text also writes in lower case, or a word the tagger calls no proper noun', () => {
    const coach = enrich('Coach Ridley spoke on Monday. Monday Ridley rested.', { PERSON: ['Ridley'] }, { NNP: ['Coach', 'Monday'] });
    expect(people(coach)).toEqual(['Ridley']);
    const will = enrich('Will Ridley play? He will.', { PERSON: ['Ridley'] }, { NNP: ['Will'] });
    expect(people(will)).toEqual(['Ridley']);
    const untagged = enrich('Cole Ridley scored.', { PERSON: ['Ridley'] });
    expect(people(untagged)).toEqual(['Ridley']);
  });
});

describe('two people of one surname', () => {
  it('a bare surname is not the person named inside another’s appositive', () => {
    const t =
      'The company’s finance chief, Robert Price, a great-grandson of co-founder Leon Price, said the deal was sound.\n\n' +
      '“We are comfortable with the leverage,” Price said.';
    expect(speakers(enrich(t, { PERSON: ['Robert Price', 'Leon Price', 'Price'] }))).toEqual(['Robert Price']);
    // without the appositive, the one named last
    const u = 'Robert Price met his cousin Leon Price on Monday.\n\n“It went well,” Price said.';
    expect(speakers(enrich(u, { PERSON: ['Robert Price', 'Leon Price', 'Price'] }))).toEqual(['Leon Price']);
  });

  it('"Akers’ mother, Donna Akers, …" — “…,” she wrote: the one the role names, not the possessor', () => {
    const t =
      'Jordan Akers, 19, died at the scene.\n\n' +
      'Akers’ mother, Donna Akers, paid tribute to her son. “Jordan was the kindest lad you could meet,” she wrote.';
    expect(speakers(enrich(t, { PERSON: ['Jordan Akers', 'Donna Akers', 'Akers', 'Jordan'] }))).toEqual(['Donna Akers']);
    // a possessive with no named role holder stays the possessor's sentence
    const u = 'Mia Jones spoke first. Jones’ plan, she said, was simple. “We start now,” she said.';
    expect(speakers(enrich(u, { PERSON: ['Mia Jones', 'Jones'] }))).toEqual(['Mia Jones']);
  });
});

describe('who speaks', () => {
  it('a written statement speaks for the named holder of the office that issued it', () => {
    const t =
      'The board’s chair, Derek Olsen, said in a written statement that the offer was fair. ' +
      '“We share the union’s concern,” the statement said.';
    expect(speakers(enrich(t, { PERSON: ['Derek Olsen'] }))).toEqual(['Derek Olsen']);
    // a relative clause is no appositive: not the outlet that obtained the statement
    const u =
      'The statement, which was obtained by Variety, claimed that Big Machine Records had agreed. ' +
      '“Approval is not needed,” the statement continued.';
    expect(speakers(enrich(u, { ORGANIZATION: ['Big Machine Records', 'Variety'] }))).toEqual(['Big Machine Records']);
  });

  it('a quotation paragraph goes on from the reported speech of a pronoun just before it', () => {
    const t =
      'Council member Keisha Lawrence said the city had changed.\n\n' +
      '“Every one of those houses used to be a family,” Lawrence said.\n\n' +
      'She added that rents had risen by a third.\n\n' +
      '“We are not banning anything. We are saying a house should be a home.”';
    expect(speakers(enrich(t, { PERSON: ['Keisha Lawrence', 'Lawrence'] }))).toEqual(['Keisha Lawrence', 'Keisha Lawrence']);
  });

  it('"Her best-known novel … starring Dana Whitcomb": the sentence is about the woman its possessive opens with', () => {
    const t =
      'Margit Halloran, the novelist, died on Sunday.\n\n' +
      'Her best-known novel was adapted into a film starring Dana Whitcomb.\n\n' +
      '“Chekhov was a doctor,” she told The Paris Review.';
    expect(speakers(enrich(t, { PERSON: ['Margit Halloran', 'Dana Whitcomb'], ORGANIZATION: ['Paris Review'] }))).toEqual([
      'Margit Halloran',
    ]);
  });

  it('a fragment followed by a preposition is the speaker’s words; one before a noun qualifies it', () => {
    const t = 'Madison Clarke said the price was “full but defensible” given the growth.';
    expect(speakers(enrich(t, { PERSON: ['Madison Clarke'] }, { IN: ['given'] }))).toEqual(['Madison Clarke']);
    const u = 'Madison Clarke said the “smart” phones sold well.';
    expect(speakers(enrich(u, { PERSON: ['Madison Clarke'] }, { NNS: ['phones'] }))).toEqual([null]);
  });
});

describe('organisations', () => {
  it('a firm named after people is the firm wherever the text writes it whole', () => {
    const t =
      'Nine publishers refused the book before Farrar, Straus and Giroux took it. ' +
      'Her editor at Farrar, Straus and Giroux, Naomi Ashford, said so.';
    // the model reads the first one as three people, the second whole
    const second = t.lastIndexOf('Farrar');
    const annotation = fakeAnnotation(t, { PERSON: ['Naomi Ashford'] });
    for (const name of ['Farrar', 'Straus', 'Giroux']) {
      const at = t.indexOf(name);
      annotation.mentions.push({ start: at, end: at + name.length, type: 'PERSON' });
    }
    annotation.mentions.push({ start: second, end: second + 'Farrar, Straus and Giroux'.length, type: 'ORGANIZATION' });
    annotation.mentions.sort((a, b) => a.start - b.start);
    const out = enrichText(t, annotation, { rethrow: true });
    expect(people(out)).toEqual(['Naomi Ashford']);
    expect(out.entities.find((e) => e.type === 'ORGANIZATION')?.mentions).toHaveLength(2);
  });

  it('a name headed by a body’s word that the model passed over is an organisation; after "a" it is a kind', () => {
    const t = 'The World Wide Fund for Nature said in a statement that the deal “missed an opportunity.”';
    const out = enrich(t, {});
    expect(out.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['World Wide Fund for Nature/ORGANIZATION']);
    expect(speakers(out)).toEqual(['World Wide Fund for Nature']);
    expect(enrich('The teenagers were masquerading as a Tax Preparation Service online.', {}).entities).toEqual([]);
  });

  it('a one-word place followed by its state stays a place where a person has that name', () => {
    const t = 'Northfield is based in Madison, Wisconsin. Madison Clarke, an analyst, liked the deal.';
    const out = enrich(t, { PERSON: ['Madison Clarke'], LOCATION: ['Madison', 'Wisconsin'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`).sort()).toEqual([
      'Madison Clarke/PERSON',
      'Madison/LOCATION',
      'Wisconsin/LOCATION',
    ]);
  });
});

describe('places, bodies and the people of bodies (read from set K, checked on set L)', () => {
  it('a one-word place with its region is a place, and so is that word elsewhere as the model reads it', () => {
    const t =
      'HAMILTON, Ontario — Teachers walked out. Education Minister Grace Hamilton said talks would resume.\n\n' +
      'Damage was worst around Florence, Alabama. Florence Gaines lost her roof. Shelters opened in Florence and Corinth.';
    const out = enrich(t, {
      LOCATION: ['HAMILTON', 'Ontario', 'Florence', 'Alabama', 'Corinth'],
      PERSON: ['Grace Hamilton', 'Florence Gaines'],
    });
    const names = out.entities.map((e) => `${e.name}/${e.type}`);
    expect(names).toEqual(
      expect.arrayContaining(['Hamilton/LOCATION', 'Grace Hamilton/PERSON', 'Florence/LOCATION', 'Florence Gaines/PERSON']),
    );
    expect(out.entities.find((e) => e.name === 'Florence')?.mentions).toHaveLength(2);
  });

  it('a place right before a body opening with a body’s word is that body’s first word', () => {
    const t = 'The Pennsylvania Chamber of Business and Industry endorsed her.';
    const out = enrich(t, { LOCATION: ['Pennsylvania'], ORGANIZATION: ['Chamber of Business and Industry'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Pennsylvania Chamber of Business and Industry/ORGANIZATION']);
  });

  it('a body cut short reaches as far as the words that spell the acronym the text uses', () => {
    const t = 'Support will come from the Organization for Security and Co-operation in Europe. The OSCE will send observers.';
    const out = enrich(t, { ORGANIZATION: ['Organization for Security', 'OSCE'], LOCATION: ['Europe'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Organization for Security and Co-operation in Europe/ORGANIZATION']);
    // no acronym spelled: unchanged
    const u = 'Support will come from the Organization for Security and Co-operation in Europe.';
    expect(enrich(u, { ORGANIZATION: ['Organization for Security'], LOCATION: ['Europe'] }).entities).toHaveLength(2);
  });

  it('"Sofia Brandt of Nordhavn Capital in Copenhagen wrote": a person of a body, who speaks, not the place', () => {
    const t = 'Sofia Brandt of Nordhavn Capital in Copenhagen wrote that sales were “likely capped at second-line use” for now.';
    const out = enrich(t, { ORGANIZATION: ['Sofia Brandt of Nordhavn Capital'], LOCATION: ['Copenhagen'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`).sort()).toEqual([
      'Copenhagen/LOCATION',
      'Nordhavn Capital/ORGANIZATION',
      'Sofia Brandt/PERSON',
    ]);
    expect(speakers(out)).toEqual(['Sofia Brandt']);
    expect(enrich('Bank of America rose.', { ORGANIZATION: ['Bank of America'] }).entities.map((e) => e.name)).toEqual(['Bank of America']);
  });

  it('a person "of" a body "in" a place, then a relative clause: the person speaks', () => {
    const t =
      'Prof. Hannah Lindqvist of the Karolinska Institute in Stockholm, who was not involved, said the benefit was “real but modest” and noted it.';
    const out = enrich(
      t,
      { PERSON: ['Hannah Lindqvist'], ORGANIZATION: ['Karolinska Institute'], LOCATION: ['Stockholm'] },
      { JJ: ['overall'] },
    );
    expect(speakers(out)).toEqual(['Hannah Lindqvist']);
  });
});

describe('a relative or role holder left unnamed speaks (read from blind sets K and L)', () => {
  const first = '“We will not back down,” said Mary Jones, the union president.';

  it('"Her sister was more blunt. “…,” she said": the sister, as the text names her', () => {
    const out = enrich(`${first} Her sister was more blunt. “It is a scandal,” she said.`, { PERSON: ['Mary Jones'] });
    expect(speakers(out)).toEqual(['Mary Jones', 'Her sister']);
  });

  it('"Jones’s lawyer disagreed": the possessor opening the sentence is not its subject', () => {
    const out = enrich(`${first} Jones’s lawyer disagreed. “It is a scandal,” he said.`, { PERSON: ['Mary Jones', 'Jones'] });
    expect(speakers(out)).toEqual(['Mary Jones', 'Jones’s lawyer']);
  });

  it('no stance taken, a pronoun of the other gender, or the relative named: the person the text is about', () => {
    const noStance = enrich(`${first} Her mother was a nurse. “It is a scandal,” she said.`, { PERSON: ['Mary Jones'] });
    expect(speakers(noStance)).toEqual(['Mary Jones', 'Mary Jones']);
    const gender = enrich(`${first} Her brother was more blunt. “It is a scandal,” she said.`, { PERSON: ['Mary Jones'] });
    expect(speakers(gender)).toEqual(['Mary Jones', 'Mary Jones']);
    const named = enrich(`${first} Her sister, Ann Jones, was more blunt. “It is a scandal,” she said.`, {
      PERSON: ['Mary Jones', 'Ann Jones'],
    });
    expect(speakers(named)).toEqual(['Mary Jones', 'Ann Jones']);
  });
});

describe('who speaks, read from blind sets N and O', () => {
  it('"One porter, who … asked not to be named, said:" — the phrase before the relative clause, whatever verbs it holds', () => {
    const t =
      'Staff met on Monday. One porter, who has worked at Hollinsfield General for 19 years and asked not to be named, said: “We feel sold off.”';
    expect(speakers(enrich(t, { LOCATION: ['Hollinsfield General'] }))).toEqual(['One porter']);
    const whose = 'Staff met. A cattle grazier whose land borders the lease said: “The river comes up everywhere.”';
    expect(speakers(enrich(whose, {}))).toEqual(['A cattle grazier']);
  });

  it('"A spokeswoman for Carbrook Facilities Services said … “…,” she said": the role with whom it speaks for', () => {
    const t = 'Talks failed. A spokeswoman for Carbrook Facilities Services said the terms were fair. “We have been clear,” she said.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Carbrook Facilities Services'] }))).toEqual([
      'A spokeswoman for Carbrook Facilities Services',
    ]);
    const verb = 'Talks failed. A spokesperson for the commission declined to comment. “We have been clear,” she said.';
    expect(speakers(enrich(verb, {}, { VBD: ['declined'] }))).toEqual(['A spokesperson for the commission']);
  });

  it('a role word in front of a body’s name, and a body by its kind', () => {
    const group = 'Patients’ group Healthwatch Weldshire urged both sides to “get back round the table” at once.';
    expect(speakers(enrich(group, { ORGANIZATION: ['Healthwatch Weldshire'] }))).toEqual(['Healthwatch Weldshire']);
    const chamber =
      'The Northfield Chamber of Commerce called for cuts. Economist Priya Natarajan agreed. ' +
      '“Every month of delay costs jobs,” the chamber said in a statement.';
    const out = enrich(chamber, { ORGANIZATION: ['Northfield Chamber of Commerce'], PERSON: ['Priya Natarajan'] });
    expect(speakers(out)).toEqual(['Northfield Chamber of Commerce']);
  });

  it('a verb joined by "and" shares the subject of the one before it', () => {
    const t =
      'Cameroon’s minister, Paul Mbarga, said his country hosts refugees in its Far North region and asked donors to remember “the host communities who have shared everything”.';
    expect(speakers(enrich(t, { PERSON: ['Paul Mbarga'], LOCATION: ['Cameroon', 'Far North'] }))).toEqual(['Paul Mbarga']);
  });

  it('the person named after a role: "said Nigeria’s foreign minister, Adaeze Nwosu", "The MP for Sandmere and Cleethorpes, Natalie Osei, said"', () => {
    const after = '“We did not come only for money,” said Nigeria’s foreign minister, Adaeze Nwosu.';
    expect(speakers(enrich(after, { PERSON: ['Adaeze Nwosu'], LOCATION: ['Nigeria'] }))).toEqual(['Adaeze Nwosu']);
    const seat = 'Dockers walked out. The MP for Sandmere and Cleethorpes, Natalie Osei, said ministers should “get off the fence”.';
    expect(speakers(enrich(seat, { PERSON: ['Cleethorpes', 'Natalie Osei'], LOCATION: ['Sandmere'] }))).toEqual(['Natalie Osei']);
  });
});

describe('bodies the model cut or misread, read from blind sets N and O', () => {
  const orgs = (out: ReturnType<typeof enrich>) => out.entities.filter((e) => e.type === 'ORGANIZATION').map((e) => e.name);

  it('a portfolio list of subjects of several words, "the" in front of any, is one body; people listed after it are not', () => {
    const t = 'The Department of Climate Change, Energy, the Environment and Water approved the mine.';
    const out = enrich(t, { ORGANIZATION: ['Department of Climate Change', 'Energy', 'Environment and Water'] });
    expect(orgs(out)).toEqual(['Department of Climate Change, Energy, the Environment and Water']);
    const people = 'Officials from the Ministry of Health, Tom Reid and Ana Sousa met on Monday.';
    const p = enrich(people, { ORGANIZATION: ['Ministry of Health'], PERSON: ['Tom Reid', 'Ana Sousa'] });
    expect(orgs(p)).toEqual(['Ministry of Health']);
  });

  it('"Friends of Mill Meadow", "University of Colorado": a name after a body’s word and "of" is the body’s', () => {
    const t = 'The campaign group Friends of Mill Meadow met staff from the University of Colorado.';
    const out = enrich(t, { PERSON: ['Mill Meadow'], LOCATION: ['Colorado'] });
    expect(orgs(out).sort()).toEqual(['Friends of Mill Meadow', 'University of Colorado']);
    expect(people(out)).toEqual([]);
  });

  it('"Ohio State" is a team in a basketball report', () => {
    const t = 'Kentucky beat Ohio State 78-74. Ellery had nine rebounds and two turnovers, and a late layup and a dunk sealed it.';
    const out = enrich(t, { LOCATION: ['Kentucky', 'Ohio State'], PERSON: ['Ellery'] });
    expect(orgs(out)).toContain('Ohio State');
  });

  it('a person named inside a prepositional phrase is not the subject a later pronoun stands for', () => {
    const t =
      'The MP for Sandmere and Cleethorpes, Natalie Osei, said the government should act.\n\n“Ministers cannot keep waiting,” she wrote.';
    expect(speakers(enrich(t, { PERSON: ['Cleethorpes', 'Natalie Osei'], LOCATION: ['Sandmere'] }))).toEqual(['Natalie Osei']);
  });
});

describe('an unnamed speaker and a firm by its trade (sets N and O)', () => {
  it('"One driver, … said …. “… . …,” he said": the sentences of the quotation do not push the introduction out of reach', () => {
    const t =
      'Drivers protested, which Tembo blamed on a partner.\n\n' +
      'One driver, who asked not to be named, said payments had improved. “Now the money comes the same day. Before, you wait one week,” he said.';
    expect(speakers(enrich(t, { PERSON: ['Tembo'] }))).toEqual(['One driver']);
  });

  it('a name ending on a trade ("Tembo Freight") is a firm', () => {
    const out = enrich('Tembo Freight raised $42 million.', { PERSON: ['Tembo Freight'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Tembo Freight/ORGANIZATION']);
  });
});

describe('a participle after a comma (set O)', () => {
  it('"X, which is owned by Y, defended it in a statement, saying “…”": the sentence’s subject speaks', () => {
    const t =
      'Lumora, which is owned by the media group Harcastle Entertainment, defended the edit in a statement, saying it had “worked with the filmmakers throughout”.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Lumora', 'Harcastle Entertainment'] }))).toEqual(['Lumora']);
  });
});

describe('read from blind set P', () => {
  const typed = (out: ReturnType<typeof enrich>) => out.entities.map((e) => `${e.name}/${e.type}`).sort();

  it('an agency named for a sector and its country, a national body of an organisation, a body whose place has its kind', () => {
    const t = 'Transport Scotland said so. NHS England agreed. The Isle of Fennick Community Council met Hebridean and Clyde Ferries.';
    const out = enrich(t, {
      LOCATION: ['Scotland', 'England'],
      ORGANIZATION: ['NHS', 'Fennick Community Council', 'Clyde Ferries'],
    });
    expect(typed(out)).toEqual([
      'Hebridean and Clyde Ferries/ORGANIZATION',
      'Isle of Fennick Community Council/ORGANIZATION',
      'NHS England/ORGANIZATION',
      'Transport Scotland/ORGANIZATION',
    ]);
  });

  it('a US party’s tag names a place ("Sen. Carol Warren, D-St. Louis,")', () => {
    const out = enrich('Sen. Carol Warren, D-St. Louis, called it a gimmick.', { PERSON: ['Carol Warren', 'Louis'] });
    expect(typed(out)).toEqual(['Carol Warren/PERSON', 'St. Louis/LOCATION']);
  });

  it('"the company said" is a firm, not the court named since; "dismissed … as “…”" reports words', () => {
    const t = 'Vibra said it would appeal to the General Court in Luxembourg. “We strongly disagree,” the company said.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Vibra', 'General Court'], LOCATION: ['Luxembourg'] }))).toEqual(['Vibra']);
    const d = 'Party leader Francis Oduya dismissed the allegations as “the cries of a party that has lost touch”.';
    expect(speakers(enrich(d, { PERSON: ['Francis Oduya'] }))).toEqual(['Francis Oduya']);
  });

  it('a pronoun opening the sentence of a joined verb, and an unnamed role with whom it is of', () => {
    const t = 'Danny Kingsley was banned. He was fined in 2019, and joked on X that he was ‘the slowest man in light entertainment’.';
    expect(speakers(enrich(t, { PERSON: ['Danny Kingsley'] }))).toEqual(['Danny Kingsley']);
    const u =
      'Elena Quintero laughed. The owner of the bakery next door, who asked that her name not be used, said she worried. “The landlord calls,” she said.';
    expect(speakers(enrich(u, { PERSON: ['Elena Quintero'] }))).toEqual(['The owner of the bakery next door']);
  });
});

describe('two family names (set Q)', () => {
  it('"Rodrigo Paredes Villanueva" … "Paredes said": the first family name is short for the person; a middle name is not', () => {
    const t =
      'Rodrigo Paredes Villanueva, the bank’s head, objected. Luis Alberto Torres de la Cruz agreed. ' +
      '“It is a mistake,” Paredes said. “So it is,” Torres said.';
    const out = enrich(t, { PERSON: ['Rodrigo Paredes Villanueva', 'Luis Alberto Torres de la Cruz', 'Paredes', 'Torres'] });
    expect(people(out).sort()).toEqual(['Luis Alberto Torres de la Cruz', 'Rodrigo Paredes Villanueva']);
    const middle = enrich('John Michael Smith spoke. Michael laughed.', { PERSON: ['John Michael Smith', 'Michael'] });
    expect(people(middle).sort()).toEqual(['John Michael Smith', 'Michael']);
  });
});

describe('places, storms and teams read as people (set Q)', () => {
  const typed = (out: ReturnType<typeof enrich>) => out.entities.map((e) => `${e.name}/${e.type}`).sort();

  it('a storm’s name, a place after "in", a saint’s town in a list of places, a racing team', () => {
    const t =
      'Typhoon Dalisay hit on Sunday. “I can’t live in Kildare and do that,” she said. ' +
      'Hearings will be held in Madison and St. Paul. Halvorsen Motorsport protested.';
    const out = enrich(t, { PERSON: ['Typhoon Dalisay', 'Kildare', 'St. Paul', 'Halvorsen Motorsport'], LOCATION: ['Madison'] });
    expect(typed(out)).toEqual([
      'Halvorsen Motorsport/ORGANIZATION',
      'Kildare/LOCATION',
      'Madison/LOCATION',
      'St. Paul/LOCATION',
      'Typhoon Dalisay/LOCATION',
    ]);
    // a person's view is no place
    expect(typed(enrich('In Smith’s view, it failed.', { PERSON: ['Smith'] }))).toEqual(['Smith/PERSON']);
  });
});

// Read from blind set R (a UK health story, a cricket report, a US court, an Ontario election, an
// Australian inquiry): roles and names the model's words alone left wrong.
describe('roles around names (set R)', () => {
  const orgs = (out: ReturnType<typeof enrich>) => out.entities.filter((e) => e.type === 'ORGANIZATION').map((e) => e.name);

  it('"A Department of Health and Social Care spokesperson said": the role, not the body’s own "Department"', () => {
    const t = 'A Department of Health and Social Care spokesperson said: ‘We are determined to cut waiting times.’';
    expect(speakers(enrich(t, { ORGANIZATION: ['Department of Health and Social Care'] }))).toEqual([
      'A Department of Health and Social Care spokesperson',
    ]);
    // a body speaking in its own name still speaks
    const u = 'The Department of Health and Social Care said: ‘We are determined to cut waiting times.’';
    expect(speakers(enrich(u, { ORGANIZATION: ['Department of Health and Social Care'] }))).toEqual([
      'Department of Health and Social Care',
    ]);
  });

  it('plural agent nouns are roles ("Inspectors said"), and a team’s captain is no team', () => {
    const t = 'Inspectors said they saw ‘frail and elderly patients waiting on trolleys for many hours’.';
    expect(speakers(enrich(t, {}))).toEqual(['Inspectors']);
    const u = '“Both teams bowled on the same pitch,” the Mumbai captain said.';
    expect(speakers(enrich(u, { LOCATION: ['Mumbai'] }))).toEqual(['Mumbai captain']);
  });

  it('"Fire and Rescue NSW" in a list, and "Columbus Division of Police": one body each', () => {
    const t = 'It is examining the response of the RFS, Fire and Rescue NSW and the NSW Police Force.';
    expect(orgs(enrich(t, { ORGANIZATION: ['RFS', 'Rescue NSW', 'NSW Police Force'] })).sort()).toEqual([
      'Fire and Rescue NSW',
      'NSW Police Force',
      'RFS',
    ]);
    // (two names listed before "and" stay two)
    const u = 'Talks with Apple, Google and Microsoft Research ended.';
    expect(orgs(enrich(u, { ORGANIZATION: ['Apple', 'Google', 'Microsoft Research'] })).sort()).toEqual([
      'Apple',
      'Google',
      'Microsoft Research',
    ]);
    const v = 'Officers of the Columbus Division of Police arrested him.';
    expect(orgs(enrich(v, { ORGANIZATION: ['Columbus Division of Police'] }))).toEqual(['Columbus Division of Police']);
  });

  it('after a body’s possessive, a place’s name that is a given name, before a surname, is a person ("the NDP’s Sofia Almeida")', () => {
    const t = 'Greg Vandermeer beat the NDP’s Sofia Almeida by 387 votes.';
    expect(people(enrich(t, { PERSON: ['Greg Vandermeer'], ORGANIZATION: ['NDP'], LOCATION: ['Sofia Almeida'] })).sort()).toEqual([
      'Greg Vandermeer',
      'Sofia Almeida',
    ]);
    // (no possessive: "Sofia Central" may be a station; a word the text writes in lower case is no surname)
    expect(people(enrich('They met at Sofia Central.', { LOCATION: ['Sofia Central'] }))).toEqual([]);
    expect(people(enrich('The NDP’s Sofia Central office, the central one, opened.', { LOCATION: ['Sofia Central'] }))).toEqual([]);
  });
});

describe('a sentence opened by a preposition (set R)', () => {
  it('"Under questioning from counsel, Daniel Fairweather SC, Mr Keighley said …" — “…,” he said: Keighley', () => {
    const t =
      'Under questioning from counsel assisting the inquiry, Daniel Fairweather SC, Mr Keighley said the fire had been faster than predicted.\n\n' +
      '"I am not going to pretend the system worked," he said.';
    expect(speakers(enrich(t, { PERSON: ['Daniel Fairweather', 'Keighley'] }))).toEqual(['Keighley']);
    // (no preposition opening it: the sentence's first person is its subject, as before)
    const u = 'Daniel Fairweather questioned Mr Keighley, who said the fire had been fast.\n\n"We did our best," he said.';
    expect(speakers(enrich(u, { PERSON: ['Daniel Fairweather', 'Keighley'] }))).toEqual(['Daniel Fairweather']);
  });

  it('"On Thursday, under questioning by Lena Ortiz, she said …" — “…,” she said: the woman named before, not the questioner', () => {
    const t =
      'Denise Carver, 51, pleaded guilty in May.\n\n' +
      'On Thursday, under questioning by Assistant Prosecutor Lena Ortiz, she said her son had arrived after 1 a.m.\n\n' +
      '“He was shaking,” she said.';
    expect(speakers(enrich(t, { PERSON: ['Denise Carver', 'Lena Ortiz'] }))).toEqual(['Denise Carver']);
  });
});

describe('speech verbs (set R)', () => {
  it('"X congratulated Y and said …": the subject of the clause’s first verb, not its object', () => {
    const t =
      'A spokesperson for the premier’s office congratulated Vandermeer and said voters "want a government that gets things built."';
    expect(speakers(enrich(t, { PERSON: ['Vandermeer'] }, { VBD: ['congratulated', 'said'] }))).toEqual([
      'A spokesperson for the premier’s office',
    ]);
  });

  it('"she bellows": a stage’s shout reports words', () => {
    const t = 'Frontwoman Harriet Cole whips through the set. “Wildwood, you have still got it,” she bellows.';
    expect(speakers(enrich(t, { PERSON: ['Harriet Cole'], LOCATION: ['Wildwood'] }))).toEqual(['Harriet Cole']);
  });
});

describe('a paper named by its title’s last word (set R)', () => {
  const orgs = (out: ReturnType<typeof enrich>) => out.entities.filter((e) => e.type === 'ORGANIZATION').map((e) => e.name);
  it('"the Gazette" after "the Ketterby Gazette" is that paper; with two papers ending so, it stays apart', () => {
    const t = 'The Ketterby Gazette reported it first. A spokesman told the Gazette it was wrong.';
    expect(orgs(enrich(t, { ORGANIZATION: ['Ketterby Gazette', 'Gazette'] }))).toEqual(['Ketterby Gazette']);
    // (a company named without "the" is another: "Tribune, the owner of the Chicago Tribune")
    const v = 'Tribune, the owner of the Chicago Tribune, was sold. Tribune declined to comment.';
    expect(orgs(enrich(v, { ORGANIZATION: ['Tribune', 'Chicago Tribune'] })).sort()).toEqual(['Chicago Tribune', 'Tribune']);
    const u = 'The Ketterby Gazette and the Fenwick Gazette reported it. A spokesman told the Gazette it was wrong.';
    expect(orgs(enrich(u, { ORGANIZATION: ['Ketterby Gazette', 'Fenwick Gazette', 'Gazette'] })).sort()).toEqual([
      'Fenwick Gazette',
      'Gazette',
      'Ketterby Gazette',
    ]);
  });
});

describe('leads and roles (set S)', () => {
  const ents = (out: ReturnType<typeof enrich>) => out.entities.map((e) => `${e.name}/${e.type}`).sort();

  it('"X said:" ending a paragraph gives the quotation that opens the next, and its continuation', () => {
    const t =
      'In a statement, the firm’s chief executive, Bradley Hutchins, said:\n\n' +
      '“We have enormous respect for our workforce.\n\n“What we cannot do is agree to these rules.”';
    expect(speakers(enrich(t, { PERSON: ['Bradley Hutchins'] }))).toEqual(['Bradley Hutchins', 'Bradley Hutchins']);
  });

  it('a lead with no speech verb ending on a colon introduces its subject’s words when the subject is a person', () => {
    const t = 'Declan O’Sullivan, the chief financial officer, was blunter when he described the outlook:\n\n“Provisions will stay high.”';
    expect(speakers(enrich(t, { PERSON: ['Declan O’Sullivan'] }, { VBD: ['was', 'described'] }))).toEqual(['Declan O’Sullivan']);
    const u = 'The report from Harlow Council was blunt:\n\n“Funding was cut too early.”';
    expect(speakers(enrich(u, { ORGANIZATION: ['Harlow Council'] }, { VBD: ['was'] }))).toEqual([null]);
  });

  it('a title with a place in it before the person: "U.S. District Judge X of the Y District said"', () => {
    const t =
      'NORFOLK, Va. - A federal judge on Friday ordered Tidewater Water Co. to pay.\n\n' +
      'U.S. District Judge Hannah Rosario-Whitfield of the Eastern District of Virginia said in a 64-page opinion that the conduct ' +
      'was "reckless in the plainest sense of that word."';
    const out = enrich(t, {
      PERSON: ['Hannah Rosario-Whitfield'],
      LOCATION: ['U.S.', 'Eastern District of Virginia', 'NORFOLK', 'Va.'],
      ORGANIZATION: ['Tidewater Water Co.'],
    });
    expect(speakers(out)).toEqual(['Hannah Rosario-Whitfield']);
  });

  it('"A spokesperson for the commission in Vientiane said": the place says where, the role speaks', () => {
    const t = 'A spokesperson for the commission in Vientiane said: "The whole basin is under stress."';
    expect(speakers(enrich(t, { LOCATION: ['Vientiane'] }))).toEqual(['A spokesperson for the commission']);
  });

  it('"the spokesperson said" is the role as the text introduced it, whose it is included', () => {
    const t =
      'A spokesperson for the Ministry of Transportation said the review would start soon. ' +
      '"We will not wait for the final report," the spokesperson said.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Ministry of Transportation'] }))).toEqual([
      'A spokesperson for the Ministry of Transportation',
    ]);
  });

  it('a speech word used as a noun is no cue ("in a research note"), a participle still is', () => {
    const t = 'Morgan Whitby, the investment bank, said in a research note that the price was "full but defensible," adding more.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Morgan Whitby'] }, { NN: ['research', 'note', 'price'], DT: ['a', 'the'] }))).toEqual([
      'Morgan Whitby',
    ]);
    const u = 'The Electoral Commission issued a statement warning that "voters are entitled to transparency."';
    expect(speakers(enrich(u, { ORGANIZATION: ['Electoral Commission'] }, { NN: ['statement', 'warning'], DT: ['a'] }))).toEqual([
      'Electoral Commission',
    ]);
  });

  it('places by what only places are: "in neighbouring X", "provinces, including X, Y and Z", "X province", a dateline', () => {
    const t =
      'BEN TRE, Vietnam - Salt water spread. In Ben Tre province, crops failed. Fields across eight provinces, including Ca Mau, ' +
      'Kien Giang and Tra Vinh, were hit. In neighbouring Soc Trang, Thach Thi Sophal switched crops.';
    const out = enrich(t, {
      PERSON: ['BEN TRE', 'Ben Tre', 'Ca Mau', 'Kien Giang', 'Tra Vinh', 'Soc Trang', 'Thach Thi Sophal'],
      LOCATION: ['Vietnam'],
    });
    expect(ents(out)).toEqual([
      'Ben Tre/LOCATION',
      'Ca Mau/LOCATION',
      'Kien Giang/LOCATION',
      'Soc Trang/LOCATION',
      'Thach Thi Sophal/PERSON',
      'Tra Vinh/LOCATION',
      'Vietnam/LOCATION',
    ]);
  });

  it('a model mention is cut where two names meet (an unclosed parenthesis, a spaced dash, a comma between longer names)', () => {
    const t =
      'LONDON (Example News) - Harrington & Lowe Group said it would buy a rival. A professor at the University of Washington, ' +
      'Bank of Cascadia’s adviser, agreed. The Foreign, Commonwealth and Development Office said nothing.';
    const out = enrich(t, {
      LOCATION: ['LONDON'],
      ORGANIZATION: [
        'Example News) - Harrington & Lowe Group',
        'University of Washington, Bank of Cascadia',
        'Foreign, Commonwealth and Development Office',
      ],
    });
    expect(ents(out)).toEqual([
      'Bank of Cascadia/ORGANIZATION',
      'Example News/ORGANIZATION',
      'Foreign, Commonwealth and Development Office/ORGANIZATION',
      'Harrington & Lowe Group/ORGANIZATION',
      'London/LOCATION',
      'University of Washington/ORGANIZATION',
    ]);
  });

  it('two firms joined by "and" stay two; a body "the Xs and Y Z" or "U.S. Xs and Y Z" is one', () => {
    const t = 'The bond was arranged by Barclays and Deutsche Bank. Officers from U.S. Customs and Border Protection came.';
    const out = enrich(t, { ORGANIZATION: ['Barclays', 'Deutsche Bank', 'U.S. Customs', 'Border Protection'] });
    expect(ents(out)).toEqual(['Barclays/ORGANIZATION', 'Deutsche Bank/ORGANIZATION', 'U.S. Customs and Border Protection/ORGANIZATION']);
  });

  it('a place of hyphened parts stays whole ("Dunkwa-on-Offin"); a modifier hyphened in front still goes ("NBA-leading Lakers")', () => {
    const t = 'Miners gathered in Dunkwa-on-Offin and Stratford-upon-Avon. The NBA-leading Lakers won.';
    const out = enrich(t, { LOCATION: ['Dunkwa-on-Offin', 'Stratford-upon-Avon'], ORGANIZATION: ['NBA-leading Lakers'] });
    expect(ents(out)).toEqual(['Dunkwa-on-Offin/LOCATION', 'Lakers/ORGANIZATION', 'Stratford-upon-Avon/LOCATION']);
  });

  it('a body cut at a word written small reaches as far as the acronym the text gives it', () => {
    const t = 'The Medicines and Healthcare products Regulatory Agency (MHRA) approved it. The MHRA said it was "a careful assessment."';
    const out = enrich(t, { ORGANIZATION: ['Medicines and Healthcare', 'Regulatory Agency', 'MHRA'] });
    expect(ents(out)).toEqual(['Medicines and Healthcare products Regulatory Agency/ORGANIZATION']);
  });
});

describe('reported words in front of a noun', () => {
  it("\"X said it had made a 'fair and generous' offer\": a phrase the speech verb reports is X's; one word stays the writer's", () => {
    const t = 'Harbor Foods said it had made a "fair and generous" offer to shareholders.';
    expect(speakers(enrich(t, { ORGANIZATION: ['Harbor Foods'] }))).toEqual(['Harbor Foods']);
    const one = 'Nadia Cruz said the "interim" government had no mandate.';
    expect(speakers(enrich(one, { PERSON: ['Nadia Cruz'] }))).toEqual([null]);
    const unreported = 'Harbor Foods made a "fair and generous" offer to shareholders.';
    expect(speakers(enrich(unreported, { ORGANIZATION: ['Harbor Foods'] }))).toEqual([null]);
  });
});

describe('a body named for a list before its head word', () => {
  it('"the Foreign, Commonwealth and Development Office" is one body, and its spokesperson is named with all of it', () => {
    const t = 'A spokesperson for the Foreign, Commonwealth and Development Office said: "We are deeply concerned."';
    const out = enrich(t, { ORGANIZATION: ['Commonwealth and Development Office'] });
    expect(out.entities.map((e) => e.name)).toEqual(['Foreign, Commonwealth and Development Office']);
    expect(speakers(out)).toEqual(['A spokesperson for the Foreign, Commonwealth and Development Office']);
  });

  it('a word of the list that is a name of its own keeps the list apart ("the Sydney, Melbourne and Brisbane Airports")', () => {
    const t = 'Delays hit the Sydney, Melbourne and Brisbane Airports on Friday.';
    const out = enrich(t, { LOCATION: ['Sydney', 'Melbourne'], ORGANIZATION: ['Brisbane Airports'] });
    expect(out.entities.map((e) => e.name).sort()).toEqual(['Brisbane Airports', 'Melbourne', 'Sydney']);
  });
});

describe('a one-name person the model passed over', () => {
  it('"Sutrisno, the chairman of the inquiry, told reporters …" is a person, there and further on', () => {
    const t = 'Sutrisno, the chairman of the inquiry, told reporters it would take a year. "We will find the cause," Sutrisno said.';
    const out = enrich(t, {});
    expect(out.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Sutrisno/PERSON']);
    expect(speakers(out)).toEqual(['Sutrisno']);
  });
});
