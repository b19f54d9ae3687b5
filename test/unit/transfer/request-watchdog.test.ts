import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { putFileBody } from '../../../core/transfer/http-put';
import { randomFile } from './fake-store';

const SHORT = { connectTimeoutMs: 300, firstByteTimeoutMs: 300, idleTimeoutMs: 300 };

/** A local server that reads each PUT and then does what `answer` says (or nothing at all). */
async function serve(answer: (res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.once('end', () => answer(res));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bucket/key`, server };
}

describe('time-outs of a PUT in flight', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const put = async (url: string, size: number) => {
    const file = await randomFile(size);
    const started = Date.now();
    const error = await putFileBody({ url, file: file.path, length: size, timeouts: SHORT }).then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    return { error, took: Date.now() - started };
  };

  it('a store that takes the body and never answers: "no answer", as a network error, within a sweep of the limit', async () => {
    const started = await serve(() => undefined);
    server = started.server;
    const { error, took } = await put(started.url, 10_000);
    expect(error?.code).toBe('ETIMEDOUT');
    expect(error?.message).toBe("no answer within 0.3 s of the upload's last byte");
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(3000);
  });

  it('a store that starts its answer and stops sending it: "nothing moved"', async () => {
    const started = await serve((res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    server = started.server;
    const { error } = await put(started.url, 3 * 1024 * 1024);
    expect(error?.code).toBe('ETIMEDOUT');
    expect(error?.message).toBe('nothing moved for 0.3 s');
  });

  it('a store that answers in time is never cut off, streamed or read whole', async () => {
    const started = await serve((res) => setTimeout(() => res.end(), 100));
    server = started.server;
    for (const size of [1000, 3 * 1024 * 1024]) expect((await put(started.url, size)).error).toBeUndefined();
  });
});
