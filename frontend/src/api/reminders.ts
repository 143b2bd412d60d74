import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './calendarNormalize';
import type { ActiveReminder } from './calendarTypes';

const S = 'RemindersService';

/** Reminders that rang and are neither dismissed nor snoozed. */
export async function activeReminders(): Promise<ActiveReminder[]> {
  return n.list(await invoke<unknown>(S, 'Active', () => raw.reminders.active()), n.activeReminder);
}

/** Rings the reminder again in `minutes`. */
export async function snoozeReminder(id: string, minutes: number): Promise<void> {
  await invoke<unknown>(S, 'Snooze', () => raw.reminders.snooze(id, Math.max(1, Math.trunc(minutes))));
}

export async function dismissReminder(id: string): Promise<void> {
  await invoke<unknown>(S, 'Dismiss', () => raw.reminders.dismiss(id));
}
