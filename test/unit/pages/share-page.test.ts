import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { displayName, escapeHtml } from '../../../core/pages/html-text';
import { renderSharePage, sharePageCsp, type SharePageFile } from '../../../core/pages/share-page';

const ORIGIN = 'https://bucket.s3.eu-west-2.amazonaws.com';
const link = (key: string) => `${ORIGIN}/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc&response-content-disposition=inline`;
const EVIL = '<img src=x onerror=alert(1)>.png';

const files: SharePageFile[] = [
  { name: 'shot.png', size: 1234, contentType: 'image/png', url: link('a/shot.png') },
  { name: 'report.pdf', size: 2_500_000, contentType: 'application/pdf', url: link('b/report.pdf') },
  { name: EVIL, size: 10, contentType: 'image/png', url: link('c/evil.png') },
  { name: 'site.html', size: 99, contentType: 'text/html; charset=utf-8', url: link('d/site.html') },
];
const page = renderSharePage({ files, expiresAt: '2026-12-09T04:00:00.000Z' });

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const csp = () => {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
  return match![1]!.replace(/&#39;/g, "'");
};

describe('share page escaping', () => {
  it('shows a hostile name as text: no tag, no attribute, only its escaped form', () => {
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('onerror=alert(1)>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.png');
  });

  it('has exactly one script and one style, its own', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<style/g)).toHaveLength(1);
  });

  it('escapes every character that could end a text node or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps each presigned link byte for byte, with & escaped in the attribute', () => {
    expect(page).toContain(`href="${link('a/shot.png').replace(/&/g, '&amp;')}"`);
    expect(page).toContain(`<img src="${link('a/shot.png').replace(/&/g, '&amp;')}"`);
  });

  it('refuses a link that is not http(s)', () => {
    const bad = { ...files[0]!, url: 'javascript:alert(1)' };
    expect(() => renderSharePage({ files: [bad], expiresAt: '2026-12-09T04:00:00Z' })).toThrow(/http/);
  });

  it('makes bidirectional overrides and controls visible instead of letting them reorder a name', () => {
    expect(displayName('photo\u202Egnp.exe')).toBe('photo\uFFFDgnp.exe');
    expect(displayName('a\u0000b\nc')).toBe('a\uFFFDb\uFFFDc');
  });

  it('previews images only; the HTML file is a download, the PDF opens', () => {
    expect(page.match(/<img /g)).toHaveLength(2);
    const rows = page.split('<li class="file">').slice(1);
    expect(rows[1]).toContain('>Open</a>');
    expect(rows[3]).toContain('>Download</a>');
    expect(rows[3]).not.toContain('<img');
  });

  it('lists names, sizes and types, and says when the links stop working', () => {
    expect(page).toContain('4 files shared with you');
    expect(page).toContain('2.5 MB · application/pdf');
    expect(page).toContain('1.2 kB · image/png');
    expect(page).toContain('datetime="2026-12-09T04:00:00.000Z">2026-12-09 04:00 UTC</time>');
  });
});

describe('share page CSP', () => {
  it('allows nothing by default and no inline code but its own, by hash', () => {
    const policy = csp();
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(page)![1]!;
    expect(policy).toContain(`script-src ${sha256(script)};`);
    expect(policy).toContain(`style-src ${sha256(style)};`);
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("form-action 'none'");
  });

  it("allows images from the files' origins only, and data: for the blank icon", () => {
    expect(csp()).toContain(`img-src ${ORIGIN} data:;`);
    expect(sharePageCsp(['http://127.0.0.1:7480/b/k?x=1', 'https://other.example/k', 'http://127.0.0.1:7480/b/j'])).toContain(
      'img-src http://127.0.0.1:7480 https://other.example data:;',
    );
  });

  it('loads nothing from the network but the files themselves', () => {
    const urls = [...page.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.filter((u) => u !== 'data:,').every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(page).not.toMatch(/@import|url\(|<link rel="stylesheet"/);
  });
});
