import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NoPostProxy {
  /** http://127.0.0.1:PORT: a profile's endpoint; SigV4 signs this host, forwarded unchanged. */
  readonly endpoint: string;
  /** "METHOD /path" of every request seen. */
  readonly seen: string[];
  close(): Promise<void>;
}

/** The error document Cloudflare R2 sends for POST Object (S3's NotImplemented). */
const NOT_IMPLEMENTED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NotImplemented</Code><Message>POST Object is not implemented</Message></Error>`;

/**
 * A store that answers POST with 501 NotImplemented, as R2 and B2 do, and is radosgw for every
 * other request: it forwards them with their Host header untouched, so signatures still hold.
 */
export async function startNoPostProxy(upstream: string): Promise<NoPostProxy> {
  const target = new URL(upstream);
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.method === 'POST' && !new URL(req.url ?? '/', 'http://x').searchParams.has('delete')) {
      req.resume();
      res.writeHead(501, { 'content-type': 'application/xml' }).end(NOT_IMPLEMENTED);
      return;
    }
    const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
