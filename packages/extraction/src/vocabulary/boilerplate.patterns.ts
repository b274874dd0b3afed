/**
 * The vocabulary tables compiled into the patterns the block rules use: one alternation per
 * kind of furniture over every language, so a page needs no language detection first (many
 * declare none, or the wrong one) and a German share bar on an English page still goes.
 */
import { de } from './de.vocabulary';
import { en } from './en.vocabulary';
import { es } from './es.vocabulary';
import { fr } from './fr.vocabulary';
import { it } from './it.vocabulary';
import { nl } from './nl.vocabulary';
import { pl } from './pl.vocabulary';
import { pt } from './pt.vocabulary';
import { ru } from './ru.vocabulary';
import type { BoilerplateVocabulary } from './vocabulary.types';

export const VOCABULARIES = { en, de, fr, es, it, pt, pl, nl } as const;
const TABLES: readonly Partial<BoilerplateVocabulary>[] = [...Object.values(VOCABULARIES), ru];

type Kind = keyof BoilerplateVocabulary;

/** A letter or digit: JavaScript's \b knows only ASCII, and "Teilen" ends where "é" would not. */
const W = '[\\p{L}\\p{N}]';
export const BEFORE = `(?<!${W})`;
export const AFTER = `(?!${W})`;

/** An entry as a pattern; `caseless` spells each letter in both cases, for patterns that need case elsewhere. */
function phrase(entry: string, caseless = false): string {
  return entry
    .trim()
    .split(/\s+/)
    .map((word) =>
      Array.from(word, (c) => {
        if (c === "'" || c === '’') return "['’]";
        if (caseless && c.toLowerCase() !== c.toUpperCase()) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
        return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }).join(''),
    )
    .join('\\s+');
}

function entriesOf(kinds: readonly Kind[]): string[] {
  const all = new Set<string>();
  for (const table of TABLES) for (const kind of kinds) for (const e of table[kind] ?? []) all.add(e.toLowerCase());
  // Longest first, so "related articles" wins over "related" where both would match.
  return [...all].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** `(?:a|b|…)` over these kinds of every table. */
export function alternation(...kinds: Kind[]): string {
  return `(?:${entriesOf(kinds)
    .map((e) => phrase(e))
    .join('|')})`;
}

/** The words of every table of these kinds, lower case (for class and id words). */
export function wordsOf(...kinds: Kind[]): string[] {
  return entriesOf(kinds);
}

const re = (source: string) => new RegExp(source, 'iu');

/**
 * A line as whole-line labels are looked up: lower case, one space, curly apostrophes straight,
 * without a count ("12 Kommentare", "Comments (12)") or closing punctuation. A set lookup: an
 * alternation of every table's labels costs more per line than the rest of the rules together.
 */
function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d+ /, '')
    .replace(/(?:\s*\(\d+\))?[\s.…!:]*$/, '');
}

const setOf = (...kinds: Kind[]) => new Set(entriesOf(kinds).map(labelKey));
const LABELS = setOf('share', 'comments', 'imprint', 'widgets', 'teasers', 'ads', 'newsletter');
const TEASER_HEADINGS = setOf('related', 'teasers');

/** A whole short line that is a label: "Share", "12 Kommentare", "Impressum", "Anzeige", "Newsletter". */
export function isLabelLine(text: string): boolean {
  return text.length <= 60 && LABELS.has(labelKey(text));
}

/** A heading over a list of teasers: "Related articles", "Lesen Sie auch:", "Les plus lus". */
export function isTeaserHeadingLine(text: string): boolean {
  return text.length <= 80 && TEASER_HEADINGS.has(labelKey(text));
}

/** A line that opens with a related label: "Read also: …", "Lesen Sie auch: …". */
export const RELATED_PREFIX_RE = re(`^${alternation('related')}${AFTER}\\s*[:>»|-]?`);

export const TAGS_PREFIX_RE = re(`^${alternation('tags')}${AFTER}\\s*(?::|\\n)`);

/** "Photo: AP", "Foto von Max Muster", "Fot. PAP", "Crédit photo : AFP". */
export const CREDIT_PREFIX_RE = re(
  `^${alternation('credit')}\\s*${alternation('credit')}?\\s*(?::|\\.\\s|${alternation('creditBy')}${AFTER})`,
);

/** A caption ending in its credit: "… Foto: dpa". */
export const CREDIT_SUFFIX_RE = re(`${BEFORE}${alternation('credit')}\\s*:\\s*[^.]{1,60}$`);

export const SUBSCRIBE_PREFIX_RE = re(`^[¿¡]?${alternation('subscribe')}${AFTER}`);

/** Text with a match of each pattern, in any order. */
export interface TextTest {
  test(text: string): boolean;
}

function allOf(...patterns: RegExp[]): TextTest {
  return { test: (text) => patterns.every((p) => p.test(text)) };
}

/** A newsletter named with a sign-up word, either order: "Melden Sie sich für unseren Newsletter an". */
export const NEWSLETTER_PROMPT = allOf(re(`${BEFORE}${alternation('newsletter')}${AFTER}`), re(`${BEFORE}${alternation('signUp')}`));

/** A cookie notice: a cookie word with a consent word, either order. */
export const COOKIE_NOTICE = allOf(re(`${BEFORE}${alternation('cookie')}`), re(`${BEFORE}${alternation('consent')}`));

export const FOLLOW_PREFIX_RE = re(`^${alternation('follow')}${AFTER}`);

/** "Startseite › Politik › Inland": the first crumb and a separator. */
export const BREADCRUMB_RE = re(`^${alternation('home')}\\s*[›»>/|→•·]`);

const NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:de|da|del|della|dos|das|du|di|van|von|der|den|ten|la|le)\\s+)*\\p{Lu}[\\p{L}'’.-]*){0,3}";
const AND = '(?:,|&|and|und|et|y|e|i|en|oraz)';
/**
 * A byline and nothing else: "Von Anna Schmidt", "Par Jean Dupont et Marie Curie", "Autor: Jan
 * Kowalski". Names must be capitalised, so "Von den 300 Abgeordneten…" is a sentence, not a byline.
 */
export const BYLINE_VOCAB_RE = new RegExp(
  `^(?:${entriesOf(['by'])
    .map((e) => phrase(e, true))
    .join('|')})\\s*:?\\s+${NAME}(?:\\s*${AND}\\s+${NAME})*$`,
  'u',
);

/** Every word a dateline may be made of besides numbers: months, weekdays, labels and glue. */
export const DATE_TOKENS = alternation('months', 'weekdays', 'dateLabels', 'dateGlue');
/** Words that make a short line look like a dateline: months, weekdays and labels. */
export const DATE_WORDS = alternation('months', 'weekdays', 'dateLabels');
export const MONTHS = alternation('months');

/** Class and id words of furniture, every language's. */
export const CLASS_WORDS = wordsOf('classWords');

/**
 * The heading of a press release's paragraph about a company: "About Acme Corp", "Über die
 * Beispiel AG", "À propos d'Acme". The opener in any case, the name capitalised (captured: the
 * paragraph after such a heading starts with the name, which tells it from a section heading).
 */
export const ABOUT_HEADING_RE = new RegExp(
  `^(?:${entriesOf(['aboutOpeners'])
    .map((e) => phrase(e, true))
    .join('|')})(?:\\s+(?:(?:the|die|der|das|la|le|les|el|los|il|lo|de|het)\\s+)?|(?<=['’]))(\\p{Lu}[\\p{L}\\p{N}&'’.-]*)`,
  'u',
);

/** The heading (or first words) of a press release's contact block: "Media contact:", "Pressekontakt". */
export const PRESS_CONTACT_RE = re(`^${alternation('pressContacts')}${AFTER}`);

/** The marks that end a press release's text: "###", "-30-", "– ENDS –", "- Fin -". */
export const END_MARK_RE = /^(?:#\s*){3}$|^[-–—]\s*30\s*[-–—]$|^[-–—*]*\s*(?:ends?|fin|ende|fim|koniec|einde)\s*[-–—*]*$/iu;
