import type { BoilerplateVocabulary } from './vocabulary.types';

export const fr: BoilerplateVocabulary = {
  share: ['partager', 'partager cet article', 'partager sur facebook', 'partager sur twitter', 'imprimer', 'copier le lien', 'envoyer par e-mail', 'envoyer', 'e-mail'],
  related: [
    'lire aussi', 'à lire aussi', 'lire la suite', 'voir aussi', 'à voir aussi', 'sur le même sujet', 'articles liés',
    'articles similaires', 'à lire également', 'lire également', 'pour aller plus loin', 'nos recommandations', 'vous aimerez aussi',
  ],
  teasers: ['les plus lus', 'articles les plus lus', 'les plus partagés', 'dernières actualités', 'derniers articles', 'à la une', 'en continu', 'populaire', 'tendances'],
  comments: ['commentaires', 'commentaire', 'laisser un commentaire', 'réagir', 'réagissez', 'vos commentaires', 'ajouter un commentaire'],
  imprint: ['mentions légales', 'politique de confidentialité', 'contact', 'conditions générales', "conditions d'utilisation", 'qui sommes-nous'],
  widgets: ['se connecter', 'connexion', "s'inscrire", 'menu', 'rechercher', 'recherche', 'fermer', 'voir plus', 'afficher plus', 'charger plus', 'suivant', 'précédent', 'plus'],
  ads: ['publicité', 'pub', 'contenu sponsorisé', 'sponsorisé', 'annonce'],
  tags: ['mots-clés', 'mots clés', 'sujets', 'thèmes', 'thème', 'étiquettes', 'tags', 'catégories', 'catégorie'],
  credit: ['photo', 'photos', 'crédit photo', 'crédits photo', 'crédit', 'crédits', 'image', 'illustration', 'vidéo'],
  creditBy: ['de', 'par'],
  subscribe: [
    'abonnez-vous', "s'abonner", 'inscrivez-vous', 'recevez notre newsletter', 'recevez la newsletter', 'déjà abonné',
    'vous êtes abonné', 'pour lire la suite', 'cet article est réservé aux abonnés', 'article réservé aux abonnés',
    'soutenez notre journalisme',
  ],
  newsletter: ['newsletter', "lettre d'information", 'infolettre'],
  signUp: ['inscri', 'abonn', 'gratuit', 'boîte mail', 'boîte de réception', 'chaque matin', 'chaque jour', 'chaque semaine'],
  cookie: ['cookie', 'cookies', 'traceurs'],
  consent: ['accept', 'consent', 'confidentialité', 'nous utilisons', 'ce site utilise', 'données personnelles', "j'accepte"],
  follow: ['suivez-nous sur', 'suivez-nous', 'retrouvez-nous sur'],
  home: ['accueil'],
  by: ['par'],
  months: [
    'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
    'janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc',
  ],
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  dateLabels: ['publié', 'publiée', 'mis à jour', 'mise à jour', 'modifié', 'actualisé'],
  dateGlue: ['le', 'à', 'h', 'à'],
  classWords: ['partager', 'partage', 'commentaires', 'ariane', 'fil-ariane', 'mentions-legales', 'lire-aussi', 'publicite'],
  aboutOpeners: ['à propos de', 'à propos d’', "à propos d'"],
  pressContacts: ['contact presse', 'contacts presse', 'contact médias', 'contacts médias', 'relations presse', 'contact pour la presse'],
};
