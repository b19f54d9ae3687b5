/**
 * Reads a Content-Disposition header as a browser does (RFC 6266): `filename*` (RFC 5987,
 * UTF-8, percent-encoded) wins over the quoted `filename` fallback.
 */
export function parseContentDisposition(header: string): { type: string; filename?: string; fallback?: string } {
  const type = header.split(';')[0]!.trim().toLowerCase();
  const star = /filename\*\s*=\s*UTF-8''([^;\s]*)/i.exec(header)?.[1];
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  return {
    type,
    ...(star !== undefined ? { filename: decodeURIComponent(star) } : {}),
    ...(quoted !== undefined ? { fallback: quoted.replace(/\\(.)/g, '$1') } : {}),
  };
}
