import type { DropQuestion } from '../state/use-drop-gate';
import { ConfirmDialog } from './profiles/ConfirmDialog';

/** Asked before files dropped onto a profile whose last connection test failed are uploaded. */
export function DropQuestionDialog({ question }: { readonly question: DropQuestion | undefined }) {
  if (!question) return null;
  return (
    // Keyed by the question: a new question opens its own modal, even while the last one's close is still on its way.
    <ConfirmDialog
      key={question.id}
      title="Upload anyway?"
      message={`This profile could not connect: ${question.problem} Upload ${question.count === 1 ? 'this file' : `these ${question.count} files`} anyway?`}
      confirmLabel="Upload anyway"
      onConfirm={question.confirm}
      onCancel={question.cancel}
    />
  );
}
