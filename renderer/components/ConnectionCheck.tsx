import { useEffect, useRef, useState } from 'react';
import type { ConnectionReport } from '../../common/connection';
import type { AppError } from '../../common/result';
import { api } from '../api';
import { recordConnectionTest } from '../state/connection-results';

/** "Test connection": runs the checks in main and says what works or what to fix, in words. */
interface Props {
  readonly profileId: string;
  /** Run once on mount: right after a profile is added, so a mistake shows before the first upload. */
  readonly autoRun?: boolean;
}

export function ConnectionCheck({ profileId, autoRun = false }: Props) {
  const [report, setReport] = useState<ConnectionReport>();
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setReport(undefined);
    setError(undefined);
    const r = await api().profiles.test(profileId);
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
    recordConnectionTest(profileId, r.ok ? r.value.error?.message : r.error.message);
  };

  const started = useRef(false);
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      void run();
    }
    // Once, on mount: `run` reads only this profile's id, which cannot change for this instance (keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const problem = error ?? report?.error;
  return (
    <div className="connection" aria-live="polite">
      <button type="button" className="secondary" onClick={run} disabled={busy}>
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {problem && (
        <p role="alert" className="error">
          {problem.message}
        </p>
      )}
      {report?.ok && (
        <p className="ok">
          Connected: {report.passed.join(', ')} work{report.detectedRegion ? ` (bucket region ${report.detectedRegion})` : ''}.
        </p>
      )}
      {report?.warnings.map((w) => (
        <p key={w} className="hint">
          {w}
        </p>
      ))}
    </div>
  );
}
