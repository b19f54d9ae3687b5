import type { StoredProfile } from '../../common/profile';

/** A profile's public fields for --json; never a secret (none is in a StoredProfile). */
export function profileJson(p: StoredProfile) {
  return {
    name: p.name,
    bucket: p.bucket,
    endpoint: p.endpoint,
    region: p.region,
    pathStyle: p.pathStyle,
    credentials: p.credentials,
    ...(p.accessKeyId ? { accessKeyId: p.accessKeyId } : {}),
    keyTemplate: p.keyTemplate,
    defaultExpirySeconds: p.defaultExpirySeconds,
  };
}

/** `"work" (default): bucket photos on AWS, region eu-west-2, keys in the OS keychain (AKIA...)`. */
export function describeProfile(p: StoredProfile, isDefault = false): string {
  const where = p.endpoint ? `${p.endpoint}${p.pathStyle ? ' (path-style)' : ''}` : 'AWS';
  const keys =
    p.credentials.kind === 'aws-profile'
      ? `keys from AWS profile "${p.credentials.profile}"`
      : p.credentials.kind === 'env'
        ? 'keys from the environment (AWS_ACCESS_KEY_ID)'
        : `keys in the OS keychain (${p.accessKeyId})`;
  return `"${p.name}"${isDefault ? ' (default)' : ''}: bucket ${p.bucket} on ${where}, region ${p.region || 'detected on use'}, ${keys}`;
}
