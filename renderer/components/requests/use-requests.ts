import { useCallback, useEffect, useState } from 'react';
import type { Arrival, FileRequest } from '../../../common/requests';
import type { AppError } from '../../../common/result';
import { api } from '../../api';

export interface Requests {
  readonly list: readonly FileRequest[];
  readonly error: AppError | undefined;
  /** Counts up with each batch of arrivals: open requests list their files again. */
  readonly arrivals: number;
  /** What the last batch brought, in words, for the view's status line. */
  readonly lastArrival: string | undefined;
  reload(): Promise<void>;
  setError(error: AppError | undefined): void;
}

/** "3 files arrived for Invoices Q4" */
export function describeArrivals(batch: readonly Arrival[]): string {
  const count = batch.reduce((n, a) => n + a.files.length, 0);
  const titles = [...new Set(batch.map((a) => a.request.title || 'an untitled request'))].join(', ');
  return `${count === 1 ? '1 file' : `${count} files`} arrived for ${titles}`;
}

/**
 * The requests made, kept for the whole window so notices come whatever view is showing: main
 * watches open requests and sends each batch of new files once; each batch becomes one desktop
 * notification (Electron grants our page that permission alone) and reloads the list.
 */
export function useRequests(): Requests {
  const [list, setList] = useState<readonly FileRequest[]>([]);
  const [error, setError] = useState<AppError>();
  const [arrivals, setArrivals] = useState(0);
  const [lastArrival, setLastArrival] = useState<string>();

  const reload = useCallback(async () => {
    const r = await api().requests.list();
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, []);

  // Requests the CLI makes or closes while the window is open.
  useEffect(() => api().requests.onChanged(() => void reload()), [reload]);

  useEffect(() => {
    void reload();
    return api().requests.onArrived((batch) => {
      const words = describeArrivals(batch);
      setLastArrival(words);
      setArrivals((n) => n + 1);
      void reload();
      if (typeof Notification !== 'undefined' && Notification.permission !== 'denied') new Notification('Signdrop', { body: words });
    });
  }, [reload]);

  return { list, error, arrivals, lastArrival, reload, setError };
}
