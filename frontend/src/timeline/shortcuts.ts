import { isEditableTarget } from '../contacts/shortcuts';

export interface LogKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}

/** L (no modifier, outside text fields, no dialog open) opens the log form. */
export function opensLogForm(e: LogKey, dialogOpen: boolean): boolean {
  if (dialogOpen || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return false;
  if (isEditableTarget(e.target)) return false;
  return e.key === 'l' || e.key === 'L';
}
