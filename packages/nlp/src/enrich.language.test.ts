import { describe, expect, it } from 'vitest';
import { enrichArticle } from './enrich';
import type { NlpEngine } from './engine/nlp.port';

// Which texts reach the English model: a fake engine counts the calls.
function countingEngine(): NlpEngine & { calls: number } {
  const e = {
    calls: 0,
    async annotate() {
      e.calls++;
      return { tokens: [], sentences: [], mentions: [] };
    },
    isReady: async () => true,
  };
  return e;
}

const italian =
  'Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico in centro. Secondo il sindaco, le strade ' +
  'chiuse alle auto saranno cinque a partire da gennaio, e i negozianti potranno chiedere un contributo per i lavori. ' +
  'Le associazioni dei commercianti hanno espresso dubbi sui tempi, ma si sono dette pronte a collaborare con la giunta.';
const portuguese =
  'A prefeitura anunciou nesta segunda-feira um novo calendário de vacinação para as escolas da cidade. De acordo com a ' +
  'secretaria de saúde, as doses serão aplicadas em duas etapas, e os pais devem levar a caderneta das crianças no dia marcado. ' +
  'Os diretores disseram que as aulas continuam normalmente durante a campanha.';
const spanish =
  'El ayuntamiento presentó el martes un plan para ampliar los carriles de bicicleta en los barrios del norte. Según la ' +
  'concejala de movilidad, las obras empezarán en primavera y durarán unos seis meses, con cortes parciales en las calles ' +
  'principales. Los vecinos pidieron más información sobre los aparcamientos que se perderán.';
const english =
  'The city council approved the new traffic plan on Tuesday evening. According to the mayor, five streets will be closed ' +
  'to cars from January, and shop owners will be able to ask for help with the cost of the works. Traders said they had ' +
  'doubts about the timing but would work with the council.';

describe('which texts the English model reads', () => {
  it('Italian, Portuguese and Spanish news is not sent, with its declared language recorded', async () => {
    for (const [text, lang] of [
      [italian, 'it'],
      [portuguese, 'pt-BR'],
      [spanish, 'es'],
    ] as const) {
      const engine = countingEngine();
      const out = await enrichArticle(text, engine, { lang });
      expect(engine.calls).toBe(0);
      expect(out).toEqual({ entities: [], quotes: [], lang: lang.slice(0, 2) });
    }
  });

  it('English news is sent, even when the site declares another language; a short English list page too', async () => {
    const engine = countingEngine();
    expect((await enrichArticle(english, engine, { lang: 'fr' })).lang).toBe('en');
    expect((await enrichArticle('Best laptops of the year\n\nMacBook Air\n\nThinkPad X1', engine)).lang).toBe('en');
    expect(engine.calls).toBe(2);
  });
});
