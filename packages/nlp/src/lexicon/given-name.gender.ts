import { getGender } from 'gender-detection-from-name';
import { FEMALE_NAMES, MALE_NAMES, UNISEX } from './first-names.data';

// A given name's usual gender: the short list newsflow keeps, then a name list of several
// languages (gender-detection-from-name, MIT). Names used for both ("Jordan", "Andrea", "Kim")
// say nothing.

/** 'f', 'm', or null when the name is unknown or used for both. */
export function givenNameGender(name: string): 'm' | 'f' | null {
  const w = name.toLowerCase();
  if (FEMALE_NAMES.has(w)) return 'f';
  if (MALE_NAMES.has(w)) return 'm';
  if (UNISEX.has(w) || !/^\p{L}[\p{L}'’-]+$/u.test(name)) return null;
  const g = getGender(name, 'en');
  return g === 'female' ? 'f' : g === 'male' ? 'm' : null;
}
