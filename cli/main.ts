/**
 * `signdrop`: the same engine as the app, for scripts and servers.
 * Exit status: 0 all succeeded; 1 any item failed; 2 usage error.
 */
import { parseArgs } from 'node:util';
import { parseDuration } from '../common/expiry';
import { DEFAULT_KEY_TEMPLATE } from '../common/key-template';
import type { StoredProfile } from '../common/profile';
import { MemoryCredentialStore } from '../core/credentials/credential-store';
import { Signer } from '../core/signing/signer';
import { collectFiles } from '../core/uploads/collect-files';
import { UploadQueue } from '../core/uploads/upload-queue';

export const HELP = `Usage: signdrop <command> [options]

Commands:
  upload <file-or-folder>...   upload files and print a shareable link for each

Options:
  --endpoint URL     S3 endpoint (empty for AWS)
  --region R         region (default us-east-1)
  --bucket B         bucket to upload to
  --path-style       use path-style URLs (MinIO, Ceph)
  --expires D        link lifetime: 45s, 15m, 1h, 7d or seconds (at most 7d; default 1d)
  --json             one JSON object per line
  -h, --help         show this help

Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
`;

class UsageError extends Error {}

export async function run(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        endpoint: { type: 'string', default: '' },
        region: { type: 'string', default: env['AWS_REGION'] ?? 'us-east-1' },
        bucket: { type: 'string' },
        'path-style': { type: 'boolean', default: false },
        expires: { type: 'string', default: '1d' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      out(HELP);
      return values.help ? 0 : 2;
    }
    if (command !== 'upload') throw new UsageError(`Unknown command "${command}". Run signdrop --help.`);
    if (rest.length === 0) throw new UsageError('Name at least one file or folder to upload.');
    if (!values.bucket) throw new UsageError('--bucket is required.');
    const expiry = parseDuration(values.expires);
    if ('error' in expiry) throw new UsageError(expiry.error);
    const accessKeyId = env['AWS_ACCESS_KEY_ID'];
    const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
    if (!accessKeyId || !secretAccessKey) throw new UsageError('Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');

    const profile: StoredProfile = {
      id: 'cli',
      name: 'command line',
      endpoint: values.endpoint,
      region: values.region,
      bucket: values.bucket,
      pathStyle: values['path-style'],
      accessKeyId,
      keyTemplate: DEFAULT_KEY_TEMPLATE,
      defaultExpirySeconds: expiry.seconds,
    };
    const credentials = new MemoryCredentialStore();
    await credentials.set('cli', { secretAccessKey, ...(env['AWS_SESSION_TOKEN'] ? { sessionToken: env['AWS_SESSION_TOKEN'] } : {}) });
    const queue = new UploadQueue(new Signer({ get: async (id) => (id === 'cli' ? profile : undefined) }, credentials));

    const { files, problems } = await collectFiles(rest);
    for (const p of problems) {
      err(`signdrop: ${p.message}`);
      if (values.json) out(JSON.stringify({ file: p.path, error: { code: 'file-unreadable', message: p.message } }));
    }
    const items = await queue.enqueue({ profileId: 'cli', expiresInSeconds: expiry.seconds, files });
    await queue.idle();
    let failed = problems.length;
    for (const { id } of items) {
      const item = queue.list().find((i) => i.id === id)!;
      if (item.state === 'completed' && item.link) {
        out(values.json
          ? JSON.stringify({ file: item.name, key: item.key, bucket: item.bucket, size: item.size, etag: item.etag, url: item.link.url, expiresAt: item.link.expiresAt })
          : `${item.name}\t${item.link.url}`);
      } else {
        failed++;
        err(`signdrop: ${item.name}: ${item.error?.message ?? 'failed'}`);
        if (values.json) out(JSON.stringify({ file: item.name, error: { code: item.error?.code, message: item.error?.message } }));
      }
    }
    return failed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`signdrop: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

/** Entry point for bin/signdrop.js. */
export function main(): void {
  run(process.argv.slice(2), process.env, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`signdrop: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
