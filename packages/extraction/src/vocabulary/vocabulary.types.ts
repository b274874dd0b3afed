/**
 * The words of page furniture in one language, as data: the rules in block.filter.ts and
 * boilerplate.cleaner.ts are the same for every language, only these tables differ. Entries
 * are literal phrases, matched case-insensitively as whole words; a space matches any run of
 * spaces. A rule that uses a table applies only to short blocks (see block.filter.ts), so a
 * paragraph that happens to contain these words is never removed for them.
 */
export interface BoilerplateVocabulary {
  /** Share bars, alone on their line: "Share", "Teilen", "Copy link". */
  share: readonly string[];
  /** Labels introducing links to other stories: "Related articles", "Lesen Sie auch". */
  related: readonly string[];
  /** Headings of teaser widgets: "Most read", "Meistgelesen", "Les plus lus". */
  teasers: readonly string[];
  /** Comment section headings and prompts, alone on their line: "Comments", "Kommentare". */
  comments: readonly string[];
  /** Footer and legal links alone on their line: "Imprint", "Impressum", "Mentions légales". */
  imprint: readonly string[];
  /** Other widget labels alone on their line: "Menu", "Search", "Load more". */
  widgets: readonly string[];
  /** Ad labels alone on their line: "Advertisement", "Anzeige". */
  ads: readonly string[];
  /** Words that open a tag or topic list: "Tags:", "Schlagwörter:". */
  tags: readonly string[];
  /** Words that open a photo credit or caption: "Photo:", "Foto:". */
  credit: readonly string[];
  /** Words after a credit word that name the photographer: "Photo by", "Foto von", "Photo de". */
  creditBy: readonly string[];
  /** Starts of subscription, newsletter and paywall prompts: "Subscribe", "Jetzt abonnieren". */
  subscribe: readonly string[];
  /** Names of newsletters: with a sign-up word nearby, the block is a newsletter box. */
  newsletter: readonly string[];
  /** Sign-up words; stems match longer words ("abonn" → "abonnieren"). */
  signUp: readonly string[];
  /** "cookie" in this language's notices. */
  cookie: readonly string[];
  /** Consent words of cookie notices; stems as signUp. */
  consent: readonly string[];
  /** Starts of follow-us lines: "Follow us on", "Folgen Sie uns auf". */
  follow: readonly string[];
  /** The first crumb of a breadcrumb trail: "Home", "Startseite". */
  home: readonly string[];
  /** Byline words before a name: "Von", "Par", "Por". */
  by: readonly string[];
  /** Month names and their abbreviations as datelines write them. */
  months: readonly string[];
  /** Weekday names. */
  weekdays: readonly string[];
  /** Words of datelines that say what the date is: "Updated", "Aktualisiert". */
  dateLabels: readonly string[];
  /** Small words inside datelines: "Uhr", "à", "de", "godz". Only ever with a date. */
  dateGlue: readonly string[];
  /** Class and id words of furniture containers in this language: "teilen", "compartir". */
  classWords: readonly string[];
  /**
   * Words before a company's name in the heading of a press release's closing paragraph about
   * it (what PR calls the boilerplate): "About", "Über", "À propos de".
   */
  aboutOpeners: readonly string[];
  /** Headings of a press release's contact block: "Media contact", "Pressekontakt". */
  pressContacts: readonly string[];
}
