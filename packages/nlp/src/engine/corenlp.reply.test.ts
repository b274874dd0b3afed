import { describe, expect, it } from 'vitest';
import { readReply, UnreadableReplyError } from './corenlp.reply';
import type { ModelAnnotation } from './nlp.port';

const read = (body: string, offset = 0): ModelAnnotation => {
  const out: ModelAnnotation = { tokens: [], sentences: [], mentions: [] };
  readReply(body, offset, out);
  return out;
};

describe('the CoreNLP reply (tags and offsets, one line a sentence)', () => {
  // "Mara Lin met Tom Vale in Oslo." / "He left."
  const body = [
    'NNP/PERSON/0/4 NNP/PERSON/5/8 VBD/O/9/12 NNP/PERSON/13/16 NNP/PERSON/17/21 IN/O/22/24 NNP/LOCATION/25/29 ./O/29/30',
    'PRP/PERSON/31/33 VBD/O/34/38 ./O/38/39',
    '',
  ].join('\n');

  it('gives tokens, sentences and the runs of one class as mentions, offsets moved by the piece', () => {
    const a = read(body, 100);
    expect(a.sentences).toEqual([
      { start: 100, end: 130 },
      { start: 131, end: 139 },
    ]);
    expect(a.tokens[0]).toEqual({ start: 100, end: 104, pos: 'NNP' });
    expect(a.tokens).toHaveLength(11);
    expect(a.mentions).toEqual([
      { start: 100, end: 108, type: 'PERSON' },
      { start: 113, end: 121, type: 'PERSON' },
      { start: 125, end: 129, type: 'LOCATION' },
    ]);
  });

  it('a class change ends a run; a run of pronouns only is no name', () => {
    const a = read('NNP/ORGANIZATION/0/4 NNP/LOCATION/5/10 PRP/PERSON/11/13 NNP/PERSON/14/18\n');
    expect(a.mentions).toEqual([
      { start: 0, end: 4, type: 'ORGANIZATION' },
      { start: 5, end: 10, type: 'LOCATION' },
      // (a pronoun with a name in one run is the name's mention, as the model read it)
      { start: 11, end: 18, type: 'PERSON' },
    ]);
  });

  it('a reply in another form is refused, not misread', () => {
    expect(() => read('{"sentences":[]}')).toThrow(UnreadableReplyError);
    expect(() => read('NNP\tPERSON\t0\t4\n')).toThrow(UnreadableReplyError);
  });
});
