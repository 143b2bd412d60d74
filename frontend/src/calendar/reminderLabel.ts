import type { TFunction } from 'i18next';

/** "5 minutes before", "1 hour before", "2 days before", "At the start" for a reminder. */
export function reminderLabel(minutes: number, t: TFunction): string {
  if (minutes <= 0) return t('calendar.reminders.atStart');
  if (minutes % 1440 === 0) return t('calendar.reminders.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('calendar.reminders.hours', { count: minutes / 60 });
  return t('calendar.reminders.minutes', { count: minutes });
}
