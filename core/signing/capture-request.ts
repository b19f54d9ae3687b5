import type { S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest } from './format-url';

/** A serialised request just before signing, and the scope the endpoint rules chose for it. */
export interface CapturedRequest {
  readonly request: HttpRequest;
  readonly signingRegion?: string;
  readonly signingService: string;
}

// Headers the SDK adds for retries and telemetry; getSignedUrl strips them before presigning too.
const TRANSIENT_HEADERS = ['amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-user-agent'];

/**
 * Runs the client's middleware stack for `command` (endpoint rules, serialisation) and stops
 * where getSignedUrl would presign: the request it would sign, without sending anything.
 * Undefined when the stack never got there.
 */
export async function captureRequest(
  client: S3Client,
  command: { input: object; resolveMiddleware: (...args: never[]) => unknown },
): Promise<CapturedRequest | undefined> {
  const stack = client.middlewareStack.clone();
  let captured: CapturedRequest | undefined;
  const capture = (_next: unknown, context: Record<string, unknown>) => async (args: { request: unknown }) => {
    const request = args.request as HttpRequest;
    for (const name of TRANSIENT_HEADERS) delete request.headers[name];
    captured = {
      request,
      ...(typeof context['signing_region'] === 'string' ? { signingRegion: context['signing_region'] } : {}),
      signingService: typeof context['signing_service'] === 'string' ? context['signing_service'] : 's3',
    };
    // Stop here, as getSignedUrl does: nothing is sent.
    return { response: {}, output: { $metadata: {} } };
  };
  stack.addRelativeTo(capture as unknown as Parameters<typeof stack.addRelativeTo>[0], {
    name: 'signdropCaptureRequest',
    relation: 'before',
    toMiddleware: 'awsAuthMiddleware',
    override: true,
  });
  const resolve = command.resolveMiddleware as unknown as (s: typeof stack, config: unknown, options: object) => (args: { input: object }) => Promise<unknown>;
  await resolve.call(command, stack, client.config, {})({ input: command.input });
  return captured;
}
