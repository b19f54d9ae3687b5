/** What History says after Clean up expired: what was deleted, and what could not be, with why. */
import { describe, expect, it } from 'vitest';
import { cleanupMessage } from '../../../renderer/components/history/cleanup-message';

describe('cleanup message', () => {
  it('counts files and bytes, and names the first failure with its reason', () => {
    expect(cleanupMessage({ dryRun: false, count: 12, bytes: 34_000_000, keys: [], objects: [], failed: [] })).toBe('Deleted 12 files, 34 MB.');
    expect(
      cleanupMessage({
        dryRun: false,
        count: 1,
        bytes: 1500,
        keys: ['a'],
        objects: [{ bucket: 'b', key: 'a', name: 'a', size: 1500 }],
        failed: [{ bucket: 'b', key: 'b/c.pdf', message: 'Access denied.' }],
      }),
    ).toBe('Deleted 1 file, 1.5 kB; 1 could not be deleted: b/c.pdf: Access denied.');
    expect(
      cleanupMessage({
        dryRun: false,
        count: 0,
        bytes: 0,
        keys: [],
        objects: [],
        failed: [
          { bucket: 'b', key: 'x', message: 'Access denied.' },
          { bucket: 'b', key: 'y', message: 'Access denied.' },
        ],
      }),
    ).toBe('No file was deleted; 2 could not be deleted: x: Access denied.');
  });
});
