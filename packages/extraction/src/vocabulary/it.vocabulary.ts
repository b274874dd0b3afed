import type { BoilerplateVocabulary } from './vocabulary.types';

export const it: BoilerplateVocabulary = {
  share: ['condividi', 'condividi su facebook', 'condividi su twitter', 'condividi su whatsapp', "condividi l'articolo", 'stampa', 'copia link', 'copia il link', 'invia per email', 'invia', 'email'],
  related: [
    'leggi anche', 'leggi di più', 'leggi tutto', 'vedi anche', 'guarda anche', 'articoli correlati', 'notizie correlate',
    'potrebbe interessarti', 'ti potrebbe interessare', 'potrebbero interessarti', 'approfondimenti', 'correlati', 'ti consigliamo',
  ],
  teasers: ['i più letti', 'più letti', 'più lette', 'ultime notizie', 'ultim\'ora', 'in evidenza', 'i più visti', 'di tendenza', 'popolari'],
  comments: ['commenti', 'commento', 'lascia un commento', 'scrivi un commento', 'commenta'],
  imprint: ['note legali', 'informativa privacy', 'privacy policy', 'contatti', 'chi siamo', 'termini e condizioni'],
  widgets: ['accedi', 'registrati', 'menu', 'cerca', 'chiudi', 'carica altri', 'mostra di più', 'vedi tutti', 'successivo', 'precedente', 'altro'],
  ads: ['pubblicità', 'annuncio', 'contenuto sponsorizzato', 'sponsorizzato'],
  tags: ['tag', 'tags', 'argomenti', 'parole chiave', 'temi', 'categorie', 'categoria'],
  credit: ['foto', 'immagine', 'immagini', 'illustrazione', 'credito', 'crediti', 'video'],
  creditBy: ['di', 'da'],
  subscribe: [
    'iscriviti', 'abbonati', 'ricevi la newsletter', 'ricevi la nostra newsletter', 'sei già abbonato', 'già abbonato',
    'per continuare a leggere', 'articolo riservato agli abbonati', 'contenuto riservato agli abbonati', 'sostieni il nostro giornalismo',
  ],
  newsletter: ['newsletter'],
  signUp: ['iscriv', 'abbona', 'gratis', 'gratuit', 'casella di posta', 'ogni mattina', 'ogni giorno', 'ogni settimana'],
  cookie: ['cookie', 'cookies'],
  consent: ['accett', 'consenso', 'privacy', 'utilizziamo', 'usiamo', 'questo sito utilizza', 'acconsenti'],
  follow: ['seguici su', 'seguici'],
  home: ['home', 'homepage'],
  by: ['di', 'a cura di'],
  months: [
    'gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre',
    'gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic',
  ],
  weekdays: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  dateLabels: ['pubblicato', 'aggiornato', 'aggiornamento', 'modificato'],
  dateGlue: ['alle', 'ore', 'del', 'il'],
  classWords: ['condividi', 'commenti', 'correlati', 'articoli-correlati', 'pubblicita'],
  aboutOpeners: ['informazioni su', 'a proposito di', 'chi è'],
  pressContacts: ['contatti stampa', 'contatto stampa', 'ufficio stampa', 'per informazioni alla stampa'],
};
