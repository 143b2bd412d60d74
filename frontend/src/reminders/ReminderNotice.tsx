import { Anchor, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconBellOff, IconClockPause, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActiveReminder } from '../api';
import { datePart, timePart, wallClockOf } from '../calendar/time';
import { useFormat, useNow } from '../lib/format';

/** Snooze choices, in minutes. */
export const SNOOZE_MINUTES = [5, 10, 15, 60] as const;

/** Where the reminder's meeting or task opens. */
export function reminderHref(r: ActiveReminder): string {
  if (r.kind === 'task') return `#/tasks?${new URLSearchParams({ id: r.itemId }).toString()}`;
  const p = new URLSearchParams({ event: r.itemId });
  if (r.recurrenceId) p.set('rid', r.recurrenceId);
  if (r.start) p.set('at', r.start);
  return `#/calendar?${p.toString()}`;
}

interface ReminderNoticeProps {
  reminder: ActiveReminder;
  userZone: string;
  onSnooze: (minutes: number) => void;
  onDismiss: () => void;
  busy?: boolean;
}

/** The body of a reminder notification: what, when, where, and Snooze / Dismiss. Record text as text. */
export function ReminderNotice({ reminder: r, userZone, onSnooze, onDismiss, busy }: ReminderNoticeProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(30_000);
  const local = r.start ? wallClockOf(r.start, userZone) : '';
  const today = wallClockOf(new Date(now), userZone);
  const when = local ? (datePart(local) === datePart(today) ? timePart(local) : fmt.dateTime(r.start)) : '';
  const relative = r.start ? fmt.relative(r.start, now) : '';
  return (
    <Stack gap={6} data-testid="reminder-notice" data-reminder-id={r.id} data-kind={r.kind}>
      <Anchor href={reminderHref(r)} fw={600} size="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }} data-testid="reminder-open">
        {r.title || t('calendar.event.untitled')}
      </Anchor>
      {when && (
        <Text size="xs" c="dimmed" data-testid="reminder-when">
          {t(r.kind === 'task' ? 'reminders.due' : 'reminders.starts', { time: when })}
          {relative ? ` · ${relative}` : ''}
        </Text>
      )}
      {r.location && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          <IconMapPin size={11} style={{ verticalAlign: -1, marginInlineEnd: 3 }} />
          {r.location}
        </Text>
      )}
      <Group gap="xs" mt={2}>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="light" leftSection={<IconClockPause size={13} />} disabled={busy} data-testid="reminder-snooze">
              {t('reminders.snooze')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {SNOOZE_MINUTES.map((m) => (
              <Menu.Item key={m} onClick={() => onSnooze(m)} data-testid={`reminder-snooze-${m}`}>
                {m % 60 === 0 ? t('reminders.snoozeHours', { count: m / 60 }) : t('reminders.snoozeMinutes', { count: m })}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconBellOff size={13} />} onClick={onDismiss} disabled={busy} data-testid="reminder-dismiss">
          {t('reminders.dismiss')}
        </Button>
      </Group>
    </Stack>
  );
}
