import { useCallback, useEffect, useRef } from 'react';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { activeReminders, dismissReminder, onEvent, snoozeReminder, useUserZone, type ActiveReminder } from '../api';
import { activeReminder } from '../api/calendarNormalize';
import { browserZone } from '../calendar/time';
import { notifyError } from '../lib/notify';
import { ReminderNotice } from './ReminderNotice';

export const reminderNotificationId = (id: string) => `reminder-${id}`;

/**
 * Shows due reminders as in-app notifications: the ones still active at start (RemindersService.Active)
 * and each "reminder:due" event. Each has Snooze (5, 10, 15 minutes, 1 hour) and Dismiss; it stays
 * until one of them is chosen (or it is closed, which leaves the reminder active). Mount once.
 */
export function ReminderCenter() {
  const { t } = useTranslation();
  const zone = useUserZone();
  const userZone = zone.data ?? browserZone();
  const shown = useRef(new Set<string>());
  const ctx = useRef({ t, userZone });
  ctx.current = { t, userZone };

  const show = useCallback((r: ActiveReminder) => {
    if (!r.id) return;
    const id = reminderNotificationId(r.id);
    const hide = () => {
      shown.current.delete(r.id);
      notifications.hide(id);
    };
    const act = (call: () => Promise<void>) => {
      void call().then(hide, (e: unknown) => notifyError(e, ctx.current.t));
    };
    const payload = {
      id,
      autoClose: false as const,
      color: r.kind === 'task' ? 'orange' : 'blue',
      icon: <IconBell size={16} />,
      'data-testid': 'reminder-notification',
      message: (
        <ReminderNotice
          reminder={r}
          userZone={ctx.current.userZone}
          onSnooze={(m) => act(() => snoozeReminder(r.id, m))}
          onDismiss={() => act(() => dismissReminder(r.id))}
        />
      ),
      onClose: () => shown.current.delete(r.id),
    };
    if (shown.current.has(r.id)) {
      notifications.update(payload);
    } else {
      shown.current.add(r.id);
      notifications.show(payload);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    activeReminders().then(
      (list) => {
        if (!cancelled) list.forEach(show);
      },
      () => {
        // No backend (or no reminders service yet): nothing to show.
      },
    );
    const off = onEvent('reminder:due', (payload: unknown) => show(activeReminder(payload)));
    return () => {
      cancelled = true;
      off();
    };
  }, [show]);

  return null;
}
