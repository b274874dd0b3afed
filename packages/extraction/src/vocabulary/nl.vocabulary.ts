import type { BoilerplateVocabulary } from './vocabulary.types';

export const nl: BoilerplateVocabulary = {
  share: ['delen', 'deel', 'deel dit artikel', 'artikel delen', 'delen via facebook', 'delen via whatsapp', 'printen', 'afdrukken', 'kopieer link', 'link kopiëren', 'mailen', 'e-mail'],
  related: [
    'lees ook', 'lees meer', 'lees verder', 'zie ook', 'bekijk ook', 'gerelateerde artikelen', 'gerelateerd', 'meer over',
    'meer over dit onderwerp', 'ook interessant', 'aanbevolen', 'dit vind je misschien ook interessant',
  ],
  teasers: ['meest gelezen', 'best gelezen', 'laatste nieuws', 'net binnen', 'populair', 'uitgelicht', 'trending'],
  comments: ['reacties', 'reactie', 'reageer', 'plaats een reactie', 'laat een reactie achter', 'discussie'],
  imprint: ['colofon', 'privacybeleid', 'privacyverklaring', 'cookiebeleid', 'contact', 'over ons', 'algemene voorwaarden'],
  widgets: ['inloggen', 'log in', 'registreren', 'menu', 'zoeken', 'sluiten', 'meer laden', 'toon meer', 'bekijk alles', 'volgende', 'vorige', 'meer'],
  ads: ['advertentie', 'reclame', 'gesponsord', 'gesponsorde inhoud'],
  tags: ['tags', 'onderwerpen', 'onderwerp', 'trefwoorden', 'categorieën', 'categorie'],
  credit: ['foto', "foto's", 'beeld', 'afbeelding', 'illustratie', 'video'],
  creditBy: ['van', 'door'],
  subscribe: [
    'schrijf je in', 'abonneer', 'abonneer je', 'neem een abonnement', 'meld je aan', 'ontvang onze nieuwsbrief',
    'ontvang de nieuwsbrief', 'al abonnee', 'ben je al abonnee', 'lees verder met', 'dit artikel is alleen voor abonnees',
    'steun onze journalistiek',
  ],
  newsletter: ['nieuwsbrief', 'newsletter'],
  signUp: ['aanmeld', 'meld je aan', 'inschrijv', 'schrijf je in', 'abonneer', 'gratis', 'inbox', 'mailbox', 'elke ochtend', 'elke dag', 'elke week', 'dagelijks'],
  cookie: ['cookie', 'cookies'],
  consent: ['accepte', 'akkoord', 'toestemming', 'privacy', 'wij gebruiken', 'we gebruiken', 'deze site gebruikt', 'deze website gebruikt'],
  follow: ['volg ons op', 'volg ons via', 'volg ons'],
  home: ['home', 'voorpagina', 'start'],
  by: ['door'],
  months: [
    'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
    'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
  ],
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  dateLabels: ['gepubliceerd', 'bijgewerkt', 'laatst bijgewerkt', 'aangepast'],
  dateGlue: ['om', 'uur', 'op'],
  classWords: ['delen', 'reacties', 'gerelateerd', 'nieuwsbrief', 'kruimelpad', 'advertentie'],
  aboutOpeners: ['over'],
  pressContacts: ['perscontact', 'mediacontact', 'contact voor de pers', 'contact voor pers', 'noot voor de redactie'],
};
