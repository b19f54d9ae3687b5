import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { multipartEtag } from '../../../core/transfer/etag';
import type { TransferSigner } from '../../../core/transfer/transfer-signer';

/**
 * A tiny in-process PUT target and a TransferSigner that hands out its URLs: enough to test the
 * engine's retry, re-signing and integrity logic without a store. Nothing about real signatures.
 */
export class FakeStore {
  readonly parts = new Map<number, { md5: string; size: number }>();
  readonly signed: string[] = [];
  /** Returns the ETag to answer with (default: the body's MD5), or a status to fail with. */
  answer: (info: { partNumber?: number; md5: string; expired: boolean }) => { etag: string } | { status: number; body: string } = ({ md5, expired }) =>
    expired ? { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' } : { etag: md5 };
  /** The ETag HeadObject reports after Complete (default: the S3 multipart formula). */
  headEtag = () => multipartEtag([...this.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p.md5));
  /** How long each answer takes, as a real store's round trip does (0: at once). */
  answerDelayMs = 0;
  /** Expiry given to the next URLs, in seconds from now (negative: already expired). */
  urlLife = 3600;
  private server!: Server;
  private base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const hash = createHash('md5');
      let size = 0;
      req.on('data', (c: Buffer) => {
        hash.update(c);
        size += c.length;
      });
      // At once unless asked (a test may stop the clock).
      req.on('end', () => (this.answerDelayMs > 0 ? setTimeout(respond, this.answerDelayMs) : respond()));
      const respond = () => {
        const md5 = hash.digest('hex');
        const pn = url.searchParams.get('partNumber');
        const expired = Number(url.searchParams.get('exp')) < Date.now();
        const a = this.answer({ ...(pn ? { partNumber: Number(pn) } : {}), md5, expired });
        if ('status' in a) return void res.writeHead(a.status).end(a.body);
        if (pn) this.parts.set(Number(pn), { md5, size });
        res.writeHead(200, { etag: `"${a.etag}"` }).end();
      };
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  private link(query: string) {
    const exp = Date.now() + this.urlLife * 1000;
    this.signed.push(query);
    return { url: `${this.base}/obj?${query}&exp=${exp}`, expiresAt: new Date(exp).toISOString() };
  }

  signer(): TransferSigner {
    return {
      describe: async () => ({ bucket: 'b', keyTemplate: '{filename}' }),
      presignPut: async () => this.link('put'),
      createMultipart: async () => 'upload-1',
      presignPart: async (_ref, _id, n) => this.link(`partNumber=${n}`),
      listParts: async () => [...this.parts.entries()].map(([partNumber, p]) => ({ partNumber, etag: p.md5, size: p.size })),
      completeMultipart: async () => '', // like radosgw: no ETag on Complete
      abortMultipart: async () => undefined,
      listMultipart: async () => [],
      listMultipartUnder: async () => [],
      headObject: async () => ({ etag: this.headEtag(), size: 0 }),
      presignGet: async () => this.link('get'),
    };
  }
}

export async function randomFile(size: number): Promise<{ path: string; size: number; mtimeMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-unit-'));
  const path = join(dir, 'f.bin');
  await writeFile(path, randomBytes(size));
  const { stat } = await import('node:fs/promises');
  return { path, size, mtimeMs: (await stat(path)).mtimeMs };
}
