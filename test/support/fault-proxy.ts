import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';

/** What the proxy does to one request. */
export type Fault =
  | { kind: 'pass' }
  /** Reads this many body bytes, then drops the connection (a reset mid-body). */
  | { kind: 'reset'; afterBytes: number }
  /** Answers 503 SlowDown without forwarding. */
  | { kind: 'slowdown' }
  /**
   * Answers at once with this status and S3 error code, before reading the body, then closes the
   * connection (as S3 does when it refuses a request it will not read: the client's send fails).
   */
  | { kind: 'answer-early'; status: number; code: string }
  /** Accepts the connection and never answers (the client must time out). */
  | { kind: 'stall' }
  /** Forwards the request (the store acts on it), then cuts the answer in the middle of its headers. */
  | { kind: 'cut-headers' }
  /** Forwards the request (the store acts on it) and never passes the answer on: the answer lost on the way back. */
  | { kind: 'lose-answer' }
  /** Answers this S3 error without forwarding: a store that lacks a feature radosgw has (lifecycle rules). */
  | { kind: 'refuse'; status: number; code: string; message: string };

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly partNumber?: number;
  readonly uploadId?: string;
  readonly fault: Fault['kind'];
  /** Upstream status, when the request was forwarded and answered. */
  status?: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT: use it as the profile's endpoint (SigV4 signs this host, which is forwarded unchanged). */
  readonly endpoint: string;
  readonly requests: ProxiedRequest[];
  /** Decides each request's fault; default: pass everything. */
  plan: (req: IncomingMessage, n: number) => Fault;
  /** Limits request-body throughput to this many bytes per second per request (0: no limit). */
  throttleBytesPerSecond: number;
  /** PUTs of each part number that the store answered 200. */
  completedParts(): Map<number, number>;
  close(): Promise<void>;
}

/** Slows a stream to a byte rate, in small slices so connections stay alive. */
function throttle(rate: () => number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const r = rate();
      if (r <= 0) return done(null, chunk);
      this.push(chunk);
      setTimeout(done, (chunk.length / r) * 1000);
    },
  });
}

/**
 * An HTTP proxy between the engine and radosgw that injects faults. It forwards requests with
 * their Host header untouched (only the TCP destination changes), so presigned signatures hold.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const sockets = new Set<import('node:net').Socket>();
  let count = 0;
  const proxy: FaultProxy = {
    endpoint: '',
    requests: [],
    plan: () => ({ kind: 'pass' }),
    throttleBytesPerSecond: 0,
    completedParts() {
      const counts = new Map<number, number>();
      for (const r of this.requests) {
        if (r.method === 'PUT' && r.partNumber !== undefined && r.status === 200) counts.set(r.partNumber, (counts.get(r.partNumber) ?? 0) + 1);
      }
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  /** `expectsContinue`: the client waits for 100 Continue before sending its body, given here only to requests that are forwarded or read. */
  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue = false) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const fault = proxy.plan(req, count++);
    if (expectsContinue && (fault.kind === 'pass' || fault.kind === 'reset' || fault.kind === 'cut-headers')) res.writeContinue();
    delete req.headers['expect']; // answered here; the store gets the body as it comes
    const pn = url.searchParams.get('partNumber');
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      fault: fault.kind,
      ...(pn ? { partNumber: Number(pn) } : {}),
      ...(url.searchParams.get('uploadId') ? { uploadId: url.searchParams.get('uploadId')! } : {}),
    };
    proxy.requests.push(record);
    if (fault.kind === 'stall') return; // hold the socket open, answer nothing
    if (fault.kind === 'slowdown') {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
      return;
    }
    if (fault.kind === 'answer-early') {
      res.writeHead(fault.status, { 'content-type': 'application/xml', connection: 'close' });
      res.end(`<?xml version="1.0"?><Error><Code>${fault.code}</Code><Message>Refused before the body was read.</Message></Error>`);
      return;
    }
    if (fault.kind === 'refuse') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0"?><Error><Code>${fault.code}</Code><Message>${fault.message}</Message></Error>`);
      return;
    }
    if (fault.kind === 'reset') {
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen >= fault.afterBytes) req.socket.destroy();
      });
      return;
    }
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
      record.status = upRes.statusCode;
      if (fault.kind === 'cut-headers') {
        upRes.resume();
        res.socket?.end(`HTTP/1.1 ${upRes.statusCode} OK\r\nContent-Type: appl`, () => res.socket?.destroy());
        return;
      }
      if (fault.kind === 'lose-answer') return void upRes.resume();
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => res.destroy());
    // A client that hangs up before its answer loses what the slow link still held, as a reset
    // connection does: the bytes queued in the throttle must not reach the store afterwards.
    res.on('close', () => {
      if (!res.writableEnded) up.destroy();
    });
    req.pipe(throttle(() => proxy.throttleBytesPerSecond)).pipe(up);
  };

  const server: Server = createServer((req, res) => handle(req, res));
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (proxy as { endpoint: string }).endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
