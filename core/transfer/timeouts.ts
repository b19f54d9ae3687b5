/**
 * How long any one request may wait, for the streamed PUTs (http-put.ts) and the SDK's own calls
 * (core/s3/client.ts) alike. Chosen for a desktop on a slow or lossy link: generous enough that a
 * slow but working connection never trips them, short enough that a store which accepts
 * connections and never answers fails each request within about half a minute.
 */
export interface RequestTimeouts {
  /** TCP (and TLS) handshake: a few round trips, under a second even across continents. */
  readonly connectTimeoutMs: number;
  /** From the last body byte sent to the answer's first byte: the store only has to store and hash what it got. */
  readonly firstByteTimeoutMs: number;
  /** No byte in or out for this long means the connection is stuck (a proxy or NAT dropped it silently). */
  readonly idleTimeoutMs: number;
}

/** A handshake that takes 10 s is one that is not coming: packets are being dropped, or the host is gone. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * S3 answers a PUT within a second of its last byte; a loaded store (or one writing a large part to slow
 * disks) within seconds. Half a minute of silence is a store that stopped answering.
 */
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 30_000;
/**
 * On a slow link the kernel still takes bytes every few milliseconds as the send buffer drains; half a
 * minute with none moving at all is a dead connection, not a slow one.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export const DEFAULT_TIMEOUTS: RequestTimeouts = {
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
  firstByteTimeoutMs: DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
};

/** The error a request that ran out of time is destroyed with: a network failure the retries and the words know. */
export function timedOut(what: string): Error {
  return Object.assign(new Error(what), { code: 'ETIMEDOUT' });
}
