import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from '../testing/real-engine';

// Speakers found by what carries over from one sentence to the next (the subject the story is
// about, the person a role points back to), on the real CoreNLP server. Sentences of our own.
const engine = createRealEngine();
const speakerOf = async (t: string, fragment: string): Promise<string | null | undefined> =>
  (await enrichWithModel(engine, t)).quotes.find((q) => q.text.includes(fragment))?.speaker;

describe('speakers carried from sentence to sentence', () => {
  beforeAll(() => requireReady(engine));

  it('a pronoun goes on with the subject the sentence before also called so, not with the name it holds', async () => {
    const t = [
      'Marisol Ventura has taught piano in Galveston for forty years.',
      'She learned from Desmond Okafor, a church organist, who let her practise on his bench.',
      '“He never once told me I was good,” she said. “That was the lesson.”',
    ].join('\n\n');
    expect(await speakerOf(t, 'never once')).toBe('Marisol Ventura');
    expect(await speakerOf(t, 'the lesson')).toBe('Marisol Ventura');
  });

  it('"the keeper said": a role of no known person points to the person the sentence before named', async () => {
    const t = [
      'Arlo Stenning had scored twice before the break. Stenning then hit the post, and Stenning was booked for dissent.',
      'Pieter Dunwell was calmer. ‘He pushed me, simple as that,’ the keeper said.',
    ].join('\n\n');
    expect(await speakerOf(t, 'simple as that')).toBe('Pieter Dunwell');
  });

  it('"the Italian smiled and said": a demonym for someone named, another verb of the same subject stepped over', async () => {
    const t = [
      'Ivo Castelli was booked for his protests.',
      'Asked whether he feared a ban, the Italian smiled and said: ‘I have said nothing. You all heard me.’',
    ].join('\n\n');
    expect(await speakerOf(t, 'said nothing')).toBe('Ivo Castelli');
  });

  it('a name with "and" or a word like "State" inside is the speaker whole', async () => {
    const t =
      'The Food and Agriculture Organization of the United Nations called the pact “an example for other fisheries”. A senior official of the Kerala State Fisheries Board said the deal was “overdue”.';
    expect(await speakerOf(t, 'an example')).toBe('Food and Agriculture Organization of the United Nations');
    expect(await speakerOf(t, 'overdue')).toMatch(/official/);
  });

  it('a given name that is also a known place is the person the text named in full', async () => {
    const t = 'Odessa Marchand plays piano in New Orleans. She learned from Clarence Fontenot, a pianist. Odessa said it was fun.';
    const people = (await enrichWithModel(engine, t)).entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(people.sort()).toEqual(['Clarence Fontenot', 'Odessa Marchand']);
  });

  it('"as X put it", "X called from", "the association, which said", a chain of appositives', async () => {
    const t = [
      'Corin Vasquez, a Republican from Kansas, questioned the secretary for an hour.',
      'As he put it after the hearing: “I did not come here to hand out helicopters.”',
      'Nell Adebayo still sings, including, as she put it, “for the people I love.”',
      'The plan drew fire from the Rural Clinics Alliance, which said in a statement that it “risks more closures”.',
      'Tobias Grell, 78, a retired ferry pilot from Quincy, Massachusetts, said that the walk “became my favourite hour.”',
      'Dr. Ama Serwaa, a surgeon at Korle Bu Teaching Hospital in Accra, Ghana, who was not involved, called the design “clean and sensible”.',
      '“Mama, we are going to be late,” Jo Adebayo called from the hallway.',
    ].join('\n\n');
    const out = (await enrichWithModel(engine, t)).quotes;
    const by = (f: string): string | null | undefined => out.find((q) => q.text.includes(f))?.speaker;
    expect(by('helicopters')).toBe('Corin Vasquez');
    expect(by('people I love')).toBe('Nell Adebayo');
    expect(by('more closures')).toBe('Rural Clinics Alliance');
    expect(by('favourite hour')).toBe('Tobias Grell');
    expect(by('clean and sensible')).toBe('Ama Serwaa');
    expect(by('going to be late')).toBe('Jo Adebayo');
  });

  it('a place in the head, a relative clause, a seat after the name, a capitalised role, an honorific', async () => {
    const t = [
      'Greens MP for Ballina, Tamsin Orrell, said the authority had spent “two years writing reports”.',
      'Ivo Brandt, who created “Harbor Lights” after a decade writing for network procedurals, described the handover as “painless”.',
      'Lord Tennant of Wrexford, who chaired the review, put it best: ‘We built a fire brigade.’',
      'Urban Development Minister Suma Rajan said the ward would get water. “Operators who charge more will lose their licences,” the Minister said.',
      'The chairman, Alhaji Musa Adeyemi, told journalists that “the union has waited long enough”.',
    ].join('\n\n');
    const out = await enrichWithModel(engine, t);
    const by = (f: string): string | null | undefined => out.quotes.find((q) => q.text.includes(f))?.speaker;
    expect(by('two years')).toBe('Tamsin Orrell');
    expect(by('painless')).toBe('Ivo Brandt');
    expect(by('fire brigade')).toMatch(/Tennant/);
    expect(by('lose their licences')).toBe('Suma Rajan');
    expect(by('waited long enough')).toBe('Musa Adeyemi');
    expect(out.entities.map((e) => e.name)).not.toContain('Alhaji Musa Adeyemi');
  });

  it('the same pronoun earlier in the sentence carries the subject past a name ("whether she … Falkner, she quipped")', async () => {
    const t = [
      'Dana Whitmore takes over the series in May.',
      'Whitmore, for her part, sounded unbothered. Asked on Monday whether she was nervous about following Owen Falk, she quipped, “Owen left me a lighthouse.”',
    ].join('\n\n');
    expect(await speakerOf(t, 'lighthouse')).toBe('Dana Whitmore');
  });

  it('the text\'s own pronouns give a gender where no name list does ("she said" passes over Tavio)', async () => {
    const t = [
      'Zanele Mokoena runs the fishers’ cooperative in the bay.',
      'Tavio Kerremans, 58, has fished the bay since he was a boy. “They gave him a pamphlet,” she said.',
    ].join('\n\n');
    expect(await speakerOf(t, 'pamphlet')).toBe('Zanele Mokoena');
  });

  it('a titled surname is the one the text gave that title; "Cllr" is a title; "the council" is the council named last', async () => {
    const t = [
      'Her daughter, Dr. Mira Halvorsen-Tate, spoke at the service. Her son, Piet Halvorsen-Tate, read a poem.',
      'Dr. Halvorsen-Tate, a cardiologist in Leeds, put it simply: “She never stopped working.”',
      'Cllr Geoffrey Pannard said the site had “no lawful grounds” for refusal.',
      'Wickham and Dray Borough Council approved the plan, the BBC reported. In a statement, the council said: ‘All material matters were considered.’',
    ].join('\n\n');
    const out = await enrichWithModel(engine, t);
    const by = (f: string): string | null | undefined => out.quotes.find((q) => q.text.includes(f))?.speaker;
    expect(by('never stopped')).toBe('Mira Halvorsen-Tate');
    expect(by('lawful grounds')).toBe('Geoffrey Pannard');
    expect(by('material matters')).toBe('Wickham and Dray Borough Council');
  });

  it('a capitalised word of a name is no speech verb ("NSW State Emergency Service … told")', async () => {
    const t = [
      'The river rose overnight and the town was cut off from the highway by the water.',
      '“Crews have worked since last night,” NSW State Emergency Service Deputy Commissioner Kara Holm told reporters.',
    ].join('\n\n');
    expect(await speakerOf(t, 'Crews have worked')).toBe('Kara Holm');
    // nor is a bare "state" ("told Russian state television")
    const u = [
      'The shelling went on through the night near the front line, residents said.',
      'Pavel Orlin, the deputy administrator of the occupied town, told Russian state television that people were moved out “for their own safety”.',
    ].join('\n\n');
    expect(await speakerOf(u, 'own safety')).toBe('Pavel Orlin');
  });

  it('a pronoun after a sentence whose subject is a role goes to the person given that role ("the mother … she said")', async () => {
    const t = [
      'The trial of Dario Venn went on for a third day before a full gallery of relatives.',
      'Sola’s mother, Ines Sola, sat in the second row. Venn’s sister, Kiri Venn, sat two seats away. During a recess, the mother spoke briefly to reporters.',
      '“My daughter wanted to be a nurse,” she said.',
    ].join('\n\n');
    expect(await speakerOf(t, 'wanted to be a nurse')).toBe('Ines Sola');
  });

  it('"the prosecutor" is the one named with the office, even after "a prosecutor" opened the story; a role is read up to a verb only', async () => {
    const t = [
      'TACOMA, Wash. — A prosecutor urged jurors on Tuesday to convict the warehouse owner of manslaughter.',
      '“He chose to keep that door chained,” Deputy Prosecuting Attorney Rena Alvo told jurors in her closing argument.',
      'In rebuttal, the prosecutor told jurors that the defense’s story “falls apart the minute you look at the invoice.”',
      'A spokesperson for the actors’ union confirmed that Mira Vale’s exit was agreed. “This is a personal choice,” the spokesperson said.',
    ].join('\n\n');
    const out = (await enrichWithModel(engine, t)).quotes;
    const by = (f: string): string | null | undefined => out.find((q) => q.text.includes(f))?.speaker;
    expect(by('falls apart')).toBe('Rena Alvo');
    expect(by('personal choice')).toMatch(/spokesperson/);
  });

  it('a phrase that is a name whole is that name; "the Office of the …" is no role; an object is no subject', async () => {
    const t = [
      'The club’s owner has not been seen at the ground since October, and the fans have run out of patience.',
      'The Department for Culture, Media and Sport says it is ‘monitoring the situation closely’. Monitoring is not a plan.',
      'According to the Office of the Auditor General, the department had “no reliable way to know who was connected”.',
      'Environment Minister Ricardo Sena announced the plan. Tomas Ferreira, a community leader from the upper river, travelled to the capital for the announcement. Speaking in Portuguese, he addressed the minister directly from the floor.',
      '“Minister Sena, you came to our village last year,” he said.',
    ].join('\n\n');
    const out = (await enrichWithModel(engine, t)).quotes;
    const by = (f: string): string | null | undefined => out.find((q) => q.text.includes(f))?.speaker;
    expect(by('monitoring the situation')).toBe('Department for Culture, Media and Sport');
    expect(by('no reliable way')).toBe('Office of the Auditor General');
    expect(by('our village')).toBe('Tomas Ferreira');
  });
});

describe('speakers of one surname, pointing ahead, reacting', () => {
  beforeAll(() => requireReady(engine));

  it('a bare surname stays with the person it has meant so far when a second one of that name is named in full', async () => {
    const t = [
      'A jury convicted Martin Vesey, the founder of a payments firm, of fraud on Friday. Vesey, 41, showed no reaction.',
      'The key witness was Paul Vesey, his younger brother, who had kept the books. “I believed him,” Paul Vesey told the jury.',
      '“I am innocent and I will appeal,” Vesey said outside the court.',
    ].join('\n\n');
    expect(await speakerOf(t, 'I will appeal')).toBe('Martin Vesey');
    expect(await speakerOf(t, 'I believed him')).toBe('Paul Vesey');
  });

  it('a pronoun in an opening clause points ahead to the name that opens the main clause', async () => {
    const t = [
      'Dario Fenn captained the side for the last time on Saturday.',
      'Asked what he expected from the rematch, Luca Brandt did not hesitate. ‘A lot of elbows,’ he said.',
    ].join('\n\n');
    expect(await speakerOf(t, 'elbows')).toBe('Luca Brandt');
  });

  it('a quotation right after someone smiles or laughs is theirs', async () => {
    const t = [
      'Rosa Imbert scored twice on Saturday.',
      'Asked whether she had spoken to her sister at the final whistle, she smiled. ‘She told me I was lucky. She is not wrong.’',
    ].join('\n\n');
    expect(await speakerOf(t, 'I was lucky')).toBe('Rosa Imbert');
  });
});

describe('nicknames, titles that tell a gender, a role before the name', () => {
  beforeAll(() => requireReady(engine));

  it('a nickname in quotation marks is part of no quotation and cuts no name; "Mr" is not the wife', async () => {
    const t = [
      'Colin "Blue" Henderson, who runs cattle east of Wakool, said the water figure was low.',
      '"We had two good years," Mr Henderson said.',
      '"He is too stubborn to remember," his wife Trish Henderson said with a laugh.',
      '"We will get through it," Mr Henderson said.',
    ].join('\n\n');
    const out = await enrichWithModel(engine, t);
    expect(out.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Colin Henderson', 'Trish Henderson']);
    expect(out.quotes.find((q) => q.text === 'Blue')?.speaker ?? null).toBeNull();
    expect(await speakerOf(t, 'two good years')).toBe('Colin Henderson');
    expect(await speakerOf(t, 'too stubborn')).toBe('Trish Henderson');
    expect(await speakerOf(t, 'get through it')).toBe('Colin Henderson');
  });

  it('"Cr" is a councillor\'s title', async () => {
    const t = 'Councillor Bernadette Quaife chairs the shire. "The whole town hurts," Cr Quaife said.';
    const out = await enrichWithModel(engine, t);
    expect(out.entities.map((e) => e.name)).toEqual(['Bernadette Quaife']);
    expect(await speakerOf(t, 'whole town')).toBe('Bernadette Quaife');
  });
});

describe('statements and the roles of their issuers', () => {
  beforeAll(() => requireReady(engine));

  it('"the statement said" is whoever the text said issued it, not the organisation named last', async () => {
    const t = [
      'Prairie Mill Cooperative chief executive Dale Vorhees said in a written statement that the company was “heartbroken.”',
      'The Marlow County Sheriff’s Office said two workers were still missing.',
      '“Our focus is on the families of our employees,” the statement said.',
    ].join('\n\n');
    expect(await speakerOf(t, 'Our focus')).toBe('Dale Vorhees');
  });

  it('a role right after a name is no appositive when it is the subject of "said"; "Hon." is a title', async () => {
    const t = [
      'The state chairman of the party, Hon. Adewale Ogunsanya, dismissed the claims.',
      'In a statement issued by his adviser, Mr. Tunde Bakare-Olu, the chairman said, “The primary was free and fair.”',
    ].join('\n\n');
    expect(await speakerOf(t, 'free and fair')).toBe('Adewale Ogunsanya');
  });
});

describe('a quotation after the sentence that shows its speaker', () => {
  beforeAll(() => requireReady(engine));

  it('a person introduced as the subject of the sentence before, in the same paragraph, says the quotation', async () => {
    const t = [
      'The clinic ran out of pills on Monday, the health department said.',
      'Thandeka Mbeki, 43, has been on treatment since 2011 and collects her medication in Libode. “I have never missed a day in fourteen years.”',
    ].join('\n\n');
    expect(await speakerOf(t, 'never missed a day')).toBe('Thandeka Mbeki');
  });

  it('a named subject before a relative clause reports, and the quotation after goes on with it', async () => {
    const t = [
      'Dorian Vasquez hit the winning shot with two seconds left.',
      'Vasquez, who grew up 20 minutes from campus in Kettering, said he had dreamed of a shot like that. Then the crowd came down. “My dad used to bring me here when I was 7.”',
    ].join('\n\n');
    expect(await speakerOf(t, 'My dad used to')).toBe('Dorian Vasquez');
  });
});

describe('a profile of one person', () => {
  beforeAll(() => requireReady(engine));

  it('"he says" far from any name is the person the story opened with; the nickname with the surname is that person', async () => {
    const t = [
      'Oluwaseun “Seun” Adebayo has cut hair on Soho Road in Handsworth for 41 years.',
      'The shop sits between a bakery and a phone repair stall. The rent has tripled since 1990. The chairs are the originals. The radio studio is the size of a cupboard. The transmitter came from a scrapyard in Walsall.',
      'He arrived in Birmingham from Lagos in 1979. “I was fixing radios for people on the side,” he says.',
      'Ask anyone on Soho Road for Seun Adebayo and they will point you to the shop.',
    ].join('\n\n');
    const out = await enrichWithModel(engine, t);
    expect(out.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Oluwaseun Adebayo']);
    expect(await speakerOf(t, 'fixing radios')).toBe('Oluwaseun Adebayo');
  });
});

describe('riders and their teams', () => {
  beforeAll(() => requireReady(engine));

  it('"the Frenchman said" is the rider just named; a team named after "X of" is no person', async () => {
    const t = [
      'Mateo Arrieta of Lidl-Trek won the stage on Thursday.',
      'Lucas Perrin, who spent 180km off the front, said he had no regrets. “You win nothing in the peloton,” the Frenchman said.',
    ].join('\n\n');
    const out = await enrichWithModel(engine, t);
    expect(out.entities.find((e) => e.name === 'Lidl-Trek')?.type).toBe('ORGANIZATION');
    expect(await speakerOf(t, 'peloton')).toBe('Lucas Perrin');
  });
});

describe('small words of speech and gender', () => {
  beforeAll(() => requireReady(engine));

  it('"as he puts it"; a degree is no role; a name at the end of a sentence gets no gender from the next one', async () => {
    const t = [
      'Desmond Achterberg has repaired radios in Leeds for forty years.',
      'He arrived from Rotterdam in 1979, aged 26, with a degree in engineering and, as he puts it, “no friends and one coat”.',
    ].join('\n\n');
    expect(await speakerOf(t, 'no friends')).toBe('Desmond Achterberg');
  });
});

describe('gender from the text first, then from a list of given names', () => {
  beforeAll(() => requireReady(engine));

  it('a given name of the longer list tells a woman from the man "he" means; the text\'s own "he" outweighs the list', async () => {
    const t = [
      'Oluwaseun Adebayo has run the barbershop for 41 years.',
      'Presenters who began there include Marcia Okafor. He is proud of them. “They had the talent. I had the transmitter,” he says.',
    ].join('\n\n');
    expect(await speakerOf(t, 'the transmitter')).toBe('Oluwaseun Adebayo');
    // ("Hemi" is a woman's name in the list; the text says "he")
    const u = [
      'Te Rūnanganui o Ngāti Porou opened its marae to evacuees.',
      'Ruatōria sheep farmer Hemi Walker said the river had risen higher than he had ever seen it.',
      '“We lost fences and stock,” he said.',
    ].join('\n\n');
    expect(await speakerOf(u, 'lost fences')).toBe('Hemi Walker');
  });
});
