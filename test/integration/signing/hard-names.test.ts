import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEY_TEMPLATE, renderKey, utf8Length } from '../../../common/key-template';
import type { Signer } from '../../../core/signing/signer';
import { putFileBody } from '../../../core/transfer/http-put';
import { parseContentDisposition } from '../../support/content-disposition';
import { rgwSigner } from '../../support/rgw-signer';
import { createTestBucket } from '../../support/s3';

const LONGEST = `a${'é'.repeat(125)}.txt`; // 255 bytes of UTF-8: the longest name ext4 and APFS allow

const HARD_NAMES = [
  'a file with spaces.txt',
  '# ? % + & =.txt',
  '100% sure? #1 + a&b=c.csv',
  '📦 party 🎉.zip',
  'Cafe\u0301 de\u0301compose\u0301.txt', // as macOS hands names over (NFD)
  '"quoted" & \'single\'.txt',
  LONGEST,
];

let bucket: string;
let signer: Signer;
let dir: string;

beforeAll(async () => {
  bucket = await createTestBucket('names');
  signer = await rgwSigner(bucket);
  dir = await mkdtemp(join(tmpdir(), 'signdrop-names-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('files with the hardest names, through radosgw', () => {
  it('uses a 255-byte name', () => {
    expect(utf8Length(LONGEST)).toBe(255);
  });

  it.each(HARD_NAMES)('%j uploads by PUT and its link downloads it under its own name', async (name) => {
    const body = randomBytes(2048);
    await writeFile(join(dir, name), body);
    // The name as the file system gives it back, as the upload queue would see it.
    const onDisk = (await readdir(dir)).find((n) => n.normalize('NFC') === name.normalize('NFC'))!;
    const rendered = renderKey(DEFAULT_KEY_TEMPLATE, { relativePath: onDisk, now: new Date(), uuid: randomUUID() });
    if ('error' in rendered) throw new Error(rendered.error);

    const put = await signer.presignPut('rgw', rendered.key, { expiresInSeconds: 600 });
    const { etag, md5 } = await putFileBody({ url: put.url, file: join(dir, onDisk), length: body.length });
    expect(etag).toBe(md5);

    const link = await signer.presignGet('rgw', rendered.key, { expiresInSeconds: 600, downloadName: onDisk });
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    const disposition = parseContentDisposition(res.headers.get('content-disposition') ?? '');
    expect(disposition.type).toBe('attachment');
    expect(disposition.filename).toBe(name.normalize('NFC'));
  });

  it('a batch of links names every download after its file', async () => {
    const keys = await Promise.all(
      HARD_NAMES.map(async (name, i) => {
        const key = `batch/${i}/${name.normalize('NFC')}`;
        const put = await signer.presignPut('rgw', key, { expiresInSeconds: 600 });
        expect((await fetch(put.url, { method: 'PUT', body: name })).status).toBe(200);
        return key;
      }),
    );
    const { links } = await signer.presignGetBatch('rgw', keys, { expiresInSeconds: 600, disposition: 'inline' });
    for (const [i, link] of links.entries()) {
      const res = await fetch(link.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(HARD_NAMES[i]);
      const disposition = parseContentDisposition(res.headers.get('content-disposition') ?? '');
      expect(disposition).toMatchObject({ type: 'inline', filename: HARD_NAMES[i]!.normalize('NFC') });
    }
  });
});
