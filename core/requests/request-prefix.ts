import { randomBytes } from 'node:crypto';

/** Every request's files live under this folder of the bucket. */
export const REQUESTS_FOLDER = 'requests/';
/** Long enough to read in a listing, short enough to leave room in the key. */
const MAX_SLUG_LENGTH = 40;

/** "Invoices Q4 — Müller" → "invoices-q4-muller": ASCII, so keys read the same in every tool. */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return (words ?? ['files']).join('-').slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '') || 'files';
}

/** Six base-36 characters: two requests made the same day with the same title never share a folder. */
export const randomToken = (): string => (randomBytes(6).readUIntBE(0, 6) % 36 ** 6).toString(36).padStart(6, '0');

/** A fresh folder for a request: "requests/2026-12-02-invoices-k3f9x2/". */
export function requestPrefix(title: string, now: Date, token: string = randomToken()): string {
  return `${REQUESTS_FOLDER}${now.toISOString().slice(0, 10)}-${slug(title)}-${token}/`;
}

/** The page's key: one per request, written again in place by Extend. */
export const requestPageKey = (prefix: string): string => `${prefix}index.html`;
/** What a reader who saves the page gets. */
export const REQUEST_PAGE_FILE_NAME = 'send-files.html';

/** Files arrive under "<prefix>files/", apart from the page, each at its own numbered key. */
export const filesPrefix = (prefix: string): string => `${prefix}files/`;
export const slotKey = (prefix: string, index: number): string => `${filesPrefix(prefix)}${String(index + 1).padStart(3, '0')}`;
