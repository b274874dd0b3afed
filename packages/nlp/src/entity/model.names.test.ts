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

describe('names of products, sources and lists (issue 11, unseen pages)', () => {
  const names = (out: ReturnType<typeof enrich>) => out.entities.map((e) => `${e.name}/${e.type}`).sort();

  it('a voice assistant is no person; a person who shares its name stays one', () => {
    const t = 'Ask Alexa for the weather, or say “Hey Cortana” to the laptop. Bixby-enabled phones sold well.';
    expect(enrich(t, { PERSON: ['Alexa', 'Cortana', 'Bixby'] }).entities).toEqual([]);
    const p = 'Alexa Torrin designed the dress. Alexa laughed when asked about it.';
    expect(names(enrich(p, { PERSON: ['Alexa Torrin', 'Alexa'] }))).toEqual(['Alexa Torrin/PERSON']);
  });

  it('a lone word read as a person is a publication where a source is named, a maker before a model name', () => {
    const t = 'A nurse told Pressline that the ward was full. Later, Pressline contacted the ministry.';
    expect(names(enrich(t, { PERSON: ['Pressline'] }))).toEqual(['Pressline/ORGANIZATION']);
    const m = 'Velko 3-in-1 Charging Pad\n\nVelko also sells a cheaper dock, and Velko’s X200 cable is fine.';
    expect(names(enrich(m, { PERSON: ['Velko'] }))).toEqual(['Velko/ORGANIZATION']);
    expect(names(enrich(m, { LOCATION: ['Velko'] }))).toEqual(['Velko/ORGANIZATION']);
    // a known place stays one ("Tokyo 2020", "Paris 8")
    expect(names(enrich('Paris 8 students marched in Paris.', { LOCATION: ['Paris'] }))).toEqual(['Paris/LOCATION']);
    // what the model passed over: the subject of "reports that"
    const r = 'As the week ended, Tidewire reports that the studio passed on the script.';
    expect(names(enrich(r, {}))).toEqual(['Tidewire/ORGANIZATION']);
    const b = 'A history of shipping, according to a report by Harbor Ledger, is due.';
    expect(names(enrich(b, { PERSON: ['Harbor Ledger'] }))).toEqual(['Harbor Ledger/PERSON']);
  });

  it('a lone surname stays a person when the text makes it one (a title, a speech verb, a full name)', () => {
    const t = '“We lost,” Brandt said. Reporters told Brandt that the club would appeal.';
    expect(names(enrich(t, { PERSON: ['Brandt'] }))).toEqual(['Brandt/PERSON']);
    const u = 'Mr. Okafor left early. Aides told Okafor that the vote was close.';
    expect(names(enrich(u, { PERSON: ['Okafor'] }))).toEqual(['Okafor/PERSON']);
    const v = 'Dana Whitlow won. Fans told Whitlow that the 2024 season was hers.';
    expect(names(enrich(v, { PERSON: ['Dana Whitlow', 'Whitlow'] }))).toEqual(['Dana Whitlow/PERSON']);
    // a year after a name is no model name ("Okafor 2028", a campaign)
    expect(names(enrich('Signs read Okafor 2028 across town.', { PERSON: ['Okafor'] }))).toEqual(['Okafor/PERSON']);
  });

  it('a given name ending a product’s model name is no person', () => {
    expect(enrich('I tested the Zephyr 12 Pro Max for a week, and the 12 Max too.', { PERSON: ['Max'] }).entities).toEqual([]);
    // someone named in full with the word keeps it; a rank is no model number
    const t = 'The Zephyr 12 Max sold out. Max Ortega liked it.';
    expect(names(enrich(t, { PERSON: ['Max', 'Max Ortega'] }))).toEqual(['Max Ortega/PERSON']);
    expect(names(enrich('Seeded No. 2 Kovacic won, and No. 3 seed Ilves lost.', { PERSON: ['Kovacic'] }))).toEqual(['Kovacic/PERSON']);
    // a year before a name is no model number
    expect(names(enrich('In 2019 Harlan won.', { PERSON: ['Harlan'] }))).toEqual(['Harlan/PERSON']);
  });

  it('"<maker> TV" is the maker’s set when the maker is named alone', () => {
    const t = 'Velkor makes phones. I bought a Velkor TV for the den.';
    const out = enrich(t, { ORGANIZATION: ['Velkor', 'Velkor TV'] });
    expect(names(out)).toEqual(['Velkor/ORGANIZATION']);
    expect(out.entities[0]?.mentions.map((m) => m.text)).toEqual(['Velkor', 'Velkor']);
  });

  it('a name owning an office ("Ana Ruiz’s Captain Vance") keeps its last word', () => {
    const t = 'Chris Dalby starred. He plays the father of Chris Oduya’s Captain Rell Vance.';
    const out = enrich(t, { PERSON: ['Chris Dalby', 'Chris Oduya', 'Rell Vance'] });
    expect(names(out)).toEqual(['Chris Dalby/PERSON', 'Chris Oduya/PERSON', 'Rell Vance/PERSON']);
  });

  it('a name does not end on "of": the office after it is not cut into the name', () => {
    const t = 'Former House of Delegates Speaker Ana Ruiz spoke.';
    expect(names(enrich(t, { ORGANIZATION: ['House of Delegates'], PERSON: ['Ana Ruiz'] }))).toEqual([
      'Ana Ruiz/PERSON',
      'House of Delegates/ORGANIZATION',
    ]);
  });

  it('a name cut at "and" takes its first word back; two names joined by "and" stay two', () => {
    const t = 'They hope for a potential Jazz and Blues Hall of Fame nod.';
    expect(names(enrich(t, { ORGANIZATION: ['Blues Hall of Fame'] }))).toEqual(['Jazz and Blues Hall of Fame/ORGANIZATION']);
    const u = 'Talks on the Zorvan and Kestrel Alliance deal ended.';
    expect(names(enrich(u, { MISC: ['Zorvan'], ORGANIZATION: ['Kestrel Alliance'] }))).toEqual(['Kestrel Alliance/ORGANIZATION']);
    const v = 'It charges an iTab Go and Lenfield Book quickly.';
    expect(names(enrich(v, { ORGANIZATION: ['Lenfield Book'] }))).toEqual(['Lenfield Book/ORGANIZATION']);
  });

  it('a place ends on its capitalised word ("Hallan province" is Hallan)', () => {
    const t = 'The outbreak began in Hallan province. Hallan is remote.';
    const out = enrich(t, { LOCATION: ['Hallan province', 'Hallan'] });
    expect(out.entities.map((e) => [e.name, e.type, e.mentions.map((m) => m.text)])).toEqual([
      ['Hallan', 'LOCATION', ['Hallan', 'Hallan']],
    ]);
  });

  it('a label joined by an underscore is no part of a name', () => {
    const t = 'Staff: Director_Mina Park, Composer_Lee Soo Ah';
    expect(names(enrich(t, { PERSON: ['Director_Mina Park', 'Soo Ah'] }))).toEqual(['Lee Soo Ah/PERSON', 'Mina Park/PERSON']);
  });

  it('a person named by initials is the one person of that surname whose given name fits', () => {
    const t = 'Ramon Oduya died on Monday. Tributes to R. K. Oduya poured in, and T. Oduya spoke.';
    const out = enrich(t, { PERSON: ['Ramon Oduya', 'R. K. Oduya', 'T. Oduya'] });
    expect(out.entities.find((e) => e.name === 'Ramon Oduya')?.mentions.map((m) => m.text)).toEqual(['Ramon Oduya', 'R. K. Oduya']);
    expect(names(out)).toContain('T. Oduya/PERSON');
  });

  it('the town after "name, age, of" is a place, whatever the model read', () => {
    const t = 'Deputies arrested Lena Voss, 41, of Marlin, and Tom Reyes 29, of Dunmore on Friday.';
    const out = enrich(t, { PERSON: ['Lena Voss', 'Tom Reyes', 'Marlin'], ORGANIZATION: [] });
    expect(names(out)).toEqual(['Dunmore/LOCATION', 'Lena Voss/PERSON', 'Marlin/LOCATION', 'Tom Reyes/PERSON']);
  });

  it('an outlet the model passed over: "X reported on …", "publication X"', () => {
    const t = 'Harbor Gazette reported on Monday that the pier would close. The plan was first seen by trade publication Quaymark.';
    expect(names(enrich(t, {}))).toEqual(['Harbor Gazette/ORGANIZATION', 'Quaymark/ORGANIZATION']);
    // "Hosting Quaymark" opens a sentence: a verb, not part of the name; nor does a person who
    // "reported to the police" become an outlet
    const u = 'Rolling Ledger reported earlier that the mill shut. Dana Ruiz reported to the police.';
    expect(names(enrich(u, { PERSON: ['Dana Ruiz'] }))).toEqual(['Dana Ruiz/PERSON', 'Rolling Ledger/ORGANIZATION']);
    const v = 'The studio said in a statement to Marrow Weekly that talks ended. A spokesman confirmed to QUILLON that the deal was off.';
    expect(names(enrich(v, {}))).toEqual(['Marrow Weekly/ORGANIZATION', 'QUILLON/ORGANIZATION']);
  });

  it('a surname shared by two people named in full is the one named last before it', () => {
    const t = 'The son of former chancellor Karl von Ellen, Felix von Ellen was hurt. A talk by von Ellen had begun.';
    const out = enrich(t, { PERSON: ['Karl von Ellen', 'Felix von Ellen', 'von Ellen'] });
    expect(out.entities.map((e) => [e.name, e.mentions.map((m) => m.text)])).toEqual([
      ['Karl von Ellen', ['Karl von Ellen']],
      ['Felix von Ellen', ['Felix von Ellen', 'von Ellen']],
    ]);
  });

  it('a count is cut off a name the text also writes without it; a name that has one keeps it', () => {
    const t = 'Charges for Jon Reed: Two Ketterby County warrants. A Ketterby County deputy came.';
    expect(names(enrich(t, { PERSON: ['Jon Reed'], LOCATION: ['Two Ketterby County', 'Ketterby County'] }))).toEqual([
      'Jon Reed/PERSON',
      'Ketterby County/LOCATION',
    ]);
    const u = 'Three Mile Island is quiet. Visitors to Three Mile Island are few.';
    expect(names(enrich(u, { LOCATION: ['Three Mile Island', 'Three Mile Island'] }))).toEqual(['Three Mile Island/LOCATION']);
  });

  it('an ordinary word opening a sentence is no name; a corporate suffix alone names nothing', () => {
    const t = 'Nobody here ever made jam. Jam always seemed like hard work.';
    expect(enrich(t, { PERSON: ['Jam'] }).entities).toEqual([]);
    // a given name that is also a word stays a person
    expect(names(enrich('She paid the bill. Bill laughed.', { PERSON: ['Bill'] }))).toEqual(['Bill/PERSON']);
    expect(enrich('Sponsored by #Brightmark, Inc. and its partners.', { ORGANIZATION: ['Inc.'] }).entities).toEqual([]);
  });

  it('an organisation ends on its capitalised word, or on a head word written small', () => {
    const t = 'Vantor Volt wall chargers are compact.';
    expect(names(enrich(t, { ORGANIZATION: ['Vantor Volt wall chargers'] }))).toEqual(['Vantor Volt/ORGANIZATION']);
    const u = 'The Democratic Unity party won.';
    expect(names(enrich(u, { ORGANIZATION: ['Democratic Unity party'] }))).toEqual(['Democratic Unity party/ORGANIZATION']);
  });

  it('a surname after "from" or "to" is the person named in full, unless it is a known place', () => {
    const t = 'Envoy Gordon Varnell testified. He ignored suggestions from Varnell.';
    const out = enrich(t, { PERSON: ['Gordon Varnell'], LOCATION: ['Varnell'] });
    expect(out.entities.map((e) => [e.name, e.type, e.mentions.length])).toEqual([['Gordon Varnell', 'PERSON', 2]]);
    const u = 'Lloyd Austin spoke on Monday. Then the team landed in Austin.';
    expect(names(enrich(u, { PERSON: ['Lloyd Austin'], LOCATION: ['Austin'] }))).toEqual(['Austin/LOCATION', 'Lloyd Austin/PERSON']);
  });

  it('a known place between a name and a role qualifies the role ("the White House Russia adviser")', () => {
    const t = 'Lena Ortiz, the Foreign Office Serbia expert, and a former Trade Council China adviser spoke.';
    const out = enrich(t, { PERSON: ['Lena Ortiz'], ORGANIZATION: ['Foreign Office Serbia', 'Trade Council China'] });
    expect(names(out)).toEqual(['Foreign Office/ORGANIZATION', 'Lena Ortiz/PERSON', 'Trade Council/ORGANIZATION']);
  });

  it('two firms the model read as one, a bank cut before its place, a person of an employer, a company prefix', () => {
    const t =
      'Northmark is advised by BMO Capital Markets and Osler, Hoskin & Harcourt LLP. Lenders are led by the Bank of Nova Scotia. Ms Koh Li Ping of Barclays described it as a "sugar high". Groupe Valliere agreed.';
    const out = enrich(t, {
      ORGANIZATION: ['Northmark', 'BMO Capital Markets and Osler, Hoskin & Harcourt LLP', 'Bank of Nova'],
      LOCATION: ['Scotia'],
      PERSON: ['Koh Li Ping of Barclays', 'Groupe Valliere'],
    });
    expect(out.entities.map((e) => `${e.name}/${e.type}`).sort()).toEqual([
      'BMO Capital Markets/ORGANIZATION',
      'Bank of Nova Scotia/ORGANIZATION',
      'Barclays/ORGANIZATION',
      'Groupe Valliere/ORGANIZATION',
      'Koh Li Ping/PERSON',
      'Northmark/ORGANIZATION',
      'Osler, Hoskin & Harcourt LLP/ORGANIZATION',
    ]);
    expect(out.quotes.find((q) => q.text === 'sugar high')?.speaker).toBe('Koh Li Ping');
    // a peer's seat stays with the peer
    const lord = enrich('Lord Tinsley of Wrexborough spoke.', { PERSON: ['Tinsley of Wrexborough'] });
    expect(lord.entities.map((e) => e.name)).toEqual(['Tinsley of Wrexborough']);
  });

  it('a body "X of Y" read apart from its country is "of" that country too; a company and a place stay two', () => {
    const t =
      'The National Union of Coastal Weavers of Gambia said talks had failed. The Ministry of Fisheries of Gambia agreed. Volta Mills of Ghana did not, and a study of the Institute of Textiles of Gambia’s members followed.';
    const out = enrich(t, {
      ORGANIZATION: ['National Union of Coastal Weavers', 'Ministry of Fisheries', 'Volta Mills', 'Institute of Textiles'],
      LOCATION: ['Gambia', 'Gambia', 'Ghana', 'Gambia'],
    });
    expect(names(out)).toEqual([
      'Gambia/LOCATION',
      'Ghana/LOCATION',
      'Institute of Textiles/ORGANIZATION',
      'Ministry of Fisheries of Gambia/ORGANIZATION',
      'National Union of Coastal Weavers of Gambia/ORGANIZATION',
      'Volta Mills/ORGANIZATION',
    ]);
  });

  it('a one-word "person" with customers, or bought, is a company', () => {
    const t = 'If you own a Hearthly thermostat, act now. Brightline bought Hearthly in 2023. Many Hearthly customers were angry.';
    const out = enrich(t, { PERSON: ['Hearthly', 'Hearthly', 'Hearthly'], ORGANIZATION: ['Brightline'] });
    expect(typeOf(out, 'Hearthly')).toBe('ORGANIZATION');
  });

  it('a platform where posts are is an organisation, and never the one who posted', () => {
    const t =
      'During the standoff, the sheriff\'s department posted on X: "Deputies are assisting." Dana Ruiz shared it on Reddit on Monday. She grew up on Crete.';
    const out = enrich(t, { PERSON: ['Dana Ruiz', 'Reddit'], LOCATION: ['Crete'] });
    expect(out.entities.map((e) => `${e.name}/${e.type}`).sort()).toEqual([
      'Crete/LOCATION',
      'Dana Ruiz/PERSON',
      'Reddit/ORGANIZATION',
      'X/ORGANIZATION',
    ]);
    expect(out.quotes[0]?.speaker).not.toBe('X');
  });

  it('a known short name with words in front is another organisation; a state in front keeps the party', () => {
    const t = 'The Liberal Democrats said the figures were bad. Kentucky Democrats won. The Democrats lost.';
    const out = enrich(t, {});
    expect(out.entities.map((e) => e.name).sort()).toEqual(['Democratic Party', 'Kentucky', 'Liberal Democrats']);
  });

  it('"… of Socialists" and "Democrats": a plural the model left out of an "of" name is taken in', () => {
    const t = 'The Progressive Alliance of Socialists and Democrats said no. The Democrats and Republicans agreed.';
    const out = enrich(t, { ORGANIZATION: ['Progressive Alliance of Socialists'] });
    expect(out.entities.map((e) => e.name)).toContain('Progressive Alliance of Socialists and Democrats');
  });

  it('a bracketed short form, a name without its "of" phrase, a demonym in front: one organisation each', () => {
    const t =
      'The European Chemical Industry Council (Cefic) objected. Cefic said so twice. The Canadian Civil Liberties Association (CCLA) agreed, and the CCLA will appeal to the Supreme Court of Canada. The Supreme Court rarely hears such cases. MPs voted.';
    const out = enrich(t, {
      ORGANIZATION: [
        'European Chemical Industry Council',
        'Cefic',
        'Cefic',
        'Civil Liberties Association',
        'CCLA',
        'CCLA',
        'Supreme Court of Canada',
        'Supreme Court',
        'MPs',
      ],
    });
    expect(out.entities.map((e) => `${e.name}: ${e.mentions.map((m) => m.text).join(', ')}`).sort()).toEqual([
      'Canadian Civil Liberties Association: Canadian Civil Liberties Association, CCLA, CCLA',
      'European Chemical Industry Council: European Chemical Industry Council, Cefic, Cefic',
      'Supreme Court of Canada: Supreme Court of Canada, Supreme Court',
    ]);
  });

  it('a peer is named by title, surname and seat, and the seat is no entity of its own', () => {
    const t = 'Lord Kershaw of Saltaire told the committee the target was "never credible". Kershaw said so again.';
    const out = enrich(t, { PERSON: ['Kershaw', 'Kershaw'], LOCATION: ['Saltaire'] });
    expect(out.entities.map((e) => e.name)).toEqual(['Lord Kershaw of Saltaire']);
    expect(out.quotes[0]?.speaker).toBe('Lord Kershaw of Saltaire');
  });

  it('a name ending on an organisation word stays an organisation when an appositive person follows it', () => {
    const t = 'At his appearance in Pima County Consolidated Justice Court, a prosecutor asked for a higher bond.';
    const out = enrich(t, { PERSON: ['Pima County Consolidated Justice Court'] });
    expect(typeOf(out, 'Pima County Consolidated Justice Court')).toBe('ORGANIZATION');
  });

  it('a company named with its industry word is one, and its short name is the same company', () => {
    const t =
      'Pindan Resources will close the mine. Pindan held talks with Hunan Xinlong Materials. The Tucson Police Department said Tucson was calm.';
    const out = enrich(t, {
      ORGANIZATION: ['Pindan Resources', 'Tucson Police Department'],
      LOCATION: ['Pindan', 'Tucson'],
      PERSON: ['Hunan Xinlong Materials'],
    });
    expect(out.entities.map((e) => `${e.name}/${e.type}: ${e.mentions.map((m) => m.text).join(', ')}`).sort()).toEqual([
      'Hunan Xinlong Materials/ORGANIZATION: Hunan Xinlong Materials',
      'Pindan Resources/ORGANIZATION: Pindan Resources, Pindan',
      'Tucson Police Department/ORGANIZATION: Tucson Police Department',
      'Tucson/LOCATION: Tucson',
    ]);
  });
});
