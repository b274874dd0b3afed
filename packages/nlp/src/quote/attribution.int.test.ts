import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from '../testing/real-engine';
import type { Quote } from '../types';

// The rules attribute quotations on top of the model's names and sentences: the real CoreNLP server.
const engine = createRealEngine();
const quotes = async (t: string): Promise<Quote[]> => (await enrichWithModel(engine, t)).quotes;
const speakerOf = async (t: string, fragment: string): Promise<string | null | undefined> =>
  (await quotes(t)).find((q) => q.text.includes(fragment))?.speaker;

describe('quotation patterns', () => {
  beforeAll(() => requireReady(engine));

  it('direct quote, then name and cue', async () => {
    const [q] = await quotes('“We are ready to talk,” Angela Merkel said on Monday.');
    expect(q).toMatchObject({ kind: 'direct', cue: 'said', speaker: 'Angela Merkel', speakerType: 'PERSON' });
  });

  it('direct quote, then cue and name or role', async () => {
    expect(await speakerOf('“It was a mistake,” said Senator Maria Lopez.', 'mistake')).toBe('Maria Lopez');
    expect(await speakerOf('“Prices will rise,” says veteran industry analyst Ken Doctor.', 'Prices')).toBe('Ken Doctor');
  });

  it('name with an appositive before the cue', async () => {
    const t = '“We had some issues,” Mayer, the company’s chairman of streaming and international, said Tuesday.';
    expect(await speakerOf(t, 'issues')).toBe('Mayer');
  });

  it('split quote: both parts go to the speaker between them', async () => {
    const t = 'Ruth Diaz spoke first.\n\n“Part one,” she said, “part two.”';
    const qs = await quotes(t);
    expect(qs.map((q) => q.speaker)).toEqual(['Ruth Diaz', 'Ruth Diaz']);
  });

  it('partial quote inside the reporter’s sentence', async () => {
    const t = 'Carlos Mendes said the plan was “having a material effect on prices” and would stay.';
    const [q] = await quotes(t);
    expect(q).toMatchObject({ kind: 'partial', speaker: 'Carlos Mendes', cue: 'said' });
  });

  it('"according to" attribution, before or after', async () => {
    expect(await speakerOf('According to Jane Okafor, the storm was “the worst in a century”.', 'worst')).toBe('Jane Okafor');
    expect(await speakerOf('The storm was “the worst in a century,” according to Jane Okafor.', 'worst')).toBe('Jane Okafor');
  });

  it('colon attribution, in the same paragraph or the one before', async () => {
    expect(await speakerOf('Ms Persson said: “The case is closed.”', 'closed')).toBe('Persson');
    expect(await speakerOf('Prosecutor Eva Holm said:\n\n“The case is closed.”', 'closed')).toBe('Eva Holm');
  });

  it('an unattributed paragraph-long quote continues the previous speaker', async () => {
    const t = '“The first thing,” Paul Novak said.\n\n“And the second thing follows from it.”\n\nThe hearing ended.';
    expect((await quotes(t)).map((q) => q.speaker)).toEqual(['Paul Novak', 'Paul Novak']);
  });

  it('a second quote in the paragraph after "X said." keeps X', async () => {
    const t = '“I was not there,” Kurt Hansen said. “I learned of it later.”';
    expect((await quotes(t)).map((q) => q.speaker)).toEqual(['Kurt Hansen', 'Kurt Hansen']);
  });

  it('"he said" goes to the subject of the sentence before', async () => {
    const t = 'Tim Morrow met President Anna Berg in Kyiv. He said the talks were “frank and useful”.';
    expect(await speakerOf(t, 'frank')).toBe('Tim Morrow');
  });

  it('"the minister" goes to the person given that role', async () => {
    const t = 'Lars Vik, the finance minister, spoke in Oslo.\n\n“We will cut taxes,” the minister said.';
    expect(await speakerOf(t, 'cut taxes')).toBe('Lars Vik');
  });

  it('an unnamed role is kept as written', async () => {
    expect(await speakerOf('“Nobody was hurt,” a police spokesperson said.', 'Nobody')).toBe('a police spokesperson');
  });

  it('a country or an organisation can speak', async () => {
    const t = 'China has said it sold no arms, adding that it is “not a party to the conflict”.';
    expect((await quotes(t))[0]).toMatchObject({ speaker: 'China', speakerType: 'LOCATION' });
    expect(await speakerOf('The Arab League called it an “extremely adverse development”.', 'adverse')).toBe('Arab League');
  });

  it('the listener of "told" or "telling" is not the speaker', async () => {
    const t = 'Wang Yi met Antony Blinken.\n\n“Relations are improving,” Wang told Blinken.';
    expect(await speakerOf(t, 'Relations')).toBe('Wang Yi');
  });

  it('scare quotes, nicknames and titles get no speaker', async () => {
    const t =
      'Despite its “no limits” partnership with Moscow, Beijing said little.\n\n' +
      'They were known as the "Three Amigos." Volker said he never used the term "three amigos."\n\n' +
      'Brown said she loved the film “Mary Poppins” as a child.';
    for (const q of await quotes(t)) expect(q.speaker, q.text).toBeNull();
  });

  it('a question quote followed by "Schiff asked." goes to Schiff', async () => {
    const t = 'Adam Schiff pressed on.\n\n"So you have not fixed the \'Giuliani problem\'?" Schiff asked.';
    expect(await speakerOf(t, 'Giuliani')).toBe('Adam Schiff');
  });

  it('after a full stop inside the marks, the next sentence does not attribute', async () => {
    const t = 'The White House said that Joe Biden "looks forward to working with both parties." Aide Ann Lee declined to say more.';
    expect(await speakerOf(t, 'looks forward')).toBe('White House');
  });

  it('"calling it" reports words; "called the" names', async () => {
    const t = 'Chuck Schumer rejected the plan, calling it "a nonstarter" for his caucus.';
    expect(await speakerOf(t, 'nonstarter')).toBe('Chuck Schumer');
  });

  it('a role subject with a named appositive goes to the name', async () => {
    const t = 'Missy Cummings spoke.\n\nCummings’s lawyer, Daniel Ortiz, told CNN the agency had "waited far too long" to act.';
    expect(await speakerOf(t, 'waited')).toBe('Daniel Ortiz');
  });

  it('single quote marks as the main quotation marks (British style)', async () => {
    const t = "Prime Minister Boris Johnson visited Newcastle. 'This has been a tough weekend,' he told reporters.";
    expect(await speakerOf(t, 'tough weekend')).toBe('Boris Johnson');
  });

  it('"He told the BBC: ..." — the listener before the colon is not the speaker', async () => {
    const t = "Mick Lynch spoke.\n\nHe told the BBC: 'We have tried everything to reach a deal.'";
    expect(await speakerOf(t, 'tried everything')).toBe('Mick Lynch');
  });

  it('a fragment that reads like a clause is a quote, even when short', async () => {
    const t = 'Eric Goldman spoke. He added that the case "will almost certainly" reach the justices.';
    expect(await speakerOf(t, 'almost certainly')).toBe('Eric Goldman');
  });

  it('"called the ruling X" reports words', async () => {
    const t = 'Ken Paxton was angry. In a tweet, he called the ruling "a blow to free speech" and vowed to appeal.';
    expect(await speakerOf(t, 'blow')).toBe('Ken Paxton');
  });

  it('"she" skips a man named in between; "he" skips a woman', async () => {
    const t = 'Anna Berg met Tom Weller in Oslo. Weller had arrived late.\n\nShe said the talks were "frank and useful".';
    expect(await speakerOf(t, 'frank')).toBe('Anna Berg');
    const u = 'Mr. Ortiz met Ms. Hale in Oslo. Hale had arrived late.\n\nHe said the talks were "frank and useful".';
    expect(await speakerOf(u, 'frank')).toBe('Ortiz');
  });
});
