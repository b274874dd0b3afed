import type { NameCandidate } from './name.finder';
import { fold } from './name.index';

// The model's three classes have no room for products, so it files "MacBook Pro" under
// organisations and "Chromecast Ultra" under people. A name that ends in a model-tier word is a
// product's model name: makers across the trade (phones, laptops, consoles, drones, streaming
// sticks) mark their lines so, and these words end no company's, place's or person's name.
const TIER_WORDS = new Set(['pro', 'ultra', 'lite', 'max', 'mini', 'plus', 'air', 'xl']);

/** Whether the candidate names a product line by its model tier ("iPad Pro", "Switch Lite"). */
export function isProductModel(c: NameCandidate): boolean {
  if (c.words.length < 2 || c.known) return false;
  return TIER_WORDS.has(c.words[c.words.length - 1]!.toLowerCase());
}

/**
 * The base names of the product models in the text ("MacBook" of "MacBook Pro"): a line's name
 * without its tier is the same product. A base the text also gives an organisation's role
 * ("keyboard maker Brydge" beside the "Brydge Pro") is left to the other rules.
 */
export function productBases(cands: readonly NameCandidate[], isMaker: (c: NameCandidate) => boolean): Set<string> {
  const bases = new Set<string>();
  for (const c of cands) if (isProductModel(c)) bases.add(fold(c.words.slice(0, -1).join(' ')));
  for (const c of cands) if (bases.has(fold(c.words.join(' '))) && isMaker(c)) bases.delete(fold(c.words.join(' ')));
  return bases;
}
