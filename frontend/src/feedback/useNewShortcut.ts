import { useEffect, useRef } from 'react';
import { isEditableTarget } from '../contacts/shortcuts';

/** True when a key event is the plain "N" that starts a new record (not typed into a field). */
export function isNewKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented' | 'isComposing'>): boolean {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key !== 'n' && e.key !== 'N') return false;
  return !isEditableTarget(e.target);
}

/** Calls onNew on a plain N while `enabled` (no dialog open). */
export function useNewShortcut(onNew: () => void, enabled: boolean): void {
  const state = useRef({ onNew, enabled });
  state.current = { onNew, enabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!state.current.enabled || !isNewKey(e)) return;
      e.preventDefault();
      state.current.onNew();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
