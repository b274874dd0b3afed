import { readFile } from 'node:fs/promises';
import { enrichText } from '@newsflow/nlp';

/** `newsflow enrich FILE... | -`: entities and attributed quotations of plain-text files; one JSON line per file. */
export async function enrichCommand(files: string[]): Promise<number> {
  let failures = 0;
  for (const file of files) {
    try {
      const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      const { entities, quotes } = enrichText(text);
      process.stdout.write(
        `${JSON.stringify({
          file,
          entities: entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
          quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker, speakerType: q.speakerType, kind: q.kind, cue: q.cue, start: q.start, end: q.end })),
        })}\n`,
      );
    } catch (err) {
      failures++;
      process.stdout.write(`${JSON.stringify({ file, error: (err as Error).message })}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
