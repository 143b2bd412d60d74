import { useState } from 'react';
import { Anchor, Box, Button, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContactTimeline, type TimelineItem } from '../api';
import { useFormat } from '../lib/format';

const FIRST = 10;

/** The hash that opens a meeting (one occurrence of it) in the calendar. */
export function meetingHref(m: Pick<TimelineItem, 'eventId' | 'recurrenceId' | 'start'>): string {
  const p = new URLSearchParams({ event: m.eventId });
  if (m.recurrenceId) p.set('rid', m.recurrenceId);
  if (m.start) p.set('at', m.start);
  return `#/calendar?${p.toString()}`;
}

/** Newest first (by start instant); items without a readable start last. */
export function newestFirst(items: TimelineItem[]): TimelineItem[] {
  const at = (m: TimelineItem) => {
    const t = Date.parse(m.start);
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...items].sort((a, b) => at(b) - at(a));
}

/** The contact's meetings (as attendee or organizer), newest first: date, title, notes; a click opens the meeting. */
export function ContactMeetings({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const timeline = useContactTimeline(contactId);
  const [all, setAll] = useState(false);
  if (timeline.isPending) return null;
  const items = newestFirst(timeline.data ?? []);
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <Box data-testid="contact-meetings">
      <Text size="sm" c="dimmed" fw={500} mb={6}>
        {t('calendar.timeline.title')}
      </Text>
      {timeline.isError ? (
        <Text size="sm" c="dimmed" data-testid="contact-meetings-error">
          {t('calendar.timeline.error')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="contact-meetings-empty">
          {t('calendar.timeline.empty')}
        </Text>
      ) : (
        <Stack gap={10}>
          {shown.map((m) => (
            <Box
              key={`${m.eventId}|${m.recurrenceId}`}
              pl="sm"
              style={{ borderInlineStart: '2px solid var(--mantine-color-blue-3)' }}
              data-testid="contact-meeting"
              data-event-id={m.eventId}
            >
              <Text size="xs" c="dimmed" data-testid="contact-meeting-date">
                <IconCalendarEvent size={12} style={{ verticalAlign: -2, marginInlineEnd: 4 }} />
                {fmt.dateTime(m.start)}
                {m.location ? ` · ${m.location}` : ''}
              </Text>
              <Anchor href={meetingHref(m)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="contact-meeting-title">
                {m.title || t('calendar.event.untitled')}
              </Anchor>
              {m.notes && (
                <Text size="sm" className="fb-pre" lineClamp={4} data-testid="contact-meeting-notes">
                  {m.notes}
                </Text>
              )}
            </Box>
          ))}
          {items.length > shown.length && (
            <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start' }}>
              {t('calendar.timeline.more', { count: items.length - shown.length })}
            </Button>
          )}
        </Stack>
      )}
    </Box>
  );
}
