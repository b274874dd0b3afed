import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readUrlLines, urlArguments } from './url.lines';

describe('readUrlLines', () => {
  it('numbers lines as an editor does, skipping blanks and comments but counting them', async () => {
    const input = Readable.from(['\uFEFF# list\r\nhttps://a.example/1\r\n\r\n  https://a.example/2  \n# done\nhttps://a.example/3']);
    expect(await readUrlLines(input, 'urls.txt')).toEqual([
      { where: 'urls.txt:2', line: 2, text: 'https://a.example/1' },
      { where: 'urls.txt:4', line: 4, text: 'https://a.example/2' },
      { where: 'urls.txt:6', line: 6, text: 'https://a.example/3' },
    ]);
  });

  it('calls standard input stdin', async () => {
    expect(await readUrlLines(Readable.from(['https://a.example/1\n']), '-')).toEqual([
      { where: 'stdin:1', line: 1, text: 'https://a.example/1' },
    ]);
  });

  it('rejects with the stream error rather than hanging', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('EIO: i/o error'));
      },
    });
    await expect(readUrlLines(broken, 'urls.txt')).rejects.toThrow('EIO');
  });
});

describe('urlArguments', () => {
  it('numbers arguments by position, leaving out - (standard input)', () => {
    expect(urlArguments(['https://a.example/1', '-', 'https://a.example/2'])).toEqual([
      { where: 'argument 1', line: 1, text: 'https://a.example/1' },
      { where: 'argument 3', line: 3, text: 'https://a.example/2' },
    ]);
  });
});
