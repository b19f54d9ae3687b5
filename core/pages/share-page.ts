import { dispositionFor } from '../../common/disposition';
import { formatBytes } from '../../common/format-bytes';
import { displayName, escapeHtml, safeUrl } from './html-text';
import { PAGE_SCRIPT, PAGE_STYLE, SCRIPT_HASH, STYLE_HASH } from './page-assets';

/** One file as the share page lists it: its own presigned link does the work. */
export interface SharePageFile {
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly url: string;
}

export interface SharePageInput {
  readonly files: readonly SharePageFile[];
  /** ISO time the files' links stop working: the earliest of them. */
  readonly expiresAt: string;
}

// A host and port as URL.origin gives them; anything else (an IPv6 literal) is not a CSP host-source.
const CSP_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/;

/**
 * The page's Content-Security-Policy: nothing by default; images only from the files' own origins
 * (and the blank data: icon that keeps the browser from asking the bucket for /favicon.ico); the one
 * inline style and script by hash; no base URL or form target an injection could redirect.
 */
export function sharePageCsp(fileUrls: readonly string[]): string {
  const origins = [...new Set(fileUrls.map((url) => new URL(url).origin))].sort();
  const sources = origins.map((origin) => (CSP_ORIGIN.test(origin) ? origin : "'self'"));
  const images = [...new Set(sources), 'data:'].join(' ');
  return `default-src 'none'; img-src ${images}; style-src ${STYLE_HASH}; script-src ${SCRIPT_HASH}; base-uri 'none'; form-action 'none'`;
}

/** "PDF", "ZIP": a short badge for files without a preview. */
function extensionBadge(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1, dot + 5).toUpperCase() : 'FILE';
}

function fileRow(file: SharePageFile): string {
  const name = displayName(file.name.slice(file.name.lastIndexOf('/') + 1));
  const url = safeUrl(file.url);
  const essence = file.contentType.split(';', 1)[0]!.trim();
  // An <img> never runs what an image holds (not even an SVG's scripts), so every image gets a preview.
  const thumb = essence.startsWith('image/')
    ? `<img src="${url}" alt="" loading="lazy" decoding="async">`
    : `<span class="ext">${escapeHtml(extensionBadge(name))}</span>`;
  const inline = dispositionFor(file.contentType) === 'inline';
  const action = inline
    ? `<a class="button" href="${url}" target="_blank" rel="noopener noreferrer">Open</a>`
    : `<a class="button" href="${url}" rel="noopener noreferrer">Download</a>`;
  return [
    '<li class="file">',
    `<div class="thumb">${thumb}</div>`,
    `<div class="meta"><p class="name" dir="auto">${escapeHtml(name)}</p><p class="detail">${escapeHtml(formatBytes(file.size))} · ${escapeHtml(essence)}</p></div>`,
    action,
    '</li>',
  ].join('');
}

/** "2026-12-09 04:00 UTC": what the page says before its script shows the reader's own time. */
const utcMinute = (iso: string): string => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A self-contained HTML page for a batch: every file with its name, size, type, a preview for
 * images and a button to its own presigned link, and a countdown to when the links stop working.
 * Inline CSS and JS under a strict CSP, no fonts or scripts from the network, light and dark.
 * Every name is escaped: names are untrusted.
 */
export function renderSharePage({ files, expiresAt }: SharePageInput): string {
  if (files.length === 0) throw new Error('A share page needs at least one file.');
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const heading = files.length === 1 ? '1 file shared with you' : `${files.length} files shared with you`;
  const iso = new Date(expiresAt).toISOString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(sharePageCsp(files.map((f) => f.url)))}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(heading)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(heading)}</h1>
<p class="summary">${escapeHtml(formatBytes(total))} in all</p>
<p class="expiry"><span id="left">Links work until </span><time id="expiry" datetime="${iso}">${utcMinute(iso)}</time></p>
</header>
<ul class="files">
${files.map(fileRow).join('\n')}
</ul>
<footer>Shared with Signdrop. Each button opens or downloads the file straight from the sender's storage.</footer>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
