import { describe, expect, it } from 'vitest';
import { renderRequestPage, requestPageCsp, type RequestPageInput } from '../../../core/pages/request-page';
import { REQUEST_SCRIPT_HASH, REQUEST_STYLE_HASH } from '../../../core/pages/request-assets';

const input = (extra: Partial<RequestPageInput> = {}): RequestPageInput => ({
  title: 'Invoices',
  message: '',
  prefix: 'requests/2026-12-02-invoices-abc123/',
  mode: 'post',
  maxSize: 100_000_000,
  types: [],
  expiresAt: '2026-12-03T10:00:00.000Z',
  slots: [
    { key: 'requests/2026-12-02-invoices-abc123/files/001', url: 'http://127.0.0.1:7480/bucket', fields: [['key', 'requests/x/files/001']] },
    { key: 'requests/2026-12-02-invoices-abc123/files/002', url: 'http://127.0.0.1:7480/bucket', fields: [['key', 'requests/x/files/002']] },
  ],
  ...extra,
});

const dataOf = (html: string) => JSON.parse(/<script type="application\/json" id="request-data">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;

describe('the request page', () => {
  it('escapes every text from the sender', () => {
    const html = renderRequestPage(input({ title: '<img src=x onerror=alert(1)>', message: 'a & "b" </main>', types: ['"><script>'] }));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h1 dir="auto">&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('a &amp; &quot;b&quot; &lt;/main&gt;');
    expect(html).not.toContain('"><script>');
  });

  it('keeps its data block closed whatever a title holds, and the data reads back intact', () => {
    const title = '</script><script>alert(1)</script>';
    const html = renderRequestPage(input({ title, types: ['</script>'] }));
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(dataOf(html)).toMatchObject({ types: ['</script>'], mode: 'post', maxSize: 100_000_000, prefix: 'requests/2026-12-02-invoices-abc123/' });
    expect((dataOf(html)['slots'] as unknown[]).length).toBe(2);
  });

  it('allows uploads to the bucket origin only, and its own style and script by hash', () => {
    expect(requestPageCsp(['http://127.0.0.1:7480/bucket?x=1', 'http://127.0.0.1:7480/bucket'])).toBe(
      `default-src 'none'; img-src data:; style-src ${REQUEST_STYLE_HASH}; script-src ${REQUEST_SCRIPT_HASH}; connect-src http://127.0.0.1:7480; form-action http://127.0.0.1:7480; base-uri 'none'`,
    );
    expect(renderRequestPage(input())).toContain('connect-src http://127.0.0.1:7480;');
  });

  it('says the limits, and offers only the allowed types in the picker', () => {
    const html = renderRequestPage(input({ types: ['pdf', 'image/*'] }));
    expect(html).toContain('You can send up to 2 files, each at most 100 MB · only pdf, image/*.');
    expect(html).toContain('<input type="file" id="files" multiple accept=".pdf,image/*">');
  });
});
