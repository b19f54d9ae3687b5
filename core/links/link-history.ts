import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LinkRecord } from '../../common/links';
import { loadJson, saveJson } from '../storage/json-file';
import { serialQueue } from '../storage/serial';

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
const HistoryFile = z.object({ version: z.literal(1), links: z.array(LinkRecordSchema) });

/**
 * Every link made, newest first, in `<dataDir>/links.json` (links are not secrets: anyone who has
 * one can use it, which is the point; the file is still written 0600). Writes are serialised.
 */
export class LinkHistory {
  private readonly file: string;
  private links: LinkRecord[] | undefined;
  private readonly serial = serialQueue();
  loadProblem: string | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(dataDir, 'links.json');
  }

  async list(): Promise<LinkRecord[]> {
    return [...(await this.load())];
  }

  async get(id: string): Promise<LinkRecord | undefined> {
    return (await this.load()).find((l) => l.id === id);
  }

  add(link: Omit<LinkRecord, 'id' | 'createdAt'>): Promise<LinkRecord> {
    return this.serial(async () => {
      const record: LinkRecord = { ...link, id: randomUUID(), createdAt: this.now().toISOString() };
      await this.write([record, ...(await this.load())]);
      return record;
    });
  }

  /** Marks every link to this object as deleted: they can no longer work. */
  markDeleted(profileId: string, bucket: string, key: string): Promise<void> {
    return this.serial(async () => {
      const deletedAt = this.now().toISOString();
      await this.write(
        (await this.load()).map((l) => (l.profileId === profileId && l.bucket === bucket && l.key === key ? { ...l, deletedAt } : l)),
      );
    });
  }

  private async load(): Promise<LinkRecord[]> {
    if (!this.links) {
      const loaded = await loadJson(this.file, HistoryFile, { version: 1, links: [] }, this.now);
      this.loadProblem = loaded.problem;
      this.links = loaded.value.links;
    }
    return this.links;
  }

  private async write(links: LinkRecord[]): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    await saveJson(this.file, { version: 1, links });
    this.links = links;
  }
}
