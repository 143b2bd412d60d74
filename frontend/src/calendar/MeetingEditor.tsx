import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Center,
  Checkbox,
  ColorSwatch,
  Divider,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DatesProvider, TimeInput } from '@mantine/dates';
import { IconAlertTriangle, IconClock, IconMapPin, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useCreateEvent,
  useEvent,
  useUpdateEvent,
  type CalendarEvent,
  type CalendarInfo,
  type EditScope,
} from '../api';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { errorText, notifySuccess } from '../lib/notify';
import { useAction } from '../lib/useAction';
import { AttendeesEditor } from './AttendeesEditor';
import { useScopeChoice } from './EditScopeDialog';
import { EditorActions, EditorFrame, EditorHeader } from './EditorFrame';
import {
  REMINDER_CHOICES,
  inputForScope,
  inputFromForm,
  meetingFormFromEvent,
  newMeetingForm,
  occurrenceTimes,
  repeatContext,
  shiftEnd,
  validateMeeting,
  type MeetingField,
  type MeetingFormValues,
} from './meetingForm';
import { reminderLabel } from './reminderLabel';
import { RepeatEditor } from './RepeatEditor';
import { nthOf, weekdayOf } from './rrule';
import { datePart, instantOf, isValidZone, joinWall, timePart, wallClockOf } from './time';
import { useDeleteEventWithUndo } from './useDeleteEventWithUndo';
import { ZoneSelect } from './ZoneSelect';

/** What the editor opens: a new meeting (wall clocks in the user's zone, or dates) or an existing one. */
export type EditorTarget =
  | { kind: 'new'; start: string; end: string; allDay: boolean }
  | { kind: 'edit'; eventId: string; recurrenceId: string };

interface MeetingEditorProps {
  target: EditorTarget | null;
  userZone: string;
  calendars: CalendarInfo[];
  onClose: () => void;
}

/** The meeting editor, in a modal. */
export function MeetingEditor({ target, userZone, calendars, onClose }: MeetingEditorProps) {
  return (
    <EditorFrame opened={target !== null} onClose={onClose} size={780}>
      {target?.kind === 'new' && (
        <MeetingForm
          key={`new-${target.start}-${target.end}`}
          initial={newMeetingForm(target.start, target.end, target.allDay, userZone, defaultCalendar(calendars))}
          userZone={userZone}
          calendars={calendars}
          onClose={onClose}
        />
      )}
      {target?.kind === 'edit' && (
        <ExistingMeeting eventId={target.eventId} recurrenceId={target.recurrenceId} userZone={userZone} calendars={calendars} onClose={onClose} />
      )}
    </EditorFrame>
  );
}

function defaultCalendar(calendars: CalendarInfo[]): string {
  return (calendars.find((c) => c.isDefault) ?? calendars[0])?.id ?? '';
}

function ExistingMeeting({
  eventId,
  recurrenceId,
  userZone,
  calendars,
  onClose,
}: {
  eventId: string;
  recurrenceId: string;
  userZone: string;
  calendars: CalendarInfo[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ev = useEvent(eventId);
  // The form starts from the meeting as it was when opened; a later refresh does not reset it.
  const [base, setBase] = useState<CalendarEvent | null>(null);
  useEffect(() => {
    if (ev.data && !base) setBase(ev.data);
  }, [ev.data, base]);

  if (ev.isError && !base) {
    return (
      <>
        <EditorHeader title={t('calendar.editor.editTitle')} />
        <Modal.Body pt="md">
          <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="meeting-load-error">
            {errorText(ev.error, t)}
          </Alert>
        </Modal.Body>
      </>
    );
  }
  if (!base) {
    return (
      <>
        <EditorHeader title={t('calendar.editor.editTitle')} />
        <Modal.Body>
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        </Modal.Body>
      </>
    );
  }
  return (
    <MeetingForm
      key={`${base.id}-${base.version}-${recurrenceId}`}
      base={base}
      recurrenceId={recurrenceId}
      initial={meetingFormFromEvent(base, recurrenceId)}
      userZone={userZone}
      calendars={calendars}
      onClose={onClose}
    />
  );
}

interface MeetingFormProps {
  base?: CalendarEvent;
  recurrenceId?: string;
  initial: MeetingFormValues;
  userZone: string;
  calendars: CalendarInfo[];
  onClose: () => void;
}

function MeetingForm({ base, recurrenceId = '', initial, userZone, calendars, onClose }: MeetingFormProps) {
  const { t, i18n } = useTranslation();
  const [v, setV] = useState<MeetingFormValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<MeetingField, string>>>({});
  const action = useAction();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const del = useDeleteEventWithUndo();
  const scope = useScopeChoice();
  const titleRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<MeetingFormValues>) => setV((old) => ({ ...old, ...patch }));
  const ctx = repeatContext(v);
  const recurring = !!base?.rrule;
  const occurrenceOfSeries = recurring && recurrenceId !== '';

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const setStart = (startDate: string, startTime: string) => {
    setV((old) => {
      const next = { ...old, startDate, startTime, ...shiftEnd(old, startDate, startTime) };
      // Weekly on the start's own day follows the start to its new day.
      const before = weekdayOf(old.startDate);
      const after = weekdayOf(startDate);
      if (before && after && old.repeat.byDay.length === 1 && old.repeat.byDay[0] === before) {
        next.repeat = { ...old.repeat, byDay: [after], nth: nthOf(startDate) };
      }
      return next;
    });
  };

  const save = () =>
    action.run(async () => {
      const found = validateMeeting(v);
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      const input = inputFromForm(v, base);
      if (!base) {
        await create.mutateAsync(input);
        notifySuccess(t('calendar.saved'));
        onClose();
        return;
      }
      let chosen: EditScope = 'all';
      if (occurrenceOfSeries) {
        const s = await scope.ask('edit', v.repeatEdited ? ['following', 'all'] : undefined);
        if (!s) return;
        chosen = s;
      }
      const occ = occurrenceOfSeries ? occurrenceTimes(base, recurrenceId) : { start: base.start, end: base.end };
      await update.mutateAsync({
        id: base.id,
        version: base.version,
        scope: chosen,
        recurrenceId: occurrenceOfSeries ? recurrenceId : '',
        input: inputForScope(input, base, occ, chosen),
      });
      notifySuccess(t('calendar.saved'));
      onClose();
    });

  const remove = async () => {
    if (!base) return;
    let chosen: EditScope = 'all';
    if (occurrenceOfSeries) {
      const s = await scope.ask('delete');
      if (!s) return;
      chosen = s;
    }
    const ok = await del.remove({ id: base.id, version: base.version, scope: chosen, recurrenceId: occurrenceOfSeries ? recurrenceId : '' });
    if (ok) onClose();
  };

  // Ctrl+S saves.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!scope.open) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scope.open]);

  const reminderData = useMemo(() => {
    const all = [...new Set<number>([...REMINDER_CHOICES, ...v.reminders])].sort((a, b) => a - b);
    return all.map((m) => ({ value: String(m), label: reminderLabel(m, t) }));
  }, [v.reminders, t]);

  const calendarData = calendars.map((c) => ({ value: c.id, label: c.name }));
  const colorOf = (id: string) => calendars.find((c) => c.id === id)?.color;

  // The start in the user's zone, when the meeting's zone shows another clock time.
  const inUserZone = useMemo(() => {
    if (v.allDay || !isValidZone(v.timeZone) || v.timeZone === userZone) return '';
    const wall = joinWall(v.startDate, v.startTime);
    const mine = wallClockOf(instantOf(wall, v.timeZone), userZone);
    if (!mine || mine.slice(0, 16) === wall.slice(0, 16)) return '';
    const sameDay = datePart(mine) === v.startDate;
    return t('calendar.editor.inYourZone', {
      time: sameDay ? timePart(mine) : `${datePart(mine)} ${timePart(mine)}`,
      zone: userZone,
    });
  }, [v.allDay, v.timeZone, v.startDate, v.startTime, userZone, t]);

  return (
    <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
      <EditorHeader title={base ? t('calendar.editor.editTitle') : t('calendar.editor.newTitle')}>
        <EditorActions
          form="meeting-form"
          testId="meeting"
          busy={action.busy}
          onCancel={onClose}
          onDelete={base ? () => void remove() : undefined}
          deleting={del.deleting}
          deleteLabel={t('calendar.editor.delete')}
        />
      </EditorHeader>
      <Modal.Body pt="md">
        <form
          id="meeting-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="meeting-editor"
          noValidate
        >
          <Stack gap="sm">
            {action.error && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="form-error">
                {action.error}
              </Alert>
            )}
            <TextInput
              ref={titleRef}
              aria-label={t('calendar.editor.title')}
              placeholder={t('calendar.editor.titlePlaceholder')}
              size="md"
              value={v.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={errors.title ? t(errors.title) : undefined}
              data-testid="meeting-title"
            />
            <TextInput
              aria-label={t('calendar.editor.location')}
              placeholder={t('calendar.editor.locationPlaceholder')}
              leftSection={<IconMapPin size={15} />}
              value={v.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
              data-testid="meeting-location"
            />

            <Group gap="xs" align="flex-end" wrap="nowrap">
              <IconClock size={18} style={{ marginBottom: 8, flex: 'none' }} color="var(--mantine-color-dimmed)" />
              <DateInput
                label={t('calendar.editor.start')}
                value={v.startDate}
                onChange={(d) => d && setStart(d, v.startTime)}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                w={170}
                data-testid="meeting-start-date"
              />
              {!v.allDay && (
                <TimeInput
                  aria-label={t('calendar.editor.startTime')}
                  value={v.startTime}
                  onChange={(e) => e.currentTarget.value && setStart(v.startDate, e.currentTarget.value)}
                  w={104}
                  data-testid="meeting-start-time"
                />
              )}
              <Text pb={8} c="dimmed">
                –
              </Text>
              <DateInput
                label={t('calendar.editor.end')}
                value={v.endDate}
                onChange={(d) => d && set({ endDate: d })}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                w={170}
                error={errors.end ? true : undefined}
                data-testid="meeting-end-date"
              />
              {!v.allDay && (
                <TimeInput
                  aria-label={t('calendar.editor.endTime')}
                  value={v.endTime}
                  onChange={(e) => e.currentTarget.value && set({ endTime: e.currentTarget.value })}
                  w={104}
                  error={errors.end ? true : undefined}
                  data-testid="meeting-end-time"
                />
              )}
              <Switch
                label={t('calendar.editor.allDay')}
                checked={v.allDay}
                onChange={(e) => set({ allDay: e.currentTarget.checked })}
                pb={8}
                style={{ flex: 'none' }}
                data-testid="meeting-all-day"
              />
            </Group>
            {errors.end && (
              <Text size="xs" c="red" mt={-6} data-testid="meeting-time-error">
                {t(errors.end)}
              </Text>
            )}

            {!v.allDay && (
              <Group gap="xs" align="center" wrap="nowrap">
                <IconWorld size={18} style={{ flex: 'none' }} color="var(--mantine-color-dimmed)" />
                <ZoneSelect
                  aria-label={t('calendar.editor.zone')}
                  value={v.timeZone}
                  onChange={(z) => set({ timeZone: z })}
                  allowFloating
                  w={330}
                  data-testid="meeting-zone"
                />
                {inUserZone && (
                  <Text size="sm" c="dimmed" data-testid="meeting-zone-hint">
                    {inUserZone}
                  </Text>
                )}
              </Group>
            )}
            {base?.originalTzid && base.originalTzid !== v.timeZone && (
              <Text size="xs" c="dimmed" data-testid="meeting-original-tzid">
                {t('calendar.editor.originalTzid', { tzid: base.originalTzid })}
              </Text>
            )}

            <RepeatEditor
              value={v.repeat}
              ctx={ctx}
              custom={v.rruleCustom}
              rrule={v.rrule}
              error={errors.repeat}
              onChange={(repeat) => set({ repeat, repeatEdited: true })}
              onReplaceCustom={() => set({ rruleCustom: false, repeatEdited: true })}
            />
            {occurrenceOfSeries && (
              <Text size="xs" c="dimmed">
                {t('calendar.editor.occurrenceHint')}
              </Text>
            )}

            <Divider />
            <Text size="sm" fw={600}>
              {t('calendar.attendees.title')}
            </Text>
            <AttendeesEditor value={v.attendees} organizer={base?.organizer ?? null} onChange={(attendees) => set({ attendees })} />

            <Divider />
            <Group gap="sm" align="flex-end" grow>
              <Select
                label={t('calendar.editor.calendar')}
                data={calendarData}
                value={v.calendarId || null}
                onChange={(c) => c && set({ calendarId: c })}
                allowDeselect={false}
                leftSection={<ColorSwatch color={colorOf(v.calendarId) ?? '#868e96'} size={12} />}
                renderOption={({ option }) => (
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={colorOf(option.value) ?? '#868e96'} size={12} />
                    <Text size="sm">{option.label}</Text>
                  </Group>
                )}
                data-testid="meeting-calendar"
              />
              <Select
                label={t('calendar.editor.showAs')}
                data={['busy', 'free', 'tentative', 'oof'].map((b) => ({ value: b, label: t(`calendar.busy.${b}`) }))}
                value={['busy', 'free', 'tentative', 'oof'].includes(v.busy) ? v.busy : 'busy'}
                onChange={(b) => b && set({ busy: b })}
                allowDeselect={false}
                data-testid="meeting-busy"
              />
              <MultiSelect
                label={t('calendar.editor.reminders')}
                placeholder={v.reminders.length ? undefined : t('calendar.reminders.none')}
                data={reminderData}
                value={v.reminders.map(String)}
                onChange={(r) => set({ reminders: r.map(Number).filter((n) => Number.isFinite(n)) })}
                data-testid="meeting-reminders"
              />
            </Group>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TagsInput
                label={t('calendar.editor.categories')}
                placeholder={v.categories.length ? undefined : t('calendar.editor.categoriesPlaceholder')}
                value={v.categories}
                onChange={(categories) => set({ categories })}
                style={{ flex: 1 }}
                data-testid="meeting-categories"
              />
              <Checkbox
                label={t('calendar.editor.private')}
                checked={v.private}
                onChange={(e) => set({ private: e.currentTarget.checked })}
                mb={8}
                data-testid="meeting-private"
              />
            </Group>
            <Textarea
              label={t('calendar.editor.notes')}
              autosize
              minRows={3}
              maxRows={10}
              value={v.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              data-testid="meeting-notes"
            />

          </Stack>
        </form>
      </Modal.Body>
      {scope.dialog}
    </DatesProvider>
  );
}
