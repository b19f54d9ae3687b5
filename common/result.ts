/**
 * Errors cross every boundary (IPC, CLI, engine) as values, never as thrown
 * exceptions, so the renderer can always show words and a Retry button.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'missing-secret'
  | 'credentials-unavailable'
  | 'credentials-expired'
  | 'expiry-too-long'
  | 'file-unreadable'
  | 'file-changed'
  | 'access-denied'
  | 'invalid-access-key'
  | 'signature-mismatch'
  | 'no-such-bucket'
  | 'wrong-region'
  | 'endpoint-unreachable'
  | 'tls-failure'
  | 'clock-skew'
  | 'request-failed'
  | 'upload-failed'
  | 'integrity-mismatch'
  | 'canceled'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** A sentence a person can act on. Never contains a secret. */
  readonly message: string;
  /**
   * Whether the same request may work if simply tried again (the network, throttling, a server
   * error, an expired presigned URL); false when something must be fixed first, as the message says.
   */
  readonly retryable: boolean;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, retryable = false): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message, retryable },
});

/** An exception that carries an AppError, for code that must unwind (streams, SDK calls). */
export class SigndropError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'SigndropError';
  }

  static of(code: ErrorCode, message: string, retryable = false): SigndropError {
    return new SigndropError({ code, message, retryable });
  }
}

export const isSigndropError = (e: unknown): e is SigndropError => e instanceof SigndropError;
