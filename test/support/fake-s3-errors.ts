/**
 * A local HTTP(S) server that answers like AWS S3 does in the cases radosgw cannot produce:
 * a bucket in another region, a skewed clock, an untrusted certificate. It answers with the real
 * S3 error documents and headers; it never checks signatures, so it is only for diagnosis tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** An S3 error document as AWS sends it. */
export function s3ErrorXml(code: string, message: string, extra: Record<string, string> = {}): string {
  const fields = Object.entries(extra)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${fields}<RequestId>4442587FB7D0A2F9</RequestId><HostId>fake</HostId></Error>`;
}

/** AWS's answer to a request signed for us-east-1 at a bucket that lives in `actual`. */
export function wrongRegionAnswer(bucket: string, actual: string): FakeAnswer {
  return {
    status: 400,
    headers: { 'x-amz-bucket-region': actual },
    body: s3ErrorXml('AuthorizationHeaderMalformed', `The authorization header is malformed; the region 'us-east-1' is wrong; expecting '${actual}'`, {
      Region: actual,
    }),
  };
}

/** AWS's answer on the global endpoint for a bucket elsewhere (HEAD has no body, only the header). */
export function permanentRedirectAnswer(bucket: string, actual: string, method: string): FakeAnswer {
  return {
    status: 301,
    headers: { 'x-amz-bucket-region': actual },
    ...(method === 'HEAD'
      ? {}
      : {
          body: s3ErrorXml('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint.', {
            Endpoint: `${bucket}.s3.${actual}.amazonaws.com`,
            Bucket: bucket,
          }),
        }),
  };
}

export interface FakeS3 {
  readonly endpoint: string;
  /** Every request seen, as "METHOD /path". */
  readonly seen: string[];
  close(): Promise<void>;
}

type Responder = (req: IncomingMessage) => FakeAnswer;

function handler(respond: Responder, seen: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      const answer = respond(req);
      const body = answer.body ?? '';
      res.writeHead(answer.status, {
        'content-type': 'application/xml',
        'x-amz-request-id': '4442587FB7D0A2F9',
        ...(answer.headers?.['date'] ? {} : { date: new Date().toUTCString() }),
        ...answer.headers,
        'content-length': String(req.method === 'HEAD' ? 0 : Buffer.byteLength(body)),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
}

async function listen(server: Server, scheme: 'http' | 'https', seen: string[]): Promise<FakeS3> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `${scheme}://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts a fake on a free loopback port answering each request with `respond`. */
export function startFakeS3(respond: Responder): Promise<FakeS3> {
  const seen: string[] = [];
  return listen(createHttp(handler(respond, seen)), 'http', seen);
}

/** The same behind TLS with a fresh self-signed certificate, which no client should trust. */
export async function startSelfSignedFakeS3(respond: Responder): Promise<FakeS3> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-tls-'));
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    const seen: string[] = [];
    return await listen(createHttps({ key, cert }, handler(respond, seen)), 'https', seen);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
