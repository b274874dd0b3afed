import type { BoilerplateVocabulary } from './vocabulary.types';

/** Not one of the covered languages: only the line the rules knew before the tables. */
export const ru: Partial<BoilerplateVocabulary> = {
  related: ['читайте также'],
};
