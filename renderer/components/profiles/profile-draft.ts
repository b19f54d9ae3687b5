/**
 * The profile form's fields as the user types them, and how they become a ProfileInput: the
 * preset builds the endpoint, the credential source picks which key fields travel, and every
 * problem is named by the field it concerns.
 */
import { DEFAULT_KEY_TEMPLATE } from '../../../common/key-template';
import { ProfileInput, type ProfileView } from '../../../common/profile';
import { fieldOfPath, type ProfileField } from '../../../common/profile-fields';
import { isR2AccountId, presetEndpoint, presetOf, PROVIDER_PRESETS, typesEndpoint, type ProviderPreset } from '../../../common/providers';

export type KeySource = 'keychain' | 'aws-profile';

export interface Draft {
  readonly id: string | undefined;
  readonly provider: string;
  readonly name: string;
  readonly account: string;
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly pathStyle: boolean;
  readonly source: KeySource;
  readonly accessKeyId: string;
  /** Empty while editing keeps the stored secret. */
  readonly secretAccessKey: string;
  readonly awsProfile: string;
  readonly keyTemplate: string;
  readonly defaultExpirySeconds: number;
}

export type FieldErrors = Partial<Record<ProfileField, string>>;

const presetById = (id: string): ProviderPreset => PROVIDER_PRESETS.find((p) => p.id === id) ?? PROVIDER_PRESETS[0]!;

export const emptyDraft: Draft = {
  id: undefined,
  provider: 'aws',
  name: '',
  account: '',
  endpoint: '',
  region: 'us-east-1',
  bucket: '',
  pathStyle: false,
  source: 'keychain',
  accessKeyId: '',
  secretAccessKey: '',
  awsProfile: '',
  keyTemplate: DEFAULT_KEY_TEMPLATE,
  defaultExpirySeconds: 86_400,
};

/** The form's fields for editing a saved profile; the secret stays in the keychain. */
export function draftOf(profile: ProfileView): Draft {
  const { preset, account } = presetOf(profile.endpoint);
  return {
    id: profile.id,
    provider: preset.id,
    name: profile.name,
    account,
    endpoint: profile.endpoint,
    region: profile.region,
    bucket: profile.bucket,
    pathStyle: profile.pathStyle,
    source: profile.credentials.kind === 'aws-profile' ? 'aws-profile' : 'keychain',
    accessKeyId: profile.accessKeyId,
    secretAccessKey: '',
    awsProfile: profile.credentials.kind === 'aws-profile' ? profile.credentials.profile : '',
    keyTemplate: profile.keyTemplate,
    defaultExpirySeconds: profile.defaultExpirySeconds,
  };
}

/** Choosing a provider sets what it implies (region, addressing) and keeps what the user typed. */
export function withProvider(draft: Draft, id: string): Draft {
  const preset = presetById(id);
  return { ...draft, provider: preset.id, region: preset.region, pathStyle: preset.pathStyle, endpoint: typesEndpoint(preset) ? draft.endpoint : '' };
}

/** What the draft asks main to save or test. */
export function toInput(draft: Draft): ProfileInput {
  const endpoint = presetEndpoint(presetById(draft.provider), draft) ?? draft.endpoint;
  const keys =
    draft.source === 'aws-profile'
      ? { credentials: { kind: 'aws-profile' as const, profile: draft.awsProfile }, accessKeyId: '' }
      : {
          credentials: { kind: 'keychain' as const },
          accessKeyId: draft.accessKeyId,
          ...(draft.secretAccessKey ? { secretAccessKey: draft.secretAccessKey } : {}),
        };
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    endpoint,
    region: draft.region,
    bucket: draft.bucket,
    pathStyle: draft.pathStyle,
    keyTemplate: draft.keyTemplate,
    defaultExpirySeconds: draft.defaultExpirySeconds,
    ...keys,
  };
}

/**
 * Problems found before asking main: the contract's own rules (the same schema main applies),
 * plus what only the form knows (another profile's name, the R2 account id, a missing key).
 */
export function validate(draft: Draft, others: readonly ProfileView[]): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = ProfileInput.safeParse(toInput(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const name = draft.name.trim().toLowerCase();
  if (name && others.some((p) => p.id !== draft.id && p.name.trim().toLowerCase() === name)) errors.name = 'Another profile has this name; choose another.';
  if (draft.provider === 'r2' && !isR2AccountId(draft.account)) errors.account = 'An account id is 32 letters a–f and digits.';
  if (draft.provider === 'custom' && !draft.endpoint.trim()) errors.endpoint = 'Enter your server’s address, like https://s3.example.com.';
  if (draft.source === 'keychain') {
    if (!draft.accessKeyId.trim()) errors.accessKeyId = 'Enter the access key id.';
    if (!draft.id && !draft.secretAccessKey) errors.secretAccessKey = 'Enter the secret access key.';
  }
  return errors;
}
