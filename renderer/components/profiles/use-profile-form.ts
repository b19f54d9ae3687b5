import { useCallback, useState } from 'react';
import type { ConnectionReport } from '../../../common/connection';
import type { ProfileView } from '../../../common/profile';
import { fieldOfError } from '../../../common/profile-fields';
import type { AppError } from '../../../common/result';
import { api } from '../../api';
import { recordConnectionTest } from '../../state/connection-results';
import { toInput, validate, type Draft, type FieldErrors } from './profile-draft';

export type Phase = 'idle' | 'testing' | 'saving';

export interface ProfileFormState {
  readonly draft: Draft;
  readonly errors: FieldErrors;
  /** A problem that concerns no one field (the clock, the keychain), shown above the buttons. */
  readonly general: AppError | undefined;
  readonly report: ConnectionReport | undefined;
  readonly phase: Phase;
  change(patch: Partial<Draft>): void;
  /** Tests the draft as typed; nothing is saved. */
  test(): Promise<void>;
  /** Tests, then saves only when the connection works. */
  submit(): Promise<void>;
  /** Saves after a failed test, because the user said so. */
  saveAnyway(): Promise<void>;
}

/** A failed result or report, placed at its field when it concerns one. */
function place(error: AppError, draft: Draft): { errors: FieldErrors; general?: AppError } {
  const field = fieldOfError(error.code, draft.source === 'aws-profile');
  if (field) return { errors: { [field]: error.message } };
  // Main's own check of a field the form does not know to check (a name taken meanwhile).
  if (error.code === 'invalid-input' && /named/.test(error.message)) return { errors: { name: error.message } };
  return { errors: {}, general: error };
}

/** The profile form's state: fields, the problems at each, the last test, and what is running. */
export function useProfileForm(initial: Draft, others: readonly ProfileView[], onSaved: (profile: ProfileView) => void): ProfileFormState {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<AppError>();
  const [report, setReport] = useState<ConnectionReport>();
  const [phase, setPhase] = useState<Phase>('idle');

  const change = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // What the user just changed may cure the problem shown: the old verdict no longer holds.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch) && !(k === 'awsProfile' && 'source' in patch))));
    setReport(undefined);
    setGeneral(undefined);
  }, []);

  const show = (error: AppError) => {
    const placed = place(error, draft);
    setErrors(placed.errors);
    setGeneral(placed.general);
  };

  const runTest = async (): Promise<ConnectionReport | undefined> => {
    const found = validate(draft, others);
    setReport(undefined);
    setGeneral(undefined);
    setErrors(found);
    if (Object.keys(found).length > 0) return undefined;
    setPhase('testing');
    const r = await api().profiles.testDraft(toInput(draft));
    setPhase('idle');
    const result: ConnectionReport = r.ok ? r.value : { ok: false, region: draft.region, passed: [], warnings: [], error: r.error };
    setReport(result);
    if (result.error) show(result.error);
    return result;
  };

  /** `problem`: what the last test found, when the user saves anyway; a drop onto the profile asks first. */
  const save = async (problem: string | undefined) => {
    setPhase('saving');
    const r = await api().profiles.save(toInput(draft));
    setPhase('idle');
    if (!r.ok) return show(r.error);
    recordConnectionTest(r.value.id, problem);
    onSaved(r.value);
  };

  return {
    draft,
    errors,
    general,
    report,
    phase,
    change,
    test: async () => void (await runTest()),
    submit: async () => {
      const tested = await runTest();
      if (tested?.ok) await save(undefined);
    },
    saveAnyway: () => save(report?.error?.message ?? 'the last test failed.'),
  };
}
