import { join } from 'node:path';
import { z } from 'zod';
import { UPLOAD_MODES, type FileRequest } from '../../common/requests';
import { loadJson, saveJson } from '../storage/json-file';
import { serialQueue } from '../storage/serial';

const StoredRequest = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  title: z.string(),
  message: z.string(),
  prefix: z.string(),
  pageKey: z.string(),
  url: z.string(),
  mode: z.enum(UPLOAD_MODES),
  maxFiles: z.number(),
  maxSize: z.number(),
  types: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  closedAt: z.string().optional(),
  arrived: z.array(z.string()),
  warning: z.string().optional(),
});
const StoredRequests = z.object({ requests: z.array(StoredRequest) });

/**
 * The requests made, in `<dataDir>/requests.json`, newest first: they survive restarts, so the app
 * keeps watching what is open. Read once; each change is written atomically, one at a time.
 */
export class RequestStore {
  private readonly file: string;
  private current: Promise<FileRequest[]> | undefined;
  private readonly serial = serialQueue();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'requests.json');
  }

  list(): Promise<FileRequest[]> {
    this.current ??= loadJson(this.file, StoredRequests, { requests: [] }).then(({ value, problem }) => {
      if (problem) console.warn(`[signdrop] ${problem}`);
      return value.requests as FileRequest[];
    });
    return this.current;
  }

  async get(id: string): Promise<FileRequest | undefined> {
    return (await this.list()).find((r) => r.id === id);
  }

  /** Adds a request, or replaces the one with its id; answers it as saved. */
  put(request: FileRequest): Promise<FileRequest> {
    return this.serial(async () => {
      const all = await this.list();
      const next = all.some((r) => r.id === request.id) ? all.map((r) => (r.id === request.id ? request : r)) : [request, ...all];
      await saveJson(this.file, { requests: next });
      this.current = Promise.resolve(next);
      return request;
    });
  }
}
