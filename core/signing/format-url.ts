import type { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';

/** The SDK's request shape, as its presigner takes it (no direct dependency on @smithy/types). */
export type HttpRequest = Parameters<S3RequestPresigner['presign']>[0];

// Characters encodeURIComponent leaves alone that RFC 3986 (and so the SDK) escapes.
const EXTRA_RESERVED = /[!'()*]/g;
// Most query values (dates, hex signatures, "host") need no escaping at all.
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;

/** RFC 3986 escaping as the SDK's escapeUri does it. */
export function escapeUri(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text;
  return encodeURIComponent(text).replace(EXTRA_RESERVED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Keys made only of unreserved characters and slashes need no escaping (uuid/report.pdf).
const PLAIN_KEY = /^[A-Za-z0-9._~/-]*$/;

/** RFC 3986 escaping as the SDK does it for a greedy {Key+} label: each segment, slashes kept. */
export function encodeKeyPath(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  return key.split('/').map(escapeUri).join('/');
}

/**
 * A signed request as a URL, written as the SDK's formatUrl (used by getSignedUrl) writes it:
 * query parameters sorted by name, names and values RFC 3986-escaped.
 */
export function formatUrl(request: HttpRequest): string {
  const protocol = request.protocol.endsWith(':') ? request.protocol : `${request.protocol}:`;
  const host = request.port ? `${request.hostname}:${request.port}` : request.hostname;
  const query = request.query ?? {};
  const search = Object.keys(query)
    .sort()
    .map((name) => `${escapeUri(name)}=${escapeUri(String(query[name]))}`)
    .join('&');
  return `${protocol}//${host}${request.path}${search ? `?${search}` : ''}`;
}

/**
 * Writes URLs exactly as formatUrl does for requests that share most query parameters:
 * the shared ones are escaped and sorted once, and each URL merges in its own few.
 */
export class UrlWriter {
  private readonly origin: string;
  private readonly shared: readonly (readonly [name: string, pair: string])[];

  constructor(request: HttpRequest, sharedQuery: Readonly<Record<string, string>>) {
    const protocol = request.protocol.endsWith(':') ? request.protocol : `${request.protocol}:`;
    this.origin = `${protocol}//${request.port ? `${request.hostname}:${request.port}` : request.hostname}`;
    this.shared = Object.keys(sharedQuery)
      .sort()
      .map((name) => [name, `${escapeUri(name)}=${escapeUri(sharedQuery[name]!)}`] as const);
  }

  /** The URL for `path` with the shared parameters plus `own` (which must not repeat a shared name). */
  write(path: string, own: Readonly<Record<string, string>>): string {
    const names = Object.keys(own).sort();
    const pairs: string[] = [];
    let i = 0;
    for (const [name, pair] of this.shared) {
      while (i < names.length && names[i]! < name) pairs.push(this.pair(names[i++]!, own));
      pairs.push(pair);
    }
    while (i < names.length) pairs.push(this.pair(names[i++]!, own));
    return `${this.origin}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
  }

  private pair(name: string, own: Readonly<Record<string, string>>): string {
    return `${escapeUri(name)}=${escapeUri(own[name]!)}`;
  }
}
