import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncNow, useSyncStatus } from '../api';
import { notifyError } from '../lib/notify';

/** Ctrl+Shift+S (⌘⇧S): the sync-now chord, from anywhere in the app. */
export function isSyncNowChord(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === 'KeyS' || e.key.toLowerCase() === 's');
}

/** Starts a sync on Ctrl+Shift+S when there is an account and no sync is running. Mount once. */
export function useSyncShortcut(): void {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const ctx = useRef({ status: status.data, pending: syncNow.isPending, mutate: syncNow.mutate, t });
  ctx.current = { status: status.data, pending: syncNow.isPending, mutate: syncNow.mutate, t };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !isSyncNowChord(e)) return;
      e.preventDefault();
      const c = ctx.current;
      if (!c.status || c.status.accounts === 0 || c.status.running || c.pending) return;
      c.mutate(undefined, { onError: (err) => notifyError(err, c.t) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
