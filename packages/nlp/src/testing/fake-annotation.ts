import type { ModelAnnotation, ModelEntityType } from '../engine/nlp.port';

/**
 * A model annotation for unit tests of the rules on top of the model: every occurrence of each
 * listed name gets a mention of that type (the rules read only the mentions). Longer names are
 * placed first, so "Chris Early" is not also two shorter names.
 */
export function fakeAnnotation(
  text: string,
  names: Partial<Record<ModelEntityType, string[]>>,
  /** part-of-speech tags of given words, every occurrence ({ NNP: ['Cole'], IN: ['given'] }) */
  tags: Record<string, string[]> = {},
): ModelAnnotation {
  const wanted = Object.entries(names)
    .flatMap(([type, list]) => (list ?? []).map((name) => ({ name, type: type as ModelEntityType })))
    .sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  const mentions: ModelAnnotation['mentions'] = [];
  for (const { name, type } of wanted) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '') || /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
      if (taken.some(([s, e]) => s < end && at < e)) continue;
      taken.push([at, end]);
      mentions.push({ start: at, end, type });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const tokens: ModelAnnotation['tokens'] = [];
  for (const [pos, words] of Object.entries(tags)) {
    for (const w of words) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        if (!/[\p{L}\p{N}]/u.test(text[at + w.length] ?? '') && !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) {
          tokens.push({ start: at, end: at + w.length, pos });
        }
      }
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  return { tokens, sentences: [], mentions };
}
