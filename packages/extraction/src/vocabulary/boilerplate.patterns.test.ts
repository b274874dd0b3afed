import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { filterBlocks } from '../block.filter';
import { renderBlocks } from '../text.renderer';
import { VOCABULARIES } from './boilerplate.patterns';
import type { BoilerplateVocabulary } from './vocabulary.types';

function keptText(html: string): string[] {
  const { document } = parseHTML(`<html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as Element;
  return filterBlocks(renderBlocks(root), null, null).kept.map((b) => b.text);
}

const body = '<p>The council voted on Thursday to rebuild the pier, after two months of argument about the cost of the work.</p>';
// Prose with sentences, over 300 characters: no vocabulary rule may touch it.
const prose =
  'the council said on Thursday that it had spent two years on the plan. Residents who spoke at the meeting asked why the cost ' +
  'had doubled since the first estimate. The mayor answered that the price of steel had risen sharply. A final vote is expected ' +
  'next month, after a public consultation that opens on Monday and runs for six weeks.';

const LINE_KINDS: (keyof BoilerplateVocabulary)[] = ['share', 'related', 'teasers', 'comments', 'imprint', 'ads', 'newsletter'];

describe.each(Object.entries(VOCABULARIES))('the %s vocabulary', (_lang, table) => {
  it('has every kind of furniture the issue names', () => {
    for (const kind of [
      'share',
      'related',
      'comments',
      'imprint',
      'tags',
      'credit',
      'subscribe',
      'newsletter',
      'cookie',
      'consent',
      'home',
    ] as const) {
      expect(table[kind].length, kind).toBeGreaterThan(0);
    }
    for (const entries of Object.values(table)) for (const e of entries) expect(e).toBe(e.trim().toLowerCase());
  });

  it('drops its labels alone on their line', () => {
    for (const kind of LINE_KINDS) {
      for (const label of table[kind]) {
        const capitalised = label.charAt(0).toUpperCase() + label.slice(1);
        expect(keptText(`<p>${capitalised}</p>${body}`), `${kind}: ${label}`).toHaveLength(1);
      }
    }
  });

  it('never drops a long paragraph for its words', () => {
    const words = [
      ...table.share,
      ...table.related,
      ...table.comments,
      ...table.tags,
      ...table.credit,
      ...table.subscribe,
      ...table.follow,
      ...table.home,
    ];
    for (const word of words) {
      const p = `<p>${word.charAt(0).toUpperCase() + word.slice(1)}: ${prose} ${table.cookie[0] ?? ''} ${table.consent[0] ?? ''} ${table.newsletter[0] ?? ''} ${table.signUp[0] ?? ''}</p>`;
      expect(keptText(p + body), word).toHaveLength(2);
    }
  });
});

describe('lines in other languages', () => {
  it.each([
    ['Lesen Sie auch: <a href="/a">Tramstrecke verzögert sich</a>'],
    ['Foto: dpa/Max Muster'],
    ['Fot. PAP/Leszek Nowak'],
    ['Schlagwörter: <a href="/t/a">Bus</a>, <a href="/t/b">Berlin</a>'],
    ['Wij gebruiken cookies om de website goed te laten werken. Klik op akkoord om ze te accepteren.'],
    ['Inscrivez-vous gratuitement à notre newsletter et recevez chaque matin l’essentiel.'],
    ['Síguenos en Twitter y Facebook'],
    ['Startseite › Politik › Inland'],
    ['Komentarze (8)'],
    ['12. März 2024, 14:30 Uhr'],
    ['Publié le 3 mai 2023 à 10h15'],
  ])('drops %s', (line) => {
    expect(keptText(`${body}<p>${line}</p>${body.replace('pier', 'harbour')}`)).toHaveLength(2);
  });

  it('drops a byline, but not a sentence that starts like one', () => {
    expect(keptText(`<p>Von Anna Schmidt</p>${body}`)).toHaveLength(1);
    expect(keptText(`<p>Par Jean Dupont et Marie Curie</p>${body}`)).toHaveLength(1);
    expect(keptText(`<p>Von den 300 Abgeordneten stimmten 200 zu.</p>${body}`)).toHaveLength(2);
  });

  it('keeps a table row of figures whose first cell looks like a month', () => {
    const table =
      '<table><tr><th>Month</th><th>2023</th><th>2024</th></tr><tr><td>Mar</td><td>120</td><td>130</td></tr><tr><td>März</td><td>1</td><td>2</td></tr></table>';
    expect(keptText(body + table)).toEqual([expect.any(String), 'Month 2023 2024', 'Mar 120 130', 'März 1 2']);
  });
});
