import { useEffect, useState } from 'react';
import { api } from '../api';

/**
 * Says before upload when a link will not live as long as chosen: links signed with
 * temporary credentials (SSO, STS) die with them, whatever their expiry says.
 */
export function LifetimeNote({ profileId, expiresInSeconds }: { readonly profileId: string; readonly expiresInSeconds: number }) {
  const [warning, setWarning] = useState<string>();
  useEffect(() => {
    let current = true;
    void api()
      .links.lifetime(profileId, expiresInSeconds)
      .then((r) => current && setWarning(r.ok ? r.value.warning : r.error.message));
    return () => {
      current = false;
    };
  }, [profileId, expiresInSeconds]);
  return warning ? (
    <p role="status" className="warning">
      {warning}
    </p>
  ) : null;
}
