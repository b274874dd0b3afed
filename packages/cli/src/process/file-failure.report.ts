/**
 * A file `extract` or `enrich` could not do: the `{file, error}` line on stdout, where a
 * program reading the JSON lines finds it in order, and one line on stderr for the person
 * watching, who would otherwise see only an exit status of 1 among pages of JSON.
 */
export function reportFileFailure(file: string, err: unknown, { jsonLine = true }: { jsonLine?: boolean } = {}): void {
  const error = err instanceof Error ? err.message : String(err);
  // Output for people (`extract --format text`) gets no JSON among its paragraphs.
  if (jsonLine) process.stdout.write(`${JSON.stringify({ file, error })}\n`);
  process.stderr.write(`newsflow: ${file}: ${error.replace(/\s+/g, ' ').trim()}\n`);
}
