import { describe, expect, it } from 'vitest';
import { choosePartSize, MAX_PARTS, MIB, MIN_PART_SIZE, planParts } from '../../../core/transfer/part-plan';

const GIB = 1024 * MIB;

describe('part plan', () => {
  it('uses the preferred part size, never below the 5 MiB minimum', () => {
    expect(choosePartSize(100 * MIB, 8 * MIB)).toBe(8 * MIB);
    expect(choosePartSize(100 * MIB, 1 * MIB)).toBe(MIN_PART_SIZE);
  });

  it.each([100 * GIB, 1024 * GIB, 5 * 1024 * GIB])('grows the part size so %d bytes need at most 10,000 parts', (size) => {
    const partSize = choosePartSize(size, 8 * MIB);
    expect(partSize % MIB).toBe(0);
    expect(Math.ceil(size / partSize)).toBeLessThanOrEqual(MAX_PARTS);
    expect(planParts(size, partSize).length).toBeLessThanOrEqual(MAX_PARTS);
  });

  it('covers the file exactly, numbered from 1, the last part smaller', () => {
    const parts = planParts(17 * MIB + 3, 5 * MIB);
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4]);
    expect(parts.map((p) => p.length)).toEqual([5 * MIB, 5 * MIB, 5 * MIB, 2 * MIB + 3]);
    expect(parts.reduce((n, p) => n + p.length, 0)).toBe(17 * MIB + 3);
    expect(parts[3]!.start).toBe(15 * MIB);
  });

  it('gives an empty file one empty part', () => {
    expect(planParts(0, 5 * MIB)).toEqual([{ partNumber: 1, start: 0, length: 0 }]);
  });
});
