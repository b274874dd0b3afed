import { beforeAll, describe, expect, it } from 'vitest';
import { createRealEngine, enrichWithModel, requireReady } from '../testing/real-engine';
import type { Entity } from '../types';

// The rules resolve and type names on top of the model's mentions: the real CoreNLP server.
const engine = createRealEngine();
const entities = async (t: string): Promise<Entity[]> => (await enrichWithModel(engine, t)).entities;
const find = async (t: string, name: string): Promise<Entity | undefined> => (await entities(t)).find((e) => e.name === name);
const forms = (e: Entity | undefined): string[] => [...new Set(e?.mentions.map((m) => m.text))];

describe('entity resolution', () => {
  beforeAll(() => requireReady(engine));

  it('a surname resolves to the full name, even when the full name comes later', async () => {
    const t = 'The summit between Biden and Xi was short. President Joe Biden met Chinese President Xi Jinping.';
    expect(forms(await find(t, 'Joe Biden')).sort()).toEqual(['Biden', 'Joe Biden']);
    expect(forms(await find(t, 'Xi Jinping')).sort()).toEqual(['Xi', 'Xi Jinping']);
  });

  it('titles are not part of names', async () => {
    const t = 'US Secretary of State Antony Blinken met Sen. Mark Kelly and Deputy Director of Public Prosecution Eva-Marie Persson.';
    const names = (await entities(t)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Antony Blinken', 'Mark Kelly', 'Eva-Marie Persson', 'United States']));
  });

  it('country aliases and codes resolve to the country', async () => {
    const t = 'The U.S. and the US disagreed. The PRC, officially the People’s Republic of China, replied.';
    expect(forms(await find(t, 'United States')).sort()).toEqual(['U.S.', 'US']);
    expect(forms(await find(t, 'China')).sort()).toEqual(['PRC', 'People’s Republic of China']);
  });

  it('two people with one surname are kept apart by recency', async () => {
    const t =
      'Blinken met Wang Yi in Beijing. Wang said ties were stable.\n\n' + 'Later he met the public security minister, Wang Xiaohong.';
    const wy = await find(t, 'Wang Yi');
    expect(forms(wy).sort()).toEqual(['Wang', 'Wang Yi']);
    expect(forms(await find(t, 'Wang Xiaohong'))).toEqual(['Wang Xiaohong']);
  });

  it('an acronym joins the organisation it abbreviates; a shorter tail joins the full name', async () => {
    const t =
      'Tim Morrow served on the National Security Council. The NSC declined to comment. ' +
      'He testified before the House Intelligence Committee, and the Intelligence Committee adjourned.';
    expect(forms(await find(t, 'National Security Council')).sort()).toEqual(['NSC', 'National Security Council']);
    expect(forms(await find(t, 'House Intelligence Committee')).sort()).toEqual(['House Intelligence Committee', 'Intelligence Committee']);
  });

  it('a one-letter spelling variant of a long surname is the same person', async () => {
    const t = 'Ukrainian President Volodymyr Zelensky spoke. Later Zelenskyy left.';
    expect(forms(await find(t, 'Volodymyr Zelensky')).sort()).toEqual(['Volodymyr Zelensky', 'Zelenskyy']);
  });

  it('ordinary words opening a sentence are not names', async () => {
    const t = 'Underscoring the tension, both sides talked. Hosting Cook was easy. Instead, they met. Analysts agreed.';
    const names = (await entities(t)).map((e) => e.name);
    expect(names).not.toContain('Underscoring');
    expect(names).not.toContain('Instead');
    expect(names).not.toContain('Analysts');
    expect(names).not.toContain('Hosting Cook');
  });

  it('place-led and organisation-word names are organisations', async () => {
    const t = 'Reporters at the Sacramento Bee and the Federal Reserve Bank of New York said so.';
    expect((await find(t, 'Sacramento Bee'))?.type).toBe('ORGANIZATION');
    expect((await find(t, 'Federal Reserve Bank of New York'))?.type).toBe('ORGANIZATION');
  });

  it('mentions carry exact offsets', async () => {
    const t = 'In Beijing, Blinken met Wang Yi.';
    for (const e of await entities(t)) for (const m of e.mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
  });

  it('places from context: "in X", "the mayor of X", "North X"', async () => {
    const t = 'The mayor of Tyneford, Norma Redd, spoke in Hexworth. Later she visited North Tyneside.';
    const types = Object.fromEntries((await entities(t)).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ Tyneford: 'LOCATION', Hexworth: 'LOCATION', 'North Tyneside': 'LOCATION', 'Norma Redd': 'PERSON' });
  });

  it('no entity for party tags, events or titles alone; the platform X is one', async () => {
    const t =
      'Sen. Lisa Murkowski, R-Alaska, posted on X about the Six-Day War and the First Amendment. Press secretary Karine Jean-Pierre agreed.';
    const names = (await entities(t)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Lisa Murkowski', 'Karine Jean-Pierre']));
    // ("posted on X": the platform is an organisation, as "Twitter" is; a lone capital elsewhere is nothing)
    expect(names).toContain('X');
    for (const bad of ['R-Alaska', 'Six-Day War', 'First Amendment', 'Press']) expect(names).not.toContain(bad);
  });

  it('"Shares of Tesla" is Tesla', async () => {
    expect((await entities('Shares of Tesla fell 2% in New York.')).map((e) => e.name)).toEqual(
      expect.arrayContaining(['Tesla', 'New York']),
    );
  });

  it('an appositive says what a lone name is; plural demonyms and capitalised plurals are no names', async () => {
    const t =
      'Rail strikes: Unions announce walkouts\n\nNetChoice, a trade group, welcomed it. Texans were split. Network Rail said little. The union agreed.';
    const types = Object.fromEntries((await entities(t)).map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ NetChoice: 'ORGANIZATION', 'Network Rail': 'ORGANIZATION' });
    expect(types).not.toHaveProperty('Texans');
    expect(types).not.toHaveProperty('Unions');
  });

  it('a place name that is also the surname of a person named in the text is that person, unless after "in"', async () => {
    const t = 'Defense Secretary Lloyd Austin spoke. Later, Austin said he would fly to Texas. He landed in Austin.';
    const austin = await find(t, 'Lloyd Austin');
    expect(austin?.mentions.map((m) => m.start)).toEqual([t.indexOf('Lloyd'), t.indexOf('Austin said')]);
    expect((await find(t, 'Austin'))?.type).toBe('LOCATION');
  });

  it('an acronym before a hyphenated title still joins its organisation; a place can end an institution name', async () => {
    const t =
      'The World Meteorological Organization met. WMO Secretary-General Petteri Taalas spoke, and Friederike Otto of Imperial College London agreed.';
    expect(forms(await find(t, 'World Meteorological Organization'))).toContain('WMO');
    expect((await find(t, 'Petteri Taalas'))?.type).toBe('PERSON');
    expect((await find(t, 'Imperial College London'))?.type).toBe('ORGANIZATION');
  });

  it('middle initials stay inside the name', async () => {
    const t = 'President Donald J. Trump met George W. Bush. Later, Trump and Bush spoke.';
    expect(forms(await find(t, 'Donald J. Trump')).sort()).toEqual(['Donald J. Trump', 'Trump']);
    expect(forms(await find(t, 'George W. Bush')).sort()).toEqual(['Bush', 'George W. Bush']);
  });

  it('a known company name inside a fuller corporate name is that company', async () => {
    const t = 'Walt Disney Co. executive Kevin Mayer said Disney would grow. Apple Music and Apple are fine.';
    expect(forms(await find(t, 'Walt Disney Co.')).sort()).toEqual(['Disney', 'Walt Disney Co.']);
    expect((await find(t, 'Apple'))?.type).toBe('ORGANIZATION');
  });
});
