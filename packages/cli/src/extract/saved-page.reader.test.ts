import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSavedPage } from './saved-page.reader';

const dir = mkdtempSync(join(tmpdir(), 'nf-saved-page-'));
const save = (name: string, bytes: Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('readSavedPage: saved files decoded as the fetcher decodes responses', () => {
  it('reads windows-1252 by its <meta>', async () => {
    const html = '<meta charset="windows-1252"><p>„Grüße“ – 5 €</p>';
    expect(await readSavedPage(save('a.html', iconv.encode(html, 'windows-1252')))).toBe(html);
  });

  it('reads Polish iso-8859-2, gzipped, whatever the file is called', async () => {
    const html = '<meta http-equiv="content-type" content="text/html; charset=iso-8859-2"><p>Łódź, Gdańsk, żółw</p>';
    expect(await readSavedPage(save('page.bin', gzipSync(iconv.encode(html, 'iso-8859-2'))))).toBe(html);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const html = '<p>café</p>';
    expect(await readSavedPage(save('bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)])))).toBe(html);
  });
});
