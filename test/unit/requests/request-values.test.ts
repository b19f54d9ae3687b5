import { describe, expect, it } from 'vitest';
import { parseSize } from '../../../common/requests';
import { nameFromDisposition } from '../../../core/requests/request-files';
import { requestPrefix, slotKey, slug } from '../../../core/requests/request-prefix';

describe('sizes', () => {
  it('reads decimal and binary units and plain bytes', () => {
    expect(parseSize('500MB')).toEqual({ bytes: 500_000_000 });
    expect(parseSize('2GiB')).toEqual({ bytes: 2 * 1024 ** 3 });
    expect(parseSize('1.5 kb')).toEqual({ bytes: 1500 });
    expect(parseSize('4096')).toEqual({ bytes: 4096 });
  });

  it('says why a size cannot be used', () => {
    expect(parseSize('lots')).toEqual({ error: '"lots" is not a size: use 500MB, 2GiB or a number of bytes.' });
    expect(parseSize('6GiB')).toEqual({ error: '6GiB is more than 5 GiB, the most S3 takes in one upload.' });
    expect(parseSize('0')).toEqual({ error: 'The largest file must be at least 1 byte.' });
  });
});

describe('request folders', () => {
  it('are dated, readable and unique', () => {
    expect(requestPrefix('Invoices Q4 — Müller', new Date('2026-12-02T23:00:00Z'), 'k3f9x2')).toBe('requests/2026-12-02-invoices-q4-muller-k3f9x2/');
    expect(slug('')).toBe('files');
    expect(slug('日本語')).toBe('files');
    expect(slotKey('requests/x/', 0)).toBe('requests/x/files/001');
    expect(requestPrefix('a', new Date())).not.toBe(requestPrefix('a', new Date()));
  });
});

describe('names of arrived files', () => {
  it('come from filename*, then filename, then the key', () => {
    expect(nameFromDisposition("attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf", 'k/001')).toBe('Rechnung März.pdf');
    expect(nameFromDisposition('attachment; filename="plain.txt"', 'k/001')).toBe('plain.txt');
    expect(nameFromDisposition("attachment; filename*=UTF-8''%E0%A4", 'k/001')).toBe('001');
    expect(nameFromDisposition(undefined, 'k/001')).toBe('001');
  });
});
