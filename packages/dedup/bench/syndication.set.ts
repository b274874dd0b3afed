/**
 * A syndication set built from clean texts: each text is a story, published again by other
 * sites with a changed headline, their own boilerplate, a paragraph added or cut, light
 * copy-editing, or all of these at once. Distinct texts are distinct stories, including the
 * dev set's several articles on one news event (found by the names they share). Deterministic:
 * the same texts give the same set.
 */
import { seededRandom } from '../../../test/chaos/support/rng';

// (the chaos suite's seeded generator: the same set on every run)
export { seededRandom };

export type Variant = 'original' | 'headline' | 'boilerplate' | 'paragraph-added' | 'paragraph-cut' | 'copy-edited' | 'combined';

export const VARIANTS: readonly Variant[] = [
  'original',
  'headline',
  'boilerplate',
  'paragraph-added',
  'paragraph-cut',
  'copy-edited',
  'combined',
];

export interface SyndicatedDoc {
  id: string;
  /** The story (the source text) it is a copy of. */
  story: string;
  variant: Variant;
  text: string;
}

export interface SourceText {
  id: string;
  text: string;
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Syndicating sites, each with its own header and footer lines around every story it carries. */
const SITES: { header: string[]; footer: string[] }[] = [
  {
    header: ['By Staff Writer | Updated 10:42 AM EST', 'Advertisement'],
    footer: [
      'Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    ],
  },
  {
    header: ['Published 2 hours ago', 'Share this article on Facebook Twitter WhatsApp Email'],
    footer: [
      'Sign up for our daily newsletter to get the top stories delivered to your inbox every morning.',
      'Have a news tip? Email our newsroom.',
    ],
  },
  {
    header: ['From our wire services'],
    footer: [
      'Reporting by our correspondents; editing by the news desk.',
      'Our Standards: The Trust Principles.',
      'Follow us on Twitter and Instagram for the latest updates.',
    ],
  },
  {
    header: ['Listen to this article', 'Reading time: 4 minutes'],
    footer: [
      'This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.',
    ],
  },
  {
    header: ['Breaking News', 'Updated on November 19, 2019'],
    footer: [
      'Related coverage: more stories from the region',
      'Comments are closed for this article.',
      'Subscribe to continue reading unlimited stories for one low monthly price.',
    ],
  },
  {
    header: [],
    footer: ['Get the best of the news in your inbox: sign up for our free morning briefing.', 'Photo: handout via Reuters'],
  },
];

/** Light copy-editing: house style, synonyms, spelling, punctuation. Both directions of each. */
const SWAPS: [string, string][] = [
  ['said', 'says'],
  ['told', 'said to'],
  ['however', 'but'],
  ['large', 'big'],
  ['about', 'around'],
  ['after', 'following'],
  ['because', 'as'],
  ['percent', 'per cent'],
  ['organization', 'organisation'],
  ['color', 'colour'],
  ['center', 'centre'],
  ['do not', "don't"],
  ['is not', "isn't"],
  ['will not', "won't"],
  ['also', 'as well'],
  ['people', 'persons'],
  ['very', 'really'],
  ['start', 'begin'],
  ['buy', 'purchase'],
  ['show', 'reveal'],
  ['help', 'assist'],
  ['more than', 'over'],
  ['until', 'till'],
];

function copyEdit(text: string, rng: Rng, rate: number): string {
  return text.replace(/[\p{L}\p{N}’']+|[“”"—,;]/gu, (w) => {
    if (rng() >= rate) return w;
    if (w === '“' || w === '”') return '"';
    if (w === '"') return rng() < 0.5 ? '“' : '”';
    if (w === '—') return ',';
    if (w === ',' || w === ';') return rng() < 0.5 ? '' : ' —';
    const lower = w.toLowerCase();
    const swap = SWAPS.find(([a, b]) => a === lower || b === lower);
    if (swap) return swap[0] === lower ? swap[1] : swap[0];
    const r = rng();
    if (r < 0.35) return ''; // a word cut ("very", "that", "also")
    if (r < 0.6) return `${w} ${pick(rng, ['really', 'now', 'also', 'then', 'indeed'])}`; // a word added
    if (r < 0.8) return w.replace(/ize/, 'ise').replace(/or$/, 'our'); // spelling
    return /^\d/.test(w) ? w.replace(/(\d)(\d{3})$/, '$1,$2') : w.toUpperCase(); // figures, case
  });
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…。])\s+/u).filter((s) => s !== '');
}

/** A headline from the story's own words, worded differently for each copy. */
function headline(text: string, rng: Rng): string {
  const ws = (paragraphsOf(text)[0] ?? '').split(/\s+/).slice(0, 20);
  const start = Math.floor(rng() * Math.max(1, ws.length - 8));
  return `${pick(rng, ['', 'UPDATE: ', 'WATCH: ', 'Analysis: ', 'Exclusive: '])}${ws.slice(start, start + 6 + Math.floor(rng() * 6)).join(' ')}`;
}

function withBoilerplate(text: string, site: (typeof SITES)[number]): string {
  return [...site.header, text, ...site.footer].join('\n\n');
}

/**
 * Adds a paragraph from another text (background, an editor's addition) at some place after
 * the first: at most half as long as the text itself, as an addition is, not a second article.
 */
function addParagraph(text: string, rng: Rng, other: string): string {
  const ps = paragraphsOf(text);
  const room = Math.max(30, wordCount(text) / 2);
  const fitting = paragraphsOf(other).filter((p) => wordCount(p) <= room);
  const extra = fitting.length > 0 ? pick(rng, fitting) : (sentencesOf(paragraphsOf(other)[0] ?? '')[0] ?? '');
  ps.splice(1 + Math.floor(rng() * ps.length), 0, extra);
  return ps.join('\n\n');
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;

/** Cuts one paragraph, never the first; a text of one or two paragraphs loses its last sentences instead. */
function cutParagraph(text: string, rng: Rng): string {
  const ps = paragraphsOf(text);
  if (ps.length >= 3) {
    ps.splice(1 + Math.floor(rng() * (ps.length - 1)), 1);
    return ps.join('\n\n');
  }
  const ss = sentencesOf(ps.join(' '));
  const keep = Math.max(1, Math.ceil(ss.length * 0.8));
  return ss.slice(0, keep).join(' ');
}

/** Every text as a story with each kind of copy (its copies spread over the syndicating sites). */
export function buildSyndicationSet(texts: SourceText[], seed = 2019): SyndicatedDoc[] {
  const docs: SyndicatedDoc[] = [];
  texts.forEach((src, i) => {
    const rng = seededRandom(seed * 1000 + i);
    const other = texts[(i + 1 + Math.floor(rng() * (texts.length - 1))) % texts.length]!.text;
    const site = (k: number) => SITES[(i + k) % SITES.length]!;
    const variants: Record<Variant, () => string> = {
      original: () => src.text,
      headline: () => `${headline(src.text, rng)}\n\n${src.text}`,
      boilerplate: () => withBoilerplate(src.text, site(1)),
      'paragraph-added': () => addParagraph(src.text, rng, other),
      'paragraph-cut': () => cutParagraph(src.text, rng),
      'copy-edited': () => copyEdit(src.text, rng, 0.03),
      // Everything at once: another headline and site, a paragraph cut and another added, copy-edited.
      combined: () => {
        const body = addParagraph(cutParagraph(src.text, rng), rng, other);
        return withBoilerplate(`${headline(src.text, rng)}\n\n${copyEdit(body, rng, 0.03)}`, site(2));
      },
    };
    for (const variant of VARIANTS) docs.push({ id: `${src.id}:${variant}`, story: src.id, variant, text: variants[variant]() });
  });
  return docs;
}

/**
 * Pairs of distinct texts on one subject: they share many names (capitalised words past a
 * sentence's start), the way several outlets' own reports of one event do.
 */
export function sameTopicPairs(texts: SourceText[], minShared = 0.2): [string, string][] {
  const names = texts.map(
    (t) => new Set([...t.text.matchAll(/(?<=[\p{L}\p{N},;:] )\p{Lu}[\p{L}’'-]{2,}/gu)].map((m) => m[0].toLowerCase())),
  );
  const pairs: [string, string][] = [];
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const x = names[a]!;
      const y = names[b]!;
      if (x.size < 3 || y.size < 3) continue;
      let shared = 0;
      for (const n of x) if (y.has(n)) shared++;
      if (shared / Math.min(x.size, y.size) >= minShared && shared >= 4) pairs.push([texts[a]!.id, texts[b]!.id]);
    }
  }
  return pairs;
}
