import { isImageName } from '../../common/image-names';
import type { CopyFormat } from '../../common/settings';
import type { SharePage } from '../../common/share-page';
import { formatBytes } from '../format';

/** One link as it is written to the clipboard. */
export interface CopiedLink {
  readonly url: string;
  /** The file's name (a folder upload's relative path). */
  readonly name: string;
  readonly size: number;
  /** ISO time the link stops working. */
  readonly expiresAt: string;
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** Brackets would end Markdown's link text early; parentheses in the URL would end its target. */
const markdownText = (s: string): string => s.replace(/[[\]\\]/g, '\\$&');
const markdownUrl = (url: string): string => url.replace(/\(/g, '%28').replace(/\)/g, '%29');

/** File names are untrusted: every one is escaped before it is written into HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A custom template filled in: {url}, {name} (the file's name), {size} ("1.5 MB") and
 * {expires} (ISO time). Anything else in braces is left as typed, so a typo is visible.
 */
export function renderTemplate(template: string, link: CopiedLink): string {
  const values: Readonly<Record<string, string>> = { url: link.url, name: baseName(link.name), size: formatBytes(link.size), expires: link.expiresAt };
  return template.replace(/\{(url|name|size|expires)\}/g, (_, key: string) => values[key]!);
}

/** One link in the chosen format; Markdown uses image syntax for images, so they show where it is pasted. */
export function formatLink(link: CopiedLink, format: CopyFormat, template: string): string {
  const name = baseName(link.name);
  switch (format) {
    case 'url':
      return link.url;
    case 'markdown':
      return `${isImageName(name) ? '!' : ''}[${markdownText(name)}](${markdownUrl(link.url)})`;
    case 'html':
      return `<a href="${escapeHtml(link.url)}">${escapeHtml(name)}</a>`;
    case 'template':
      return renderTemplate(template, link);
  }
}

/** Several links, one a line; HTML becomes a list, so it pastes as one block. */
export function formatLinks(links: readonly CopiedLink[], format: CopyFormat, template: string): string {
  const lines = links.map((l) => formatLink(l, format, template));
  if (format === 'html' && lines.length > 1) return `<ul>\n${lines.map((l) => `  <li>${l}</li>`).join('\n')}\n</ul>`;
  return lines.join('\n');
}

/** "Link copied", "3 links copied": what the toast says. */
export const copiedMessage = (count: number): string => (count === 1 ? 'Link copied' : `${count} links copied`);

/** What the toast says when a batch went out as the one link of its share page. */
export const PAGE_COPIED = 'Page link copied';

/**
 * A share page copied like any link: named for what it lists ("3 files"), so Markdown, HTML and
 * templates read well; `size` is the files' total.
 */
export const pageAsLink = (page: SharePage, size: number): CopiedLink => ({
  url: page.url,
  name: `${page.files} files`,
  size,
  expiresAt: page.expiresAt,
});
