import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { filterBlocks, isDateOnly } from './block.filter';
import { renderBlocks } from './text.renderer';

function keptText(html: string, caption: string | null = null, authors: string[] = []): string[] {
  const { document } = parseHTML(`<html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as Element;
  return filterBlocks(renderBlocks(root), caption, null, authors).kept.map((b) => b.text);
}

const body = '<p>The council voted on Thursday to rebuild the pier, after two months of argument about the cost.</p>';

describe('filterBlocks', () => {
  it('drops captions (with or without credit), credits and repeated blocks', () => {
    const caption = 'The pier at low tide.';
    expect(
      keptText(`<p>The pier at low tide.</p><p>The pier at low tide. Photo: Getty</p>${body}<p>Image: AAP</p>${body}`, caption),
    ).toEqual(['The council voted on Thursday to rebuild the pier, after two months of argument about the cost.']);
  });

  it('drops subscription, copyright, share and cookie lines', () => {
    const lines = [
      '<p>Stay informed, daily</p>',
      '<p>Sign up for our newsletter and get the news in your inbox every morning.</p>',
      '<p>Copyright © 2024 The Paper. All rights reserved.</p>',
      '<p>Share this article</p>',
      '<p>We use cookies to improve your experience. By continuing you accept our privacy policy.</p>',
      '<p>Advertisement</p>',
    ];
    expect(keptText(lines.join('') + body)).toHaveLength(1);
  });

  it('drops a related heading and the teaser list under it, and link-only lines', () => {
    const html = `${body}<h3>Related articles</h3><ul><li><a href="/a">Bridge closure extended</a></li><li><a href="/b">New bus route</a></li></ul><p><a href="/c">Another story entirely</a></p>`;
    expect(keptText(html)).toHaveLength(1);
  });

  it('keeps real paragraphs that mention the same words', () => {
    const p =
      '<p>Subscribers to the water scheme said the council had not read more than one report before voting on the new cookie factory.</p>';
    expect(keptText(p + body)).toHaveLength(2);
  });

  it('drops bylines and datelines at the top only', () => {
    expect(keptText(`<p>By Jane Doe</p><p>Sept. 2, 2024</p>${body}`, null, ['Jane Doe'])).toHaveLength(1);
  });
});

describe('isDateOnly', () => {
  it('recognises lines that are only a date', () => {
    expect(isDateOnly('November 20')).toBe(true);
    expect(isDateOnly('Updated: 3:40pm, Apr 27, 2024')).toBe(true);
    expect(isDateOnly('Sales rose 20 per cent in May')).toBe(false);
    expect(isDateOnly('2019')).toBe(false);
    expect(isDateOnly('3-2')).toBe(false);
  });
});

describe("a press release's closing furniture", () => {
  const release = (paras: string[]) => paras.map((p) => `<p>${p}</p>`).join('');
  const en = [
    'Northwind Robotics today announced a partnership with the port authority of Rotterdam to automate the inspection of container cranes, starting with twelve cranes in the first quarter of next year.',
    'The inspections, done today by technicians on ropes, will be carried out by climbing robots that photograph every weld and send the pictures to engineers on the ground, the companies said.',
    '"Cranes are inspected far less often than they should be, because it is slow and dangerous work," said Ilse Vermeer, the port\'s head of maintenance.',
    'The first robots will be delivered in January. The companies did not give the value of the contract.',
  ];

  it('drops the end mark and everything after it', () => {
    const kept = keptText(release([...en, '###', 'Note to editors: photographs are available on request.']));
    expect(kept).toEqual(en);
  });

  it('drops the paragraph about the company under its heading, and the contact block', () => {
    const html = `${release(en)}<h3>About Northwind Robotics</h3><p>Northwind Robotics, founded in 2015 in Eindhoven, builds robots for the inspection of industrial structures.</p><p>Media contact: Jan de Wit, press@northwind.example, +31 40 123 4567</p>`;
    expect(keptText(html)).toEqual(en);
  });

  it('in other languages: Über …, À propos d’…, Pressekontakt, Contacto de prensa', () => {
    const de = [
      'Die Beispiel Maschinenbau AG hat im dritten Quartal ihren Umsatz um zwölf Prozent auf 480 Millionen Euro gesteigert, vor allem dank der Nachfrage nach Verpackungsanlagen aus Asien.',
      'Der Auftragseingang lag mit 510 Millionen Euro über den Erwartungen der Analysten, teilte das Unternehmen am Dienstag in Stuttgart mit.',
      'Für das Gesamtjahr bestätigte der Vorstand seine Prognose und rechnet mit einem Umsatz von knapp zwei Milliarden Euro.',
    ];
    expect(
      keptText(
        `${release(de)}<h2>Über die Beispiel Maschinenbau AG</h2><p>Die Beispiel Maschinenbau AG mit Sitz in Stuttgart beschäftigt 6.000 Menschen.</p><p>Pressekontakt</p><p>Anna Muster, Telefon 0711 123456</p>`,
      ),
    ).toEqual(de);
    const fr = [
      'La société Exemple Énergie a annoncé mardi la mise en service de son troisième parc éolien en mer, au large de la côte bretonne, pour une puissance totale de 500 mégawatts.',
      'Le parc alimentera l’équivalent de 800 000 foyers, selon l’entreprise, qui a investi deux milliards d’euros dans le projet depuis 2019.',
      'Les travaux ont pris six mois de retard en raison des tempêtes de l’hiver dernier.',
    ];
    expect(
      keptText(
        `${release(fr)}<p><strong>À propos d’Exemple Énergie</strong></p><p>Exemple Énergie est un producteur indépendant d’électricité renouvelable.</p>`,
      ),
    ).toEqual(fr);
    const es = [
      'La empresa Ejemplo Solar inauguró el jueves en Almería la mayor planta de almacenamiento de energía de España, con baterías capaces de abastecer a 300.000 hogares durante cuatro horas.',
      'La instalación, que ha costado 200 millones de euros, permitirá aprovechar por la noche la electricidad que los paneles producen durante el día, según la compañía.',
      'Las obras comenzaron hace dieciocho meses y han dado empleo a unas 400 personas de la comarca.',
    ];
    expect(keptText(`${release(es)}<p>Contacto de prensa: Lucía Martín, prensa@ejemplo.example</p>`)).toEqual(es);
  });

  it('keeps a closing section whose heading starts with "About", and such headings early in the text', () => {
    const feature = [
      ...en,
      '<h3>About Face</h3>',
      "The robots have critics: the crane operators' union says the pictures miss corrosion inside the joints that a trained eye would catch.",
    ];
    const html = feature.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('');
    expect(keptText(html)).toHaveLength(6);
    const early = `<h3>About Northwind</h3><p>Northwind builds robots.</p>${release(en)}`;
    expect(keptText(early)).toHaveLength(6);
  });

  it('keeps a news story quoting a media contact early on, and a line that merely starts "Over"', () => {
    const html = release([
      'Media contacts at the ministry refused to comment on Tuesday.',
      ...en,
      'Over Rotterdam, the weather was clear for the first test flight of the inspection drones.',
    ]);
    expect(keptText(html)).toHaveLength(6);
  });
});
