import { isSigndropError, type AppError, type ErrorCode } from '../../common/result';
import { describeS3Failure, isNetworkCode, type FailureContext, type S3Failure } from './s3-failure';
import { S3ResponseError } from './s3-response-error';

/** What an error that is not recognised becomes: its own message under this code. */
export interface Fallback {
  readonly code: ErrorCode;
  readonly retryable: boolean;
}

const INTERNAL: Fallback = { code: 'internal', retryable: false };

/** What the SDK's service and network errors carry, as far as the words need it. */
interface SdkLikeError {
  readonly name?: string;
  readonly code?: string;
  readonly Code?: string;
  readonly Region?: string;
  readonly message?: string;
  readonly cause?: { readonly code?: string; readonly message?: string };
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Any thrown value as an error a person can act on: the one place failures become words.
 * Our own SigndropErrors pass through; an S3 answer (from the SDK or a streamed PUT) and a
 * network failure are worded by describeS3Failure, naming what `context` knows of the profile;
 * anything else keeps its message under `fallback`'s code.
 */
export function toAppError(e: unknown, context: FailureContext & { action?: string } = {}, fallback: Fallback = INTERNAL): AppError {
  if (isSigndropError(e)) return e.appError;
  const { action, ...where } = context;
  if (e instanceof S3ResponseError) return describeS3Failure({ ...(action ? { action } : {}), ...e.failure }, { ...e.context, ...where });
  const failure = s3FailureOf(e as SdkLikeError | undefined);
  if (failure) return describeS3Failure({ ...(action ? { action } : {}), ...failure }, where);
  return { ...fallback, message: e instanceof Error ? e.message : String(e) };
}

/** The S3 failure an SDK or socket error describes, or undefined when it is neither. */
function s3FailureOf(error: SdkLikeError | undefined): S3Failure | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const status = error.$metadata?.httpStatusCode;
  if (status) {
    // The SDK names a modelled error by its class and an unmodelled one by its <Code>.
    const errorCode = error.Code ?? error.name;
    return {
      status,
      ...(errorCode ? { errorCode } : {}),
      ...(error.message && error.message !== errorCode ? { errorMessage: error.message } : {}),
      ...(error.Region ? { errorRegion: error.Region } : {}),
    };
  }
  const networkCode = error.code ?? error.cause?.code ?? (error.name === 'TimeoutError' ? error.name : undefined);
  const networkMessage = error.cause?.message ?? error.message;
  if (error.name === 'AbortError' || !isNetworkCode(networkCode, networkMessage)) return undefined;
  return { ...(networkCode ? { networkCode } : {}), ...(networkMessage ? { networkMessage } : {}) };
}
