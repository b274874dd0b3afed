import type { BoilerplateVocabulary } from './vocabulary.types';

export const pl: BoilerplateVocabulary = {
  share: ['udostępnij', 'podziel się', 'udostępnij na facebooku', 'udostępnij artykuł', 'drukuj', 'kopiuj link', 'skopiuj link', 'wyślij e-mailem', 'wyślij', 'e-mail'],
  related: [
    'czytaj też', 'czytaj także', 'przeczytaj też', 'przeczytaj także', 'zobacz też', 'zobacz także', 'czytaj więcej',
    'czytaj dalej', 'powiązane artykuły', 'powiązane', 'polecamy', 'polecane', 'może cię zainteresować', 'to może cię zainteresować',
  ],
  teasers: ['najczęściej czytane', 'najpopularniejsze', 'najnowsze', 'najnowsze wiadomości', 'najważniejsze', 'na czasie', 'popularne'],
  comments: ['komentarze', 'komentarz', 'dodaj komentarz', 'skomentuj', 'napisz komentarz', 'opinie'],
  imprint: ['stopka redakcyjna', 'polityka prywatności', 'regulamin', 'kontakt', 'o nas', 'redakcja'],
  widgets: ['zaloguj się', 'zaloguj', 'zarejestruj się', 'menu', 'szukaj', 'wyszukaj', 'zamknij', 'załaduj więcej', 'pokaż więcej', 'zobacz wszystkie', 'dalej', 'następny', 'poprzedni', 'więcej'],
  ads: ['reklama', 'ogłoszenie', 'artykuł sponsorowany', 'materiał sponsorowany', 'materiał partnera'],
  tags: ['tagi', 'tematy', 'temat', 'słowa kluczowe', 'kategorie', 'kategoria'],
  credit: ['fot', 'foto', 'fotografia', 'zdjęcie', 'zdjęcia', 'ilustracja', 'źródło zdjęcia', 'wideo'],
  creditBy: [],
  subscribe: [
    'zapisz się', 'zasubskrybuj', 'subskrybuj', 'zamów newsletter', 'zamów prenumeratę', 'prenumeruj', 'masz już subskrypcję',
    'jesteś już subskrybentem', 'aby czytać dalej', 'aby przeczytać cały artykuł', 'artykuł dostępny dla subskrybentów',
    'treść dostępna dla subskrybentów', 'wesprzyj nasze dziennikarstwo',
  ],
  newsletter: ['newsletter', 'newslettera', 'newsletterze'],
  signUp: ['zapisz', 'subskryb', 'zamów', 'bezpłatn', 'darmow', 'skrzynk', 'każdego ranka', 'codziennie', 'co tydzień'],
  cookie: ['cookie', 'cookies', 'ciasteczka', 'ciasteczek', 'plików cookie', 'pliki cookie'],
  consent: ['akcept', 'zgod', 'zgadzam', 'prywatności', 'używamy', 'wykorzystujemy', 'ta strona używa', 'ta strona korzysta'],
  follow: ['obserwuj nas na', 'obserwuj nas', 'śledź nas na'],
  home: ['strona główna', 'start'],
  by: ['autor', 'autorka', 'tekst'],
  months: [
    'stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia',
    'styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień',
    'sty', 'lut', 'mar', 'kwi', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru',
  ],
  weekdays: ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'],
  dateLabels: ['opublikowano', 'aktualizacja', 'zaktualizowano', 'data publikacji', 'data aktualizacji'],
  dateGlue: ['r', 'godz', 'o', 'dnia'],
  classWords: ['udostepnij', 'komentarze', 'powiazane', 'polecane', 'tagi', 'reklama', 'okruszki'],
};
