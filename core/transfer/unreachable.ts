import { isIP } from 'node:net';

/** Socket failures that mean no connection was made at all: nothing reached the store. */
const NO_CONNECTION = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

interface SocketErrorLike {
  readonly code?: unknown;
  readonly address?: unknown;
  readonly cause?: unknown;
}

/** The socket error under `e`: itself, or the cause our own wrappers (SigndropError) keep. */
function socketError(e: unknown): { code: string; address?: string } | undefined {
  for (let cur = e as SocketErrorLike | undefined, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = cur.cause as SocketErrorLike, depth++) {
    if (typeof cur.code === 'string' && NO_CONNECTION.has(cur.code)) {
      return { code: cur.code, ...(typeof cur.address === 'string' ? { address: cur.address } : {}) };
    }
  }
  return undefined;
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address.startsWith('::ffff:127.');
}

/** Whether the request never reached the store (refused, no route, no such host). */
export const isUnreachable = (e: unknown): boolean => socketError(e) !== undefined;

/**
 * Whether waiting cannot help a store that has never answered: a host name that does not resolve,
 * or a refused connection on this very computer (nothing listens on that port: a wrong port, or a
 * local store that is not running). A remote refusal may be a load balancer between two servers.
 */
export function isHopeless(e: unknown): boolean {
  const s = socketError(e);
  return s !== undefined && (s.code === 'ENOTFOUND' || (s.code === 'ECONNREFUSED' && isLoopback(s.address)));
}
