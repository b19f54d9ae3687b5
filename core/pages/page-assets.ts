import { createHash } from 'node:crypto';

/**
 * The share page's only style and script, inlined: the page loads nothing from anywhere but the
 * bucket's own presigned links. Its CSP allows exactly these two blocks by hash, so an injected
 * `<script>` or `<style>` (or an `on…=` attribute) would not run even if a name escaped.
 */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #ffffff; --text: #16181d; --muted: #5b6270; --line: #dde1e7; --accent: #2456d6; --accent-text: #ffffff; --thumb: #eef1f5; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111317; --card: #1b1e24; --text: #eceef2; --muted: #a2a9b6; --line: #2c313a; --accent: #6d95ff; --accent-text: #0b0d11; --thumb: #252932; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 32px 16px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.summary, .expiry, footer { color: var(--muted); margin: 0; }
.expiry { margin-top: 4px; font-weight: 600; }
.expired .expiry { color: #c62828; }
.files { list-style: none; margin: 24px 0; padding: 0; display: grid; gap: 10px; }
.file { display: grid; grid-template-columns: 72px 1fr auto; gap: 14px; align-items: center; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px 10px 10px; }
.thumb { width: 72px; height: 72px; border-radius: 6px; background: var(--thumb); display: grid; place-items: center; overflow: hidden; }
.thumb img { width: 100%; height: 100%; object-fit: cover; }
.ext { font-size: 12px; font-weight: 700; color: var(--muted); letter-spacing: .04em; }
.meta { min-width: 0; }
.name { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.detail { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.button { display: inline-block; padding: 8px 14px; border-radius: 8px; background: var(--accent); color: var(--accent-text); text-decoration: none; font-weight: 600; white-space: nowrap; }
.button:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; }
.expired .button { opacity: .45; pointer-events: none; }
footer { font-size: 13px; }
@media (max-width: 480px) { .file { grid-template-columns: 56px 1fr; } .thumb { width: 56px; height: 56px; } .button { grid-column: 1 / -1; text-align: center; } }
`;

/**
 * The countdown: reads the expiry from the page's <time>, shows it in the reader's own time
 * zone and counts down; once it passes, the buttons are dimmed and the page says so. Plain
 * ES2017 with no modules, so it runs in every current Chromium, Firefox and Safari.
 */
export const PAGE_SCRIPT = `
(function () {
  var time = document.getElementById('expiry');
  var left = document.getElementById('left');
  if (!time || !left) return;
  var until = Date.parse(time.getAttribute('datetime') || '');
  if (isNaN(until)) return;
  try { time.textContent = new Date(until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }); } catch (e) {}
  function short(s) {
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    if (d > 0) return d + ' d ' + h + ' h';
    if (h > 0) return h + ' h ' + m + ' min';
    if (m > 0) return m + ' min';
    return s + ' s';
  }
  function tick() {
    var s = Math.floor((until - Date.now()) / 1000);
    if (s <= 0) {
      document.body.classList.add('expired');
      time.hidden = true;
      left.textContent = 'These links have expired. Ask the sender for new ones.';
      return;
    }
    left.textContent = 'Links work for ' + short(s) + ', until ';
    setTimeout(tick, s > 3600 ? 30000 : 1000);
  }
  tick();
})();
`;

/** A CSP hash source for an inline block: the SHA-256 of its exact text, as browsers compute it. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const STYLE_HASH = cspHash(PAGE_STYLE);
export const SCRIPT_HASH = cspHash(PAGE_SCRIPT);
