/** The default key is unguessable: a link to one file must not reveal the names of others. */
export const DEFAULT_KEY_TEMPLATE = '{uuid}/{filename}';

/** S3 object keys are at most 1,024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

export const KEY_TOKENS = ['filename', 'name', 'ext', 'yyyy', 'mm', 'dd', 'uuid', 'random'] as const;

export interface KeyContext {
  /** The file's path relative to what was dropped, with "/" separators ("photos/a.jpg"). */
  readonly relativePath: string;
  readonly now: Date;
  /** A fresh random UUID; passed in so common/ stays free of crypto imports. */
  readonly uuid: string;
}

// C0 controls, DEL and C1 controls: invisible in links and refused by some stores.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Length in bytes of a string encoded as UTF-8, without TextEncoder (so this runs anywhere). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function splitName(fileName: string): { name: string; ext: string } {
  const dot = fileName.lastIndexOf('.');
  // ".bashrc" has no extension; "a.tar.gz" has "gz".
  if (dot <= 0) return { name: fileName, ext: '' };
  return { name: fileName.slice(0, dot), ext: fileName.slice(dot + 1) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Builds an object key from a template such as "{yyyy}/{mm}/{uuid}/{filename}".
 * The result is NFC (macOS hands us decomposed names), has no control characters,
 * and fits S3's 1,024-byte limit, or an error says why it cannot.
 */
export function renderKey(template: string, ctx: KeyContext): { key: string } | { error: string } {
  const relative = ctx.relativePath.normalize('NFC').replace(CONTROL_CHARS, '');
  const fileName = relative.slice(relative.lastIndexOf('/') + 1);
  const dir = relative.slice(0, relative.length - fileName.length);
  const { name, ext } = splitName(fileName);
  const values: Record<(typeof KEY_TOKENS)[number], string> = {
    filename: relative,
    name: dir + name,
    ext,
    yyyy: String(ctx.now.getUTCFullYear()),
    mm: pad(ctx.now.getUTCMonth() + 1),
    dd: pad(ctx.now.getUTCDate()),
    uuid: ctx.uuid,
    random: ctx.uuid.replace(/-/g, '').slice(0, 12),
  };
  const unknown: string[] = [];
  const key = template
    .normalize('NFC')
    // "{name}.{ext}" for a file without an extension is "name", not "name.".
    .replace(/\.\{ext\}/g, ext ? '.{ext}' : '')
    .replace(/\{([a-z]+)\}/g, (whole, token: string) => {
      if (Object.hasOwn(values, token)) return values[token as keyof typeof values];
      unknown.push(whole);
      return whole;
    })
    .replace(CONTROL_CHARS, '')
    .replace(/^\/+/, '')
    // Browsers resolve "." and ".." in URL paths before sending, so such a key's link would
    // fetch another object (and fail its signature): make those segments plain names.
    .replace(/(^|\/)(\.{1,2})(?=\/|$)/g, (_m, sep: string, dots: string) => sep + '_'.repeat(dots.length));
  if (unknown.length > 0) {
    return { error: `Unknown key template token ${unknown.join(', ')}; use ${KEY_TOKENS.map((t) => `{${t}}`).join(' ')}.` };
  }
  if (key.length === 0) return { error: 'The key template produced an empty key.' };
  // A UTF-16 code unit is at most 3 bytes of UTF-8: short keys need no counting (most of 10,000 files).
  const bytes = key.length * 3 <= MAX_KEY_BYTES ? 0 : utf8Length(key);
  if (bytes > MAX_KEY_BYTES) {
    return { error: `The object key would be ${bytes} bytes; S3 allows ${MAX_KEY_BYTES}. Shorten the key template or the file name.` };
  }
  return { key };
}
