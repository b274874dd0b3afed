import type { SkipReason } from '../formats/found';

const SKIP_WORDS: Record<SkipReason, string> = {
  relative: 'relative',
  'not-http': 'not http(s)',
  'too-long': 'too long',
  'not-a-url': 'not a URL',
};

/** What went wrong in one poll, per document, said in one line for the source's last error. */
export interface PollProblems {
  add(documentUrl: string, message: string): void;
  skipped(documentUrl: string, link: string, why: SkipReason): void;
  count(): number;
  /** Null when there is nothing to say. */
  text(): string | null;
}

const SHOWN = 3;

export function createPollProblems(): PollProblems {
  const problems: string[] = [];
  const skips = new Map<string, { n: number; examples: string[] }>();
  const lines = () => [
    ...problems,
    ...[...skips].map(
      ([url, s]) => `${url}: ${s.n} link${s.n === 1 ? '' : 's'} skipped (${s.examples.join('; ')}${s.n > s.examples.length ? '; …' : ''})`,
    ),
  ];
  return {
    add(documentUrl, message) {
      // The fetcher's messages already start with the URL they are about.
      problems.push(message.startsWith(documentUrl) || message.startsWith('http') ? message : `${documentUrl} ${message}`);
    },
    skipped(documentUrl, link, why) {
      const s = skips.get(documentUrl) ?? { n: 0, examples: [] };
      s.n++;
      if (s.examples.length < SHOWN) {
        s.examples.push(`${SKIP_WORDS[why]}: ${JSON.stringify(link.length > 80 ? `${link.slice(0, 80)}…` : link)}`);
      }
      skips.set(documentUrl, s);
    },
    count: () => problems.length + skips.size,
    text() {
      const all = lines();
      if (all.length === 0) return null;
      const shown = all.slice(0, SHOWN).join('; ');
      return all.length > SHOWN ? `${shown}; and ${all.length - SHOWN} more` : shown;
    },
  };
}
