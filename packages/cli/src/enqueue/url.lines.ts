import { createInterface } from 'node:readline';

/** One URL as the user gave it, with where it came from, so a refusal can point at it. */
export interface UrlLine {
  /** `urls.txt:3`, `stdin:3`, or `argument 2`. */
  where: string;
  /** The line in its file (1-based, blank and comment lines counted), or the argument's position. */
  line: number;
  text: string;
}

/** Command-line URLs, numbered by their place among the arguments (`-` keeps its number). */
export function urlArguments(args: string[]): UrlLine[] {
  return args.flatMap((text, i) => (text === '-' ? [] : [{ where: `argument ${i + 1}`, line: i + 1, text }]));
}

/**
 * The URL lines of a file or standard input (`source` `-`): trimmed, without blank lines and
 * `#` comments, each numbered as an editor would number it.
 */
export async function readUrlLines(stream: NodeJS.ReadableStream, source: string): Promise<UrlLine[]> {
  const name = source === '-' ? 'stdin' : source;
  // readline leaves a stream error unreported on some Node versions: reject with it here.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const read = (async () => {
    const lines: UrlLine[] = [];
    let n = 0;
    for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
      n++;
      const text = raw.trim();
      if (text && !text.startsWith('#')) lines.push({ where: `${name}:${n}`, line: n, text });
    }
    return lines;
  })();
  return Promise.race([read, failed]);
}
