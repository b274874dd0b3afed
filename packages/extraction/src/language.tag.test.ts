import { describe, expect, it } from 'vitest';
import { languageTag } from './language.tag';

describe('languageTag', () => {
  it('gives the primary subtag for the facet and the whole tag in canonical case', () => {
    expect(languageTag('en-US')).toEqual({ lang: 'en', tag: 'en-US' });
    expect(languageTag('en-us')).toEqual({ lang: 'en', tag: 'en-US' });
    expect(languageTag('EN')).toEqual({ lang: 'en', tag: 'en' });
    expect(languageTag('pt_BR')).toEqual({ lang: 'pt', tag: 'pt-BR' });
    expect(languageTag('sr-latn-rs')).toEqual({ lang: 'sr', tag: 'sr-Latn-RS' });
    expect(languageTag('es-419')).toEqual({ lang: 'es', tag: 'es-419' });
    expect(languageTag('de-DE-1996')).toEqual({ lang: 'de', tag: 'de-DE-1996' });
  });

  it('takes the first of a list and the two-letter code for a three-letter one', () => {
    expect(languageTag('de-DE, en')).toEqual({ lang: 'de', tag: 'de-DE' });
    expect(languageTag('deu')).toEqual({ lang: 'de', tag: 'de' });
    expect(languageTag('pol')).toEqual({ lang: 'pl', tag: 'pl' });
  });

  it('keeps what is well formed and refuses what is no language', () => {
    expect(languageTag('en-US.utf8')).toEqual({ lang: 'en', tag: 'en' });
    expect(languageTag('English')).toBeNull();
    expect(languageTag('und')).toBeNull();
    expect(languageTag('')).toBeNull();
    expect(languageTag(null)).toBeNull();
  });
});
