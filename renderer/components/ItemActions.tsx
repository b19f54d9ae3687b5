import type { QueueAction, UploadItem } from '../../common/uploads';

/** Which controls make sense in each state. */
const ACTIONS: Record<UploadItem['state'], readonly QueueAction[]> = {
  queued: ['pause', 'cancel'],
  uploading: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  failed: ['retry', 'remove'],
  canceled: ['retry', 'remove'],
  completed: ['remove'],
};

const LABEL: Record<QueueAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry', remove: 'Remove' };

interface Props {
  readonly item: UploadItem;
  readonly onAction: (action: QueueAction, id: string) => void;
}

export function ItemActions({ item, onAction }: Props) {
  return (
    <span className="item-actions">
      {ACTIONS[item.state].map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'retry' ? undefined : 'secondary'}
          aria-label={`${LABEL[action]} ${item.name}`}
          onClick={() => onAction(action, item.id)}
        >
          {LABEL[action]}
        </button>
      ))}
    </span>
  );
}
