import { useMemo } from 'react';
import { renderKey } from '../../common/key-template';
import type { ProfileView } from '../../common/profile';

/** Shows where a file will land, from the profile's key template, before anything is uploaded. */
export function KeyPreview({ profile }: { readonly profile: ProfileView }) {
  const preview = useMemo(() => {
    const r = renderKey(profile.keyTemplate, { relativePath: 'example report.pdf', now: new Date(), uuid: crypto.randomUUID() });
    return 'key' in r ? `${profile.bucket}/${r.key}` : r.error;
  }, [profile]);
  return (
    <p className="hint key-preview">
      Files land at <code>{preview}</code> (template <code>{profile.keyTemplate}</code>)
    </p>
  );
}
