/** One link for a batch: the share page as stored in the bucket and linked. */
export interface SharePage {
  readonly url: string;
  readonly key: string;
  /** When the page's link stops working: no later than the earliest of the files' links. */
  readonly expiresAt: string;
  /** How many files the page lists. */
  readonly files: number;
}
