import type { UploadMode } from '../../common/requests';
import { formatBytes } from '../../common/format-bytes';
import { escapeHtml } from './html-text';
import { cspOrigins, pageDocument, utcMinute } from './page-document';
import { REQUEST_SCRIPT, REQUEST_SCRIPT_HASH, REQUEST_STYLE, REQUEST_STYLE_HASH } from './request-assets';

/**
 * Where one file goes: its key, and a POST policy's URL with its form fields in order, or a
 * presigned PUT URL. The page remembers used slots by key, so a new page for the same request
 * (Extend) never offers a slot a file already took.
 */
export interface RequestSlot {
  readonly key: string;
  readonly url: string;
  readonly fields?: readonly (readonly [string, string])[];
}

export interface RequestPageInput {
  readonly title: string;
  readonly message: string;
  readonly prefix: string;
  readonly mode: UploadMode;
  readonly maxSize: number;
  readonly types: readonly string[];
  /** ISO time the page's link and every slot stop working. */
  readonly expiresAt: string;
  /** One per file the request still takes. */
  readonly slots: readonly RequestSlot[];
}

/**
 * The request page's CSP: nothing by default; the one inline style and script by hash; uploads
 * (XMLHttpRequest, and a form should one ever be used) only to the bucket's own origin, which is the
 * page's own, so no CORS rule is needed on any store; no base URL an injection could redirect.
 */
export function requestPageCsp(slotUrls: readonly string[]): string {
  const bucket = cspOrigins(slotUrls).join(' ') || "'none'";
  return `default-src 'none'; img-src data:; style-src ${REQUEST_STYLE_HASH}; script-src ${REQUEST_SCRIPT_HASH}; connect-src ${bucket}; form-action ${bucket}; base-uri 'none'`;
}

/**
 * The page's data for its script, in a JSON block the browser never runs. "<", ">" and "&" are
 * written as \u escapes, so no text in it (a title with "</script>") can end the block.
 */
function dataBlock(input: RequestPageInput): string {
  const data = { prefix: input.prefix, mode: input.mode, maxSize: input.maxSize, types: input.types, expiresAt: input.expiresAt, slots: input.slots };
  const json = JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="request-data">${json}</script>`;
}

/** "Up to 10 files, each at most 100 MB · PDF, images/*". */
function limits({ slots, maxSize, types }: RequestPageInput): string {
  const count = slots.length === 1 ? '1 file' : `up to ${slots.length} files`;
  const kinds = types.length ? ` · only ${types.join(', ')}` : '';
  return `You can send ${count}, each at most ${formatBytes(maxSize)}${kinds}.`;
}

/** `accept` for the file picker: ".pdf" for extensions, content types as they are. */
const acceptList = (types: readonly string[]): string => types.map((t) => (t.includes('/') ? t : `.${t.replace(/^\./, '')}`)).join(',');

/**
 * A self-contained upload page for a request: the sender's title and message, the limits, a drop
 * area and file picker, per-file progress and a receipt, under a strict CSP. Every text from the
 * sender is escaped here; file names are only ever set as text by the script.
 */
export function renderRequestPage(input: RequestPageInput): string {
  const iso = new Date(input.expiresAt).toISOString();
  const title = input.title || 'Send files';
  const accept = input.types.length ? ` accept="${escapeHtml(acceptList(input.types))}"` : '';
  const body = `<main>
<header>
<h1 dir="auto">${escapeHtml(title)}</h1>
${input.message ? `<p class="message" dir="auto">${escapeHtml(input.message)}</p>` : ''}
<p class="summary">${escapeHtml(limits(input))}</p>
<p class="expiry"><span id="left">Open until </span><time id="expiry" datetime="${iso}">${utcMinute(iso)}</time></p>
</header>
<label class="drop" id="drop">
<input type="file" id="files" multiple${accept}>
<span>Drop files here</span>
<span>or <span class="pick">choose files</span></span>
</label>
<p id="status" role="status" aria-live="polite"></p>
<ul class="sent" id="sending" aria-label="Files you chose"></ul>
<section id="receipt" hidden>
<h2>Received</h2>
<ul class="sent" id="received" aria-label="Files received"></ul>
</section>
<footer>Files go straight into the requester's own storage, sent with Signdrop. Nothing else sees them.</footer>
</main>
${dataBlock({ ...input, expiresAt: iso })}`;
  return pageDocument({ title, csp: requestPageCsp(input.slots.map((s) => s.url)), style: REQUEST_STYLE, script: REQUEST_SCRIPT, body });
}
