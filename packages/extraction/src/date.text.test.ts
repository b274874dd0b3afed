import { describe, expect, it } from 'vitest';
import { formatDate } from './date.parser';
import { dateLocaleFor, parseWrittenDate, roleOfWords, writtenDates, type DateLocale } from './date.text';

const written = (text: string, locale: DateLocale) => {
  const p = parseWrittenDate(text, locale);
  return p ? formatDate(p) : null;
};

describe('parseWrittenDate: dates written for people, in eight languages', () => {
  it.each<[DateLocale, string, string]>([
    ['en-US', 'By Jane Roe · March 12, 2024, 2:30 PM', '2024-03-12T14:30:00'],
    ['en-US', 'Nov. 18th 2019 8:54 am PT', '2019-11-18T08:54:00-08:00'],
    ['en-US', '5:45 AM PST 11/19/2019', '2019-11-19T05:45:00-08:00'],
    ['en-GB', 'Wednesday 20 November 2019 9:22 am', '2019-11-20T09:22:00'],
    ['en-GB', 'Mon 18 Nov 2019 18.54 GMT', '2019-11-18T18:54:00Z'],
    ['de', 'Veröffentlicht am 12. März 2024, 14:30 Uhr', '2024-03-12T14:30:00'],
    ['de', '12.03.2024', '2024-03-12'],
    ['fr', 'Publié le 3 mai 2023 à 10h15', '2023-05-03T10:15:00'],
    ['es', 'Publicado el 12 de marzo de 2024', '2024-03-12'],
    ['it', 'Pubblicato il 2 agosto 2017 alle 10:30', '2017-08-02T10:30:00'],
    ['pt', 'sexta-feira, 22 de outubro de 2010 às 20:13', '2010-10-22T20:13:00'],
    ['pt', '05/10/2018 - Publicado por: Redação', '2018-10-05'],
    ['nl', 'Gepubliceerd op 12 maart 2024 om 09:15', '2024-03-12T09:15:00'],
    ['pl', 'Opublikowano: 12 marca 2024 r., godz. 14:30', '2024-03-12T14:30:00'],
    ['pl', '3 października 2023', '2023-10-03'],
    ['pl', '12.03.2024', '2024-03-12'],
  ])('%s: %s', (locale, text, expected) => {
    expect(written(text, locale)).toBe(expected);
  });

  it('joins a date and the time shown after it', () => {
    expect(written('November 19, 2019 | 4:20am', 'en-US')).toBe('2019-11-19T04:20:00');
    expect(written('Nov. 19, 2019 \n 5:50 PM', 'en-US')).toBe('2019-11-19T17:50:00');
  });

  it('reads month names in English on pages of other languages too', () => {
    expect(written('20 Nov 2019', 'de')).toBe('2019-11-20');
  });

  it('takes no date without a year, and no relative one', () => {
    expect(written('Posted Nov 19, 6:51 AM', 'en-US')).toBeNull();
    expect(written('2 days ago', 'en-US')).toBeNull();
    expect(written('Today 12:01 AM', 'en-US')).toBeNull();
    expect(written('vor 3 Stunden', 'de')).toBeNull();
    expect(written('Monday 5:30PM', 'en-US')).toBeNull();
  });

  it('lends a year to a day and month written without one, only when asked', () => {
    expect(writtenDates('Posted Nov 19, 6:51 AM', 'en-US', 2019).map((w) => formatDate(w.parts))).toEqual(['2019-11-19T06:51:00']);
    expect(writtenDates('March 12, 2024', 'en-US', 2019)).toEqual([]);
  });
});

describe('writtenDates: what the words say each date is', () => {
  const roles = (text: string, locale: DateLocale) => writtenDates(text, locale).map((w) => `${w.role} ${formatDate(w.parts)}`);
  it.each<[DateLocale, string, string[]]>([
    [
      'en-US',
      'Updated Nov 19, 2019, 6:55 AM; Posted Nov 19, 2019, 6:51 AM',
      ['modified 2019-11-19T06:55:00', 'published 2019-11-19T06:51:00'],
    ],
    [
      'en-US',
      'November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm',
      ['plain 2019-11-19T04:20:00', 'modified 2019-11-19T21:32:00'],
    ],
    ['de', 'Veröffentlicht: 12.03.2024 Aktualisiert: 13.03.2024', ['published 2024-03-12', 'modified 2024-03-13']],
    ['fr', 'Publié le 3 mai 2023, mis à jour le 4 mai 2023', ['published 2023-05-03', 'modified 2023-05-04']],
    ['es', 'Actualizado: 13 de marzo de 2024', ['modified 2024-03-13']],
    ['it', 'Aggiornato il 13 marzo 2024', ['modified 2024-03-13']],
    ['pt', 'Atualizado em 13 de março de 2024', ['modified 2024-03-13']],
    ['pl', 'Zaktualizowano: 13 marca 2024', ['modified 2024-03-13']],
    ['nl', 'Bijgewerkt op 13 maart 2024', ['modified 2024-03-13']],
  ])('%s: %s', (locale, text, expected) => {
    expect(roles(text, locale)).toEqual(expected);
  });

  it('names the role of the words before a date', () => {
    expect(roleOfWords('Updated on:')).toBe('modified');
    expect(roleOfWords('Posted by Jane on')).toBe('published');
    expect(roleOfWords('By Jane Roe')).toBe('plain');
  });
});

describe('dateLocaleFor', () => {
  it('follows the language, its region for English, else the country domain', () => {
    expect(dateLocaleFor('de-AT', 'https://x.example/')).toBe('de');
    expect(dateLocaleFor('en-US', 'https://x.example/')).toBe('en-US');
    expect(dateLocaleFor('en-GB', 'https://x.example/')).toBe('en-GB');
    expect(dateLocaleFor('en', 'https://www.example.co.uk/a')).toBe('en-GB');
    expect(dateLocaleFor('en', 'https://www.example.com/a')).toBe('en-US');
    expect(dateLocaleFor(null, 'http://example.com.br/a')).toBe('pt');
    expect(dateLocaleFor(null, 'https://example.pl/a')).toBe('pl');
    expect(dateLocaleFor('ru', 'https://example.ru/a')).toBe('en-GB'); // day first, month names in English
    expect(dateLocaleFor(null, 'https://example.com/a')).toBe('en-US');
  });
});
