import type { ModelMention } from '../engine/nlp.port';

// where the model's run of same-tagged tokens crossed what no name crosses: a parenthesis that
// is not closed inside it, a spaced dash, or a comma with a name of two words or more each side
const PAREN = /[()]/g;
const DASH = / [-–—] /g;
const COMMA = /, /g;

/**
 * "LONDON (Example News) - Harrington & Lowe Group" read as one organisation "Example News) -
 * Harrington & Lowe Group", "at the University of Washington, Bank of Cascadia's exposure" as
 * one "University of Washington, Bank of Cascadia": the model's mention cut where two names met.
 * Names with their own commas stay whole ("Foreign, Commonwealth and Development Office",
 * "Osler, Hoskin & Harcourt", "Dräger, Inc."): one side is a single word.
 */
export function splitAtBreaks(text: string, m: ModelMention): ModelMention[] {
  const surface = text.slice(m.start, m.end);
  if (!/[(),–—-]/.test(surface)) return [m];
  const cuts: [number, number][] = [];
  const balanced =
    (surface.match(/\(/g) ?? []).length === (surface.match(/\)/g) ?? []).length && surface.indexOf('(') < surface.indexOf(')');
  if (!balanced) for (const p of surface.matchAll(PAREN)) cuts.push([p.index, p.index + 1]);
  for (const d of surface.matchAll(DASH)) cuts.push([d.index, d.index + d[0].length]);
  const words = (piece: string | undefined): number => (piece ?? '').trim().split(/\s+/).length;
  for (const c of surface.matchAll(COMMA)) {
    // (the name just before the comma, back to an "and": "… and Osler, Hoskin & Harcourt LLP" is one firm)
    const before = surface
      .slice(0, c.index)
      .split(/[(),–—]| and | & /)
      .pop();
    const after = surface.slice(c.index + 2).split(/[(),–—]/)[0];
    if (words(before) >= 2 && words(after) >= 2) cuts.push([c.index, c.index + 2]);
  }
  if (cuts.length === 0) return [m];
  cuts.sort((a, b) => a[0] - b[0]);
  const parts: ModelMention[] = [];
  let from = 0;
  for (const [a, b] of [...cuts, [surface.length, surface.length] as [number, number]]) {
    const piece = surface.slice(from, a);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim().replace(/[\s.,;:–—-]+$/u, '');
    if (/\p{L}/u.test(body)) parts.push({ ...m, start: m.start + from + lead, end: m.start + from + lead + body.length });
    from = Math.max(from, b);
  }
  return parts;
}
