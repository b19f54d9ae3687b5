import { escapeHtml } from './html-text';

// A host and port as URL.origin gives them; anything else (an IPv6 literal) is not a CSP host-source.
const CSP_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/;

/**
 * The CSP sources for the origins of `urls`, sorted and once each. An origin a CSP cannot name
 * becomes 'self': the pages live in the bucket, so the bucket's origin is the page's own.
 */
export function cspOrigins(urls: readonly string[]): string[] {
  const origins = [...new Set(urls.map((url) => new URL(url).origin))].sort();
  return [...new Set(origins.map((origin) => (CSP_ORIGIN.test(origin) ? origin : "'self'")))];
}

/** What differs between Signdrop's pages; everything else of the document is shared. */
export interface PageParts {
  readonly title: string;
  readonly csp: string;
  /** The inline style and script, allowed by the CSP by their hashes (page-assets.ts). */
  readonly style: string;
  readonly script: string;
  /** The markup inside <body>, before the script; every untrusted text in it already escaped. */
  readonly body: string;
}

/**
 * A self-contained HTML document for the bucket: its CSP as a meta tag, no referrer (a presigned
 * URL must not leak to another site), not indexed, light and dark, and the blank data: icon that
 * keeps the browser from asking the bucket for /favicon.ico.
 */
export function pageDocument({ title, csp, style, script, body }: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
<script>${script}</script>
</body>
</html>
`;
}

/** "2026-12-09 04:00 UTC": what a page says before its script shows the reader's own time. */
export const utcMinute = (iso: string): string => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
