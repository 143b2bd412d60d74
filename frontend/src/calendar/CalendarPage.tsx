import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Box, Button, Group, Loader, SegmentedControl, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import FullCalendar from '@fullcalendar/react';
import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import luxon3Plugin from '@fullcalendar/luxon3';
import bnLocale from '@fullcalendar/core/locales/bn';
import { useCalendars, useMoveOccurrence, useOccurrences, useUserZone, type Occurrence } from '../api';
import { notifyError } from '../lib/notify';
import { isEditableTarget } from '../contacts/shortcuts';
import { clearHashParams, useHashParam, hashParam } from '../shell/hashParams';
import { useScopeChoice } from './EditScopeDialog';
import { EventContent } from './EventContent';
import { moveRequest, toFcEvent, type OccurrenceProps } from './fcEvents';
import { MeetingEditor, type EditorTarget } from './MeetingEditor';
import { CalendarSidebar } from './CalendarSidebar';
import { addMinutes, browserZone, datePart, wallClockOf } from './time';
import { calendarShortcut, VIEWS, type CalendarView } from './shortcuts';
import './calendar.css';

const SIDEBAR_WIDTH = 248;
/** The key that switches to each view (see ./shortcuts). */
const VIEW_KEYS: Record<CalendarView, string> = { day: 'D', week: 'W', month: 'M', agenda: 'A' };
const HIDDEN_KEY = 'fieldbook.calendar.hidden';
const VIEW_KEY = 'fieldbook.calendar.view';

/** FullCalendar's view for each of ours. */
const FC_VIEWS: Record<CalendarView, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  agenda: 'agenda',
};

/** FullCalendar options that never change (kept as one object so no render resets the calendar). */
const FC_STATIC = {
  plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, luxon3Plugin],
  views: { agenda: { type: 'list', duration: { weeks: 2 } } },
  headerToolbar: false as const,
  height: '100%',
  locales: [bnLocale],
  firstDay: 1,
  nowIndicator: true,
  editable: true,
  selectable: true,
  selectMirror: true,
  dayMaxEvents: true,
  eventAllow: (drop: { allDay: boolean }, dragged: { allDay: boolean } | null) => drop.allDay === dragged?.allDay,
  slotDuration: '00:30:00',
  scrollTime: '08:00:00',
  eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false } as const,
  slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false } as const,
};

const renderEventContent = (arg: EventContentArg) => <EventContent arg={arg} />;

function loadHidden(): Set<string> {
  try {
    const v = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function loadView(): CalendarView {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(VIEW_KEY) : null;
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as CalendarView) : 'week';
}

/** An instant of FullCalendar's range strings (offset or not) as UTC RFC 3339. */
function rangeInstant(s: string): string {
  const t = Date.parse(s);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().replace('.000Z', 'Z');
}

/** The calendar: day, week, month and agenda views in the user's zone, several calendars, drag to move and resize. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const zone = useUserZone();
  const userZone = zone.data ?? (zone.isError ? browserZone() : '');
  const calendars = useCalendars();
  const [hidden, setHidden] = useState<Set<string>>(loadHidden);
  const [view, setView] = useState<CalendarView>(loadView);
  const [range, setRange] = useState<{ from: string; to: string; title: string; date: string }>({ from: '', to: '', title: '', date: '' });
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const occurrences = useOccurrences(range.from, range.to, [], userZone !== '');
  const move = useMoveOccurrence();
  const scope = useScopeChoice();
  const calRef = useRef<FullCalendar>(null);
  const api = () => calRef.current?.getApi();

  const toggle = (id: string, visible: boolean) => {
    setHidden((old) => {
      const next = new Set(old);
      if (visible) next.delete(id);
      else next.add(id);
      try {
        localStorage.setItem(HIDDEN_KEY, JSON.stringify([...next]));
      } catch {
        // A full or missing storage only loses the preference.
      }
      return next;
    });
  };

  const changeView = useCallback((v: CalendarView) => {
    setView(v);
    try {
      localStorage.setItem(VIEW_KEY, v);
    } catch {
      // ignore
    }
    calRef.current?.getApi().changeView(FC_VIEWS[v]);
  }, []);

  const events = useMemo(
    () => (occurrences.data ?? []).filter((o) => !hidden.has(o.calendarId)).map((o) => toFcEvent(o, userZone)),
    [occurrences.data, hidden, userZone],
  );

  const newMeeting = useCallback(() => {
    // The next full hour today, or 09:00 on the day shown when that is not today.
    const now = wallClockOf(new Date(), userZone || browserZone());
    const shown = range.date || datePart(now);
    const start =
      shown === datePart(now) ? `${addMinutes(now.slice(0, 13) + ':00:00', 60)}` : `${shown}T09:00:00`;
    setEditor({ kind: 'new', start, end: addMinutes(start, 60), allDay: false });
  }, [range.date, userZone]);

  // "#/calendar?event=…&rid=…&at=…" (from a contact's timeline or a reminder) opens that meeting.
  const linked = useHashParam('event');
  useEffect(() => {
    // Wait for the user's zone: the calendar (and the date to show) depend on it.
    if (!linked || !userZone) return;
    const rid = hashParam(window.location.hash, 'rid') ?? '';
    const at = hashParam(window.location.hash, 'at');
    if (at) {
      const day = datePart(wallClockOf(at, userZone));
      if (day) api()?.gotoDate(day);
    }
    setEditor({ kind: 'edit', eventId: linked, recurrenceId: rid });
    clearHashParams();
  }, [linked, userZone]);

  // Keyboard: Ctrl+N new meeting; T today; ←/→ previous/next; D, W, M, A views.
  const keyCtx = useRef({ modal: false, newMeeting, changeView });
  keyCtx.current = { modal: editor !== null || scope.open, newMeeting, changeView };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const c = keyCtx.current;
      const action = calendarShortcut(e, { modalOpen: c.modal, editable: isEditableTarget(e.target) });
      if (!action) return;
      e.preventDefault();
      const cal = calRef.current?.getApi();
      switch (action.kind) {
        case 'new':
          return c.newMeeting();
        case 'today':
          return cal?.today();
        case 'prev':
          return cal?.prev();
        case 'next':
          return cal?.next();
        case 'view':
          return c.changeView(action.view);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onDatesSet = (arg: DatesSetArg) => {
    const date = datePart(wallClockOf(arg.view.currentStart, userZone || 'UTC')) || datePart(arg.startStr);
    const next = { from: rangeInstant(arg.startStr), to: rangeInstant(arg.endStr), title: arg.view.title, date };
    setRange((old) => (old.from === next.from && old.to === next.to && old.title === next.title && old.date === next.date ? old : next));
  };

  const onSelect = (arg: DateSelectArg) => {
    api()?.unselect();
    if (arg.allDay) {
      setEditor({ kind: 'new', start: datePart(arg.startStr), end: datePart(arg.endStr), allDay: true });
    } else {
      setEditor({ kind: 'new', start: wallClockOf(arg.startStr, userZone), end: wallClockOf(arg.endStr, userZone), allDay: false });
    }
  };

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    const o = (arg.event.extendedProps as OccurrenceProps).occurrence;
    setEditor({ kind: 'edit', eventId: o.eventId, recurrenceId: o.recurring ? o.recurrenceId : '' });
  };

  const onMove = async (arg: EventDropArg | EventResizeDoneArg) => {
    const o: Occurrence = (arg.event.extendedProps as OccurrenceProps).occurrence;
    let chosen: 'all' | 'this' | 'following' = 'all';
    if (o.recurring) {
      const s = await scope.ask('move');
      if (!s) {
        arg.revert();
        return;
      }
      chosen = s;
    }
    try {
      await move.mutateAsync(moveRequest(o, { allDay: arg.event.allDay, startStr: arg.event.startStr, endStr: arg.event.endStr }, chosen, userZone));
    } catch (e) {
      arg.revert();
      notifyError(e, t);
    }
  };

  // FullCalendar gets stable callbacks that call the latest handlers.
  const latest = useRef({ onDatesSet, onSelect, onEventClick, onMove });
  latest.current = { onDatesSet, onSelect, onEventClick, onMove };
  const handlers = useMemo(
    () => ({
      datesSet: (arg: DatesSetArg) => latest.current.onDatesSet(arg),
      select: (arg: DateSelectArg) => latest.current.onSelect(arg),
      eventClick: (arg: EventClickArg) => latest.current.onEventClick(arg),
      move: (arg: EventDropArg | EventResizeDoneArg) => void latest.current.onMove(arg),
    }),
    [],
  );
  const moreLinkText = useCallback((n: number) => t('calendar.more', { count: n }), [t]);

  const cals = calendars.data ?? [];
  const lng = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="calendar-page">
      <Box w={SIDEBAR_WIDTH} style={{ flex: 'none', borderInlineEnd: '1px solid var(--mantine-color-gray-3)', minHeight: 0 }}>
        <CalendarSidebar
          calendars={cals}
          hidden={hidden}
          onToggle={toggle}
          date={range.date || datePart(wallClockOf(new Date(), userZone || browserZone()))}
          onDate={(d) => api()?.gotoDate(d)}
          userZone={userZone || browserZone()}
        />
      </Box>
      <Box style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Group justify="space-between" px="md" py={10} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Button variant="default" size="xs" onClick={() => api()?.today()} title={t('calendar.todayTitle')} data-testid="calendar-today">
              {t('calendar.today')}
            </Button>
            <Tooltip label={t('calendar.prev')} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={() => api()?.prev()} aria-label={t('calendar.prev')} data-testid="calendar-prev">
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('calendar.next')} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={() => api()?.next()} aria-label={t('calendar.next')} data-testid="calendar-next">
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
            <Title order={2} size="h4" fw={500} lineClamp={1} data-testid="calendar-title">
              {range.title}
            </Title>
            {(occurrences.isFetching || move.isPending) && <Loader size={14} />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => changeView(v as CalendarView)}
              data={VIEWS.map((v) => ({
                value: v,
                label: (
                  <span title={t('calendar.viewKey', { view: t(`calendar.views.${v}`), key: VIEW_KEYS[v] })}>{t(`calendar.views.${v}`)}</span>
                ),
              }))}
              data-testid="calendar-views"
            />
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={newMeeting} title={t('calendar.newTitle')} data-testid="calendar-new">
              {t('calendar.new')}
            </Button>
          </Group>
        </Group>
        {occurrences.isError && (
          <Text size="sm" c="red" px="md" py={6} data-testid="calendar-error">
            {t('calendar.loadError')}
          </Text>
        )}
        <Box style={{ flex: 1, minHeight: 0 }} className="fb-calendar" data-testid="calendar-view" data-view={view}>
          {userZone ? (
            <FullCalendar
              ref={calRef}
              {...FC_STATIC}
              timeZone={userZone}
              initialView={FC_VIEWS[view]}
              locale={lng === 'bn' ? 'bn' : 'en-gb'}
              allDayText={t('calendar.allDay')}
              noEventsText={t('calendar.noEvents')}
              moreLinkText={moreLinkText}
              events={events}
              datesSet={handlers.datesSet}
              select={handlers.select}
              eventClick={handlers.eventClick}
              eventDrop={handlers.move}
              eventResize={handlers.move}
              eventContent={renderEventContent}
            />
          ) : (
            <Loader size="sm" m="xl" />
          )}
        </Box>
      </Box>
      <MeetingEditor target={editor} userZone={userZone || browserZone()} calendars={cals} onClose={() => setEditor(null)} />
      {scope.dialog}
    </Box>
  );
}
