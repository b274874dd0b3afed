import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from '../testing/real-engine';

// Clubs named after their towns, and companies told by the words around them, on the real model.
// Sentences of our own (none from a data set).
const engine = createRealEngine();
const types = async (t: string) => new Map((await enrichWithModel(engine, t)).entities.map((e) => [e.name, e.type]));

describe('what the words around a name say it is', () => {
  beforeAll(() => requireReady(engine));

  it('in a match report a town that plays, owns players or is played against is the club; "in" the town stays a town', async () => {
    const t = [
      'Wexbridge came from behind to beat Harlow 3-1 in the league on Saturday, and Wexbridge goalkeeper Tom Ashby saved a penalty.',
      'Harlow travel to Carlford Town on Tuesday for the derby, then face Dunmore City at home.',
      'Ashby, who grew up in Marlston, joined Wexbridge from the academy at Carlford Town. The goal came in the 81st minute.',
    ].join('\n\n');
    const got = await types(t);
    expect(got.get('Wexbridge')).toBe('ORGANIZATION');
    expect(got.get('Carlford Town')).toBe('ORGANIZATION');
    expect(got.get('Dunmore City')).toBe('ORGANIZATION');
    expect(got.get('Marlston')).toBe('LOCATION');
  });

  it("a university's team ('Idaho State') is a team; a club said mostly as a club is one though the town is named once", async () => {
    const college = [
      'Nebraska beat Idaho State 31-17 on Saturday: the quarterback threw two touchdown passes and a late field goal sealed it.',
      'Nebraska host Iowa State next week. The league title may come down to that game, the coach said.',
    ].join('\n\n');
    const got = await types(college);
    expect(got.get('Idaho State')).toBe('ORGANIZATION');
    expect(got.get('Iowa State')).toBe('ORGANIZATION');
    const club = [
      'Portavela came from behind to beat Marenza 2-1 in the league on Sunday, with a late penalty deciding the match.',
      'Marenza had led through a first-half goal. For Marenza, it was a fifth defeat in seven matches.',
      'The club president is expected to meet the board in Marenza on Tuesday.',
    ].join('\n\n');
    expect((await types(club)).get('Marenza')).toBe('ORGANIZATION');
  });

  it('outside sport a town before a verb is still the town; a country that plays stays a country', async () => {
    const t = 'Floods hit Marlston on Monday. Officials in Marlston said roads were closed and the Kansas City office sent help.';
    expect((await types(t)).get('Marlston')).toBe('LOCATION');
    const match = 'Spain beat Russia 2-1 in the group match. The penalty came late, and the goalkeeper was booked after the goal.';
    const got = await types(match);
    expect(got.get('Spain')).toBe('LOCATION');
    expect(got.get('Russia')).toBe('LOCATION');
  });

  it('a company told by its appositive, by "which", by the kind it is listed after', async () => {
    const t = [
      'Veltrano, the Portuguese software company best known for its billing tools, was sold on Monday.',
      'At its peak, Tinsley, which let small shops take card payments by phone, was valued at $2 billion. Prosecutors said Tinsley hid losses.',
      'The authors had been paid by hearing aid manufacturers, including Sonavik and Oticore, the journal said.',
      'Norway sent its fisheries agency, Havdirekt, to the talks.',
    ].join('\n\n');
    const got = await types(t);
    for (const n of ['Veltrano', 'Tinsley', 'Sonavik', 'Oticore', 'Havdirekt']) expect([n, got.get(n)]).toEqual([n, 'ORGANIZATION']);
  });

  it('towns listed after a place preposition, and a town "area", are places; a dam is a place', async () => {
    const t =
      'The cut has left farmers around Narrandera, Colton and Jerilderie scrambling for water, and Hume Dam is low. Growers in the Moulamein area are worst hit.';
    const got = await types(t);
    expect(got.get('Colton')).toBe('LOCATION');
    expect(got.get('Jerilderie')).toBe('LOCATION');
    expect(got.get('Hume Dam')).toBe('LOCATION');
    expect(got.get('Moulamein')).toBe('LOCATION');
  });
});
