/**
 * Which field of the profile form a problem concerns, so the words sit beside the input to fix
 * (a wrong secret at the secret, a missing bucket at the bucket), never in one line above Save.
 */
import type { ErrorCode } from './result';

export const PROFILE_FIELDS = ['name', 'endpoint', 'account', 'region', 'bucket', 'accessKeyId', 'secretAccessKey', 'awsProfile', 'keyTemplate'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Connection diagnoses by the field that cures them; a code not listed concerns no one field. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, ProfileField>> = {
  'invalid-access-key': 'accessKeyId',
  'signature-mismatch': 'secretAccessKey',
  'missing-secret': 'secretAccessKey',
  'no-such-bucket': 'bucket',
  'wrong-region': 'region',
  'endpoint-unreachable': 'endpoint',
  'tls-failure': 'endpoint',
  'credentials-unavailable': 'awsProfile',
  'credentials-expired': 'awsProfile',
};

/**
 * The field a connection diagnosis points at. Access denied names the key (its policy lacks the
 * action); with keys from an AWS profile, key problems point at the profile name instead.
 */
export function fieldOfError(code: ErrorCode, keysFromAwsProfile: boolean): ProfileField | undefined {
  if (code === 'access-denied') return keysFromAwsProfile ? 'awsProfile' : 'accessKeyId';
  const field = FIELD_OF_CODE[code];
  if (keysFromAwsProfile && (field === 'accessKeyId' || field === 'secretAccessKey')) return 'awsProfile';
  return field;
}

/** The field a validation issue's path names: `credentials.profile` is the AWS profile's name. */
export function fieldOfPath(path: readonly PropertyKey[]): ProfileField | undefined {
  const [first, second] = path;
  if (first === 'credentials' && second === 'profile') return 'awsProfile';
  return PROFILE_FIELDS.find((f) => f === first);
}
