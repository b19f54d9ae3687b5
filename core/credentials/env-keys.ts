/** Keys as the AWS SDKs and CLI read them from the environment. */
export interface EnvironmentKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** ISO time temporary keys stop working, when known; kept only beside a session token. */
  readonly expiration?: string;
}

/**
 * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN for temporary keys, from
 * `env`; undefined unless both halves of the key are set. AWS_CREDENTIAL_EXPIRATION is where the
 * SDKs put temporary keys' expiry: links must not outlive it, and long-term keys do not expire.
 */
export function keysFromEnvironment(env: NodeJS.ProcessEnv): EnvironmentKeys | undefined {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env['AWS_SESSION_TOKEN'];
  const expiration = env['AWS_CREDENTIAL_EXPIRATION'];
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken, ...(expiration ? { expiration } : {}) } : {}) };
}
