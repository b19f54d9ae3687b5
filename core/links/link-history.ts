import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { LinkRecord } from '../../common/links';
import { JsonList } from '../storage/json-list';

const LinkRecordSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  key: z.string(),
  name: z.string(),
  size: z.number(),
  url: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  deletedAt: z.string().optional(),
});

/**
 * Every link made, newest first, in `<dataDir>/links.json`. Links are not secrets (whoever has
 * one can use it, which is the point), but the file is still private to the user (0600).
 */
export class LinkHistory {
  private readonly links: JsonList<typeof LinkRecordSchema>;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.links = new JsonList(join(dataDir, 'links.json'), 'links', LinkRecordSchema, now);
  }

  async list(): Promise<LinkRecord[]> {
    return [...(await this.links.all())];
  }

  async get(id: string): Promise<LinkRecord | undefined> {
    return (await this.links.all()).find((l) => l.id === id);
  }

  add(link: Omit<LinkRecord, 'id' | 'createdAt'>): Promise<LinkRecord> {
    const record: LinkRecord = { ...link, id: randomUUID(), createdAt: this.now().toISOString() };
    return this.links.update((all) => ({ items: [record, ...all], result: record }));
  }

  /** Marks every link to this object as deleted: they can no longer work. */
  markDeleted(profileId: string, bucket: string, key: string): Promise<void> {
    const deletedAt = this.now().toISOString();
    return this.links.update((all) => ({
      items: all.map((l) => (l.profileId === profileId && l.bucket === bucket && l.key === key ? { ...l, deletedAt } : l)),
      result: undefined,
    }));
  }
}
