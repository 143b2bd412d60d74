import { Box, Text } from '@mantine/core';
import { IconLock, IconRepeat, IconUsers } from '@tabler/icons-react';
import type { EventContentArg } from '@fullcalendar/core';
import { useTranslation } from 'react-i18next';
import type { OccurrenceProps } from './fcEvents';

/**
 * One meeting inside the calendar: time, title, location and, when it differs, the meeting's own
 * zone ("09:00 Europe/Berlin"). Record text is rendered as text.
 */
export function EventContent({ arg }: { arg: EventContentArg }) {
  const { t } = useTranslation();
  const p = arg.event.extendedProps as Partial<OccurrenceProps>;
  const o = p.occurrence;
  if (!o) {
    // FullCalendar's placeholder while the user selects a slot range (a "mirror"): no meeting yet.
    return (
      <Box className="fb-ev fb-ev-mirror" data-testid="calendar-selection">
        <span className="fb-ev-time">{arg.timeText}</span>
      </Box>
    );
  }
  const type = arg.view.type;
  const list = type.startsWith('list') || type === 'agenda';
  const month = type.startsWith('dayGrid');
  const icons = (
    <>
      {o.recurring && <IconRepeat size={11} aria-label={t('calendar.event.recurring')} style={{ flex: 'none' }} />}
      {o.private && <IconLock size={11} aria-label={t('calendar.event.private')} style={{ flex: 'none' }} />}
    </>
  );
  const zone = p.zoneLabel ? (
    <span className="fb-ev-zone" data-testid="event-zone" title={t('calendar.event.ownZone')}>
      {p.zoneLabel}
    </span>
  ) : null;
  const common = {
    'data-testid': 'calendar-event',
    'data-event-id': o.eventId,
    'data-recurrence-id': o.recurrenceId,
    'data-title': o.title,
  };

  if (list) {
    return (
      <Box className="fb-ev fb-ev-list" {...common}>
        <span className="fb-ev-title">{o.title || t('calendar.event.untitled')}</span>
        {icons}
        {o.location && <span className="fb-ev-loc"> · {o.location}</span>}
        {o.attendeeCount > 0 && (
          <span className="fb-ev-att">
            <IconUsers size={11} /> {o.attendeeCount}
          </span>
        )}
        {zone}
      </Box>
    );
  }
  if (month && !arg.event.allDay) {
    return (
      <Box className="fb-ev fb-ev-dot" {...common}>
        <span className="fb-ev-dotmark" style={{ background: arg.backgroundColor }} />
        <span className="fb-ev-time">{arg.timeText}</span>
        <span className="fb-ev-title">{o.title || t('calendar.event.untitled')}</span>
      </Box>
    );
  }
  const start = arg.event.start?.getTime() ?? 0;
  const end = arg.event.end?.getTime() ?? start;
  if (!arg.event.allDay && end - start <= 45 * 60_000) {
    // A short meeting: one line, time first.
    return (
      <Box className="fb-ev fb-ev-short" {...common}>
        <span className="fb-ev-time">{arg.timeText}</span> <span className="fb-ev-title">{o.title || t('calendar.event.untitled')}</span>
        {icons}
        {zone}
      </Box>
    );
  }
  return (
    <Box className="fb-ev" {...common}>
      <Box className="fb-ev-head">
        {!arg.event.allDay && <span className="fb-ev-time">{arg.timeText}</span>}
        {zone}
      </Box>
      <Text className="fb-ev-title" span inherit>
        {o.title || t('calendar.event.untitled')} {icons}
      </Text>
      {o.location && !arg.event.allDay && <span className="fb-ev-loc">{o.location}</span>}
    </Box>
  );
}
