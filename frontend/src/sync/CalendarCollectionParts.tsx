import { ColorSwatch, Group, Text } from '@mantine/core';
import { IconCalendarEvent, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarCollection } from '../api';

/** A server calendar without a colour of its own is shown in this grey. */
export const NO_COLOR = '#adb5bd';

/** The colour of a server calendar ("#RRGGBB"; grey when the server has none). */
export function CalendarSwatch({ color, testId }: { color: string; testId: string }) {
  const { t } = useTranslation();
  const valid = /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(color);
  return (
    <ColorSwatch
      color={valid ? color.slice(0, 7) : NO_COLOR}
      size={14}
      withShadow={false}
      aria-label={valid ? t('sync.calendars.colorOf', { color: color.slice(0, 7) }) : t('sync.calendars.noColor')}
      data-testid={testId}
      data-color={valid ? color.slice(0, 7).toLowerCase() : ''}
      style={{ flex: 'none' }}
    />
  );
}

/** What a calendar holds: meetings, tasks or both (icons and words). */
export function CalendarComponents({ calendar: c, testId }: { calendar: CalendarCollection; testId: string }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (c.events) parts.push('events');
  if (c.tasks) parts.push('tasks');
  return (
    <Group gap={8} wrap="nowrap" data-testid={testId} data-components={parts.join(',')}>
      {c.events && (
        <Group gap={2} wrap="nowrap">
          <IconCalendarEvent size={14} stroke={1.6} aria-hidden />
          <Text span size="xs">
            {t('sync.calendars.meetings')}
          </Text>
        </Group>
      )}
      {c.tasks && (
        <Group gap={2} wrap="nowrap">
          <IconChecklist size={14} stroke={1.6} aria-hidden />
          <Text span size="xs">
            {t('sync.calendars.tasks')}
          </Text>
        </Group>
      )}
      {!c.events && !c.tasks && (
        <Text span size="xs" c="dimmed">
          {t('detail.none')}
        </Text>
      )}
    </Group>
  );
}
