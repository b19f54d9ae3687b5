import type { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ProbeOutcome } from './diagnosis';

/** The raw HTTP answer, seen below the SDK's deserializer so even an empty 301 or 403 is visible. */
interface RawResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
}

/** The commands test connection sends. */
export type ProbeCommand = HeadBucketCommand | PutObjectCommand | GetObjectCommand | DeleteObjectCommand;

/**
 * Sends one command and returns what happened as data: status, headers (Date, x-amz-bucket-region),
 * the S3 error code, or the socket/TLS error. Never throws, so test connection can diagnose anything.
 */
export async function probe(client: S3Client, command: ProbeCommand, action: string): Promise<ProbeOutcome & { output?: unknown }> {
  let raw: RawResponse | undefined;
  // Inside the deserializer (low priority in the deserialize step): sees the HTTP response before
  // it becomes an exception, including HEAD answers that carry no error document.
  const record = (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
    const result = await next(args);
    raw = result.response as RawResponse;
    return result;
  };
  // The union of commands has no common middleware signature; the recorder is type-agnostic.
  (command as HeadBucketCommand).middlewareStack.add(record as never, { step: 'deserialize', priority: 'low', name: 'signdropRecordResponse' });
  try {
    const output: unknown = await client.send(command as never);
    // A GetObject body left unread holds its socket until the client is destroyed.
    (output as { Body?: { destroy?: () => void } } | undefined)?.Body?.destroy?.();
    return { action, ...(raw ? { status: raw.statusCode, headers: lower(raw.headers) } : { status: 200 }), output };
  } catch (e) {
    const error = e as Error & { code?: string; Code?: string; Region?: string; cause?: { code?: string; message?: string } };
    if (!raw) {
      const code = error.code ?? error.cause?.code ?? (error.name !== 'Error' ? error.name : undefined);
      return { action, ...(code ? { networkCode: code } : {}), networkMessage: error.cause?.message ?? error.message };
    }
    return {
      action,
      status: raw.statusCode,
      headers: lower(raw.headers),
      // The SDK names a modelled error by its class and an unmodelled one by its <Code>.
      errorCode: error.Code ?? error.name,
      ...(error.Region ? { errorRegion: error.Region } : {}),
    };
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
