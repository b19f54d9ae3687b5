const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an HTML text node or a quoted attribute value. File names are untrusted:
 * whoever named the file chose every character, `<img src=x onerror=…>.png` included.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

// Bidirectional overrides and isolates let a name display in another order than it is:
// "photo<U+202E>gnp.exe" shows as "photoexe.png". C0/C1 controls are invisible or break lines.
const MISLEADING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name as a person should read it: NFC, with characters that disguise it made visible as "\uFFFD". */
export const displayName = (name: string): string => name.normalize('NFC').replace(MISLEADING, '\uFFFD');

/**
 * A link for an href or src attribute: only http(s), so a value that is not a presigned URL
 * (a `javascript:` one above all) can never reach the page. Escaped for the attribute, and
 * otherwise kept byte for byte: a presigned URL re-encoded by a parser may fail its signature.
 */
export function safeUrl(url: string): string {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`Not an http(s) link: ${protocol}`);
  return escapeHtml(url);
}
