import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderKey } from '../../../common/key-template';
import { keyTemplatePattern } from '../../../core/uploads/orphan-uploads';

const render = (template: string, relativePath: string): string => {
  const out = renderKey(template, { relativePath, now: new Date(), uuid: randomUUID() });
  if ('error' in out) throw new Error(out.error);
  return out.key;
};

describe('which keys count as the app\u2019s own when looking for orphaned uploads', () => {
  it('every key a template renders matches it', () => {
    for (const template of ['{uuid}/{filename}', 'sd/{yyyy}/{mm}/{dd}/{random}-{name}.{ext}', 'share/{filename}', '{name}.{ext}'])
      for (const file of ['a.txt', 'dir/with space/photo 📷.jpg', 'README'])
        expect(keyTemplatePattern(template).test(render(template, file)), `${template} ${file}`).toBe(true);
  });

  it('keys of another shape do not, though the default template has no fixed prefix', () => {
    const pattern = keyTemplatePattern('{uuid}/{filename}');
    for (const key of ['backups/db.tar', 'photo.jpg', `${randomUUID()}`, 'not-a-uuid/file.txt']) expect(pattern.test(key), key).toBe(false);
    expect(keyTemplatePattern('sd/{uuid}/{filename}').test(`other/${randomUUID()}/a.txt`)).toBe(false);
  });
});
