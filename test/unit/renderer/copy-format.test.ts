import { describe, expect, it } from 'vitest';
import { copiedMessage, formatLink, formatLinks, pageAsLink, renderTemplate, type CopiedLink } from '../../../renderer/state/copy-format';

const pdf: CopiedLink = {
  url: 'https://b.example/k/report.pdf?X-Amz-Signature=ab&x=1',
  name: 'docs/report [final].pdf',
  size: 1_500_000,
  expiresAt: '2030-01-02T03:04:05.000Z',
};
const png: CopiedLink = { url: 'https://b.example/k/shot.png?s=(1)', name: 'shot.png', size: 999, expiresAt: '2030-01-02T03:04:05.000Z' };
const evil: CopiedLink = { url: 'https://b.example/k?a=1&b="2"', name: '<img src=x onerror=alert(1)>.txt', size: 1, expiresAt: '2030-01-02T03:04:05.000Z' };

describe('copy formats', () => {
  it('URL is the link alone, one a line for several', () => {
    expect(formatLinks([pdf, png], 'url', '')).toBe(`${pdf.url}\n${png.url}`);
  });

  it('Markdown names the file, escapes brackets, and uses image syntax for images', () => {
    expect(formatLink(pdf, 'markdown', '')).toBe(`[report \\[final\\].pdf](${pdf.url})`);
    expect(formatLink(png, 'markdown', '')).toBe('![shot.png](https://b.example/k/shot.png?s=%281%29)');
  });

  it('HTML escapes names and URLs, and several links become a list', () => {
    expect(formatLink(evil, 'html', '')).toBe('<a href="https://b.example/k?a=1&amp;b=&quot;2&quot;">&lt;img src=x onerror=alert(1)&gt;.txt</a>');
    expect(formatLinks([pdf, png], 'html', '')).toBe(
      `<ul>\n  <li><a href="${pdf.url.replace('&', '&amp;')}">report [final].pdf</a></li>\n  <li><a href="${png.url}">shot.png</a></li>\n</ul>`,
    );
  });

  it('a custom template fills {url} {name} {size} {expires} and leaves other braces as typed', () => {
    expect(renderTemplate('{name} ({size}, until {expires}): {url} {nope}', pdf)).toBe(
      `report [final].pdf (1.5 MB, until 2030-01-02T03:04:05.000Z): ${pdf.url} {nope}`,
    );
    expect(formatLinks([pdf, png], 'template', '- {name}')).toBe('- report [final].pdf\n- shot.png');
  });

  it('the toast counts what was copied', () => {
    expect(copiedMessage(1)).toBe('Link copied');
    expect(copiedMessage(3)).toBe('3 links copied');
  });

  it('a share page is copied like one link, named for how many files it lists', () => {
    const page = pageAsLink({ url: 'https://b.example/k/index.html?s=1', key: 'k/index.html', expiresAt: '2030-01-02T03:04:05.000Z', files: 3 }, 1_500_000);
    expect(formatLink(page, 'url', '')).toBe('https://b.example/k/index.html?s=1');
    expect(formatLink(page, 'markdown', '')).toBe('[3 files](https://b.example/k/index.html?s=1)');
    expect(formatLink(page, 'template', '{name} ({size}) until {expires}: {url}')).toBe(
      '3 files (1.5 MB) until 2030-01-02T03:04:05.000Z: https://b.example/k/index.html?s=1',
    );
  });
});
