import type { ArticleDocument } from '@newsflow/contracts';
import { fold, scoreArticle, type GoldArticle } from '../../packages/nlp/src/scoring/gold-matcher';
import gold from '../fixtures/seed/seed-gold.json';

export interface GoldReport {
  problems: string[];
}

/**
 * Checks an indexed document against the seed's answer key, under the key's own matching rules
 * (test/fixtures/seed/MATCHING.md): clean body, every required entity, every required quotation
 * with the right speaker, and no scare quote given to a person.
 */
export function checkAgainstGold(doc: ArticleDocument): GoldReport {
  const problems: string[] = [];
  const text = fold(doc.text);
  for (const s of gold.article.must_not_contain) {
    if (text.includes(fold(s))) problems.push(`text contains "${s}"`);
  }
  if (fold(doc.title) !== fold(gold.article.title)) problems.push(`title is "${doc.title}"`);
  if (!text.startsWith(fold(gold.article.body_first_sentence))) problems.push(`text starts "${doc.text.slice(0, 80)}"`);
  if (!text.endsWith(fold(gold.article.body_last_sentence))) problems.push(`text ends "${doc.text.slice(-80)}"`);
  const captionCount = text.split(fold(gold.article.caption)).length - 1;
  if (captionCount > 0) problems.push(`caption appears ${captionCount} time(s) in the text`);
  const paragraphs = doc.text.split(/\n\s*\n/).filter((p) => p.trim()).length;
  if (paragraphs !== gold.article.body_paragraphs) problems.push(`${paragraphs} paragraphs, not ${gold.article.body_paragraphs}`);

  const score = scoreArticle(gold as GoldArticle, { entities: doc.entities, quotes: doc.quotes });
  for (const e of score.misses.entities) problems.push(`entity not found: ${e}`);
  for (const q of score.misses.quotes) problems.push(`quotation not found: ${q}`);
  for (const q of score.misses.wrongSpeakers) problems.push(`quotation with the wrong speaker: ${q}`);
  if (score.quotes.notQuotePerson > 0) problems.push(`${score.quotes.notQuotePerson} scare quote(s) given to a person`);
  return { problems };
}
