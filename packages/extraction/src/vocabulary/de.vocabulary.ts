import type { BoilerplateVocabulary } from './vocabulary.types';

export const de: BoilerplateVocabulary = {
  share: ['teilen', 'artikel teilen', 'beitrag teilen', 'jetzt teilen', 'drucken', 'artikel drucken', 'link kopieren', 'e-mail', 'per e-mail senden', 'versenden', 'merken'],
  related: [
    'lesen sie auch', 'lesen sie mehr', 'auch interessant', 'das könnte sie auch interessieren', 'das könnte sie interessieren',
    'mehr zum thema', 'mehr zu diesem thema', 'weiterlesen', 'siehe auch', 'verwandte artikel', 'ähnliche artikel',
    'empfehlungen', 'empfohlene artikel', 'auch lesenswert', 'zum thema',
  ],
  teasers: ['meistgelesen', 'meistgelesene artikel', 'am meisten gelesen', 'neueste artikel', 'neueste nachrichten', 'aktuelle nachrichten', 'top-themen', 'topthemen', 'beliebt', 'beliebte artikel', 'eilmeldung'],
  comments: ['kommentare', 'kommentar', 'kommentar schreiben', 'kommentieren', 'diskutieren sie mit', 'leserkommentare', 'ihre meinung'],
  imprint: ['impressum', 'datenschutz', 'datenschutzerklärung', 'kontakt', 'agb', 'nutzungsbedingungen', 'über uns'],
  widgets: ['anmelden', 'einloggen', 'registrieren', 'menü', 'suche', 'suchen', 'schließen', 'mehr laden', 'mehr anzeigen', 'alle anzeigen', 'weiter', 'zurück', 'mehr', 'bildunterschrift'],
  ads: ['anzeige', 'werbung', 'sponsored', 'gesponsert', 'artikel wird nach der anzeige fortgesetzt'],
  tags: ['schlagwörter', 'schlagworte', 'stichwörter', 'stichworte', 'themen', 'thema', 'tags', 'kategorien', 'kategorie'],
  credit: ['foto', 'fotos', 'bild', 'bilder', 'bildquelle', 'grafik', 'illustration', 'video'],
  creditBy: ['von'],
  subscribe: [
    'jetzt abonnieren', 'abonnieren sie', 'jetzt anmelden', 'melden sie sich', 'newsletter abonnieren', 'bereits abonnent',
    'schon abonnent', 'jetzt weiterlesen', 'weiterlesen mit', 'um weiterzulesen', 'dieser artikel ist nur für abonnenten',
    'unterstützen sie unseren journalismus',
  ],
  newsletter: ['newsletter'],
  signUp: ['anmeld', 'abonn', 'registrier', 'kostenlos', 'gratis', 'posteingang', 'postfach', 'jeden morgen', 'jeden tag', 'jede woche', 'täglich'],
  cookie: ['cookie', 'cookies'],
  consent: ['akzept', 'zustimm', 'einwillig', 'datenschutz', 'wir verwenden', 'wir nutzen', 'verwendet', 'einverstanden'],
  follow: ['folgen sie uns auf', 'folgen sie uns bei', 'folge uns auf'],
  home: ['startseite', 'home'],
  by: ['von'],
  months: [
    'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
    'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
  ],
  weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag', 'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'],
  dateLabels: ['aktualisiert', 'veröffentlicht', 'erschienen', 'stand', 'zuletzt aktualisiert'],
  dateGlue: ['am', 'um', 'uhr', 'vom'],
  classWords: ['teilen', 'kommentare', 'verwandt', 'aehnliche', 'empfehlungen', 'schlagworte', 'impressum', 'werbung', 'anzeige', 'brotkrumen'],
};
