import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput, DatesProvider, TimeInput } from '@mantine/dates';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCreateTask, useUpdateTask, type CalendarInfo, type Task } from '../api';
import { reminderLabel } from '../calendar/reminderLabel';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { notifySuccess } from '../lib/notify';
import { useAction } from '../lib/useAction';
import { LinkPicker } from './LinkPicker';
import { EditorActions, EditorFrame, EditorHeader } from '../calendar/EditorFrame';
import {
  PRIORITY_LEVELS,
  TASK_REMINDER_CHOICES,
  emptyTaskForm,
  inputFromTaskForm,
  priorityLevel,
  priorityValue,
  taskFormFromTask,
  type PriorityLevel,
  type TaskFormValues,
} from './taskModel';

const STATUSES = ['needs-action', 'in-process', 'completed', 'cancelled'];

interface TaskEditorProps {
  /** The task edited; null for a new one; undefined when closed. */
  task: Task | null | undefined;
  calendars: CalendarInfo[];
  userZone: string;
  onClose: () => void;
  onDelete: (t: Task) => void;
}

/** The task editor, in a modal. */
export function TaskEditor({ task, calendars, userZone, onClose, onDelete }: TaskEditorProps) {
  return (
    <EditorFrame opened={task !== undefined} onClose={onClose} size={640}>
      {task !== undefined && (
        <TaskForm
          key={task ? `${task.id}-${task.version}` : 'new'}
          task={task}
          calendars={calendars}
          userZone={userZone}
          onClose={onClose}
          onDelete={onDelete}
        />
      )}
    </EditorFrame>
  );
}

function TaskForm({ task, calendars, userZone, onClose, onDelete }: Omit<TaskEditorProps, 'task'> & { task: Task | null }) {
  const { t, i18n } = useTranslation();
  const defaultCalendar = (calendars.find((c) => c.isDefault) ?? calendars[0])?.id ?? '';
  const [v, setV] = useState<TaskFormValues>(() => (task ? taskFormFromTask(task, userZone) : emptyTaskForm(defaultCalendar, userZone)));
  const [titleMissing, setTitleMissing] = useState(false);
  const action = useAction();
  const create = useCreateTask();
  const update = useUpdateTask();
  const set = (patch: Partial<TaskFormValues>) => setV((old) => ({ ...old, ...patch }));
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const save = () =>
    action.run(async () => {
      if (!v.title.trim()) {
        setTitleMissing(true);
        return;
      }
      const others = task ? task.reminders.slice(1).map((r) => r.minutesBefore) : [];
      const input = inputFromTaskForm(v, userZone, others);
      if (task) await update.mutateAsync({ id: task.id, version: task.version, input });
      else await create.mutateAsync(input);
      notifySuccess(t('tasks.saved'));
      onClose();
    });

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const reminderOptions = [...new Set<number>([...TASK_REMINDER_CHOICES, ...(v.reminder !== null ? [v.reminder] : [])])]
    .sort((a, b) => a - b)
    .map((m) => ({ value: String(m), label: reminderLabel(m, t) }));

  return (
    <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
      <EditorHeader title={task ? t('tasks.editor.editTitle') : t('tasks.editor.newTitle')}>
        <EditorActions
          form="task-form"
          testId="task"
          busy={action.busy}
          onCancel={onClose}
          onDelete={task ? () => onDelete(task) : undefined}
          deleteLabel={t('tasks.editor.delete')}
        />
      </EditorHeader>
      <Modal.Body pt="md">
        <form
          id="task-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
          data-testid="task-editor"
        >
          <Stack gap="sm">
            {action.error && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="form-error">
                {action.error}
              </Alert>
            )}
            <TextInput
              ref={titleRef}
              aria-label={t('tasks.editor.title')}
              placeholder={t('tasks.editor.titlePlaceholder')}
              size="md"
              value={v.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={titleMissing && !v.title.trim() ? t('tasks.editor.titleRequired') : undefined}
              data-testid="task-title"
            />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <DateInput
                label={t('tasks.editor.due')}
                placeholder={t('tasks.editor.noDue')}
                value={v.dueDate || null}
                onChange={(d) => set({ dueDate: d ?? '', dueTime: d ? v.dueTime : '' })}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                clearable
                w={200}
                data-testid="task-due-date"
              />
              <TimeInput
                aria-label={t('tasks.editor.dueTime')}
                value={v.dueTime}
                onChange={(e) => set({ dueTime: e.currentTarget.value })}
                disabled={!v.dueDate}
                w={110}
                data-testid="task-due-time"
              />
              <Select
                label={t('tasks.editor.reminder')}
                data={[{ value: 'none', label: t('calendar.reminders.none') }, ...reminderOptions]}
                value={v.reminder === null ? 'none' : String(v.reminder)}
                onChange={(r) => set({ reminder: r === null || r === 'none' ? null : Number(r) })}
                disabled={!v.dueDate}
                allowDeselect={false}
                style={{ flex: 1 }}
                data-testid="task-reminder"
              />
            </Group>
            <Group gap="md" align="flex-end" wrap="nowrap">
              <Box>
                <Text size="sm" fw={500} mb={2}>
                  {t('tasks.editor.priority')}
                </Text>
                <SegmentedControl
                  value={priorityLevel(v.priority)}
                  onChange={(l) => set({ priority: priorityValue(l as PriorityLevel, v.priority) })}
                  data={PRIORITY_LEVELS.map((l) => ({ value: l, label: t(`tasks.priority.${l}`) }))}
                  data-testid="task-priority"
                />
              </Box>
              <Select
                label={t('tasks.editor.status')}
                data={STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
                value={STATUSES.includes(v.status) ? v.status : 'needs-action'}
                onChange={(s) => s && set({ status: s })}
                allowDeselect={false}
                style={{ flex: 1 }}
                data-testid="task-status"
              />
            </Group>
            <Group gap="sm" grow align="flex-start">
              <LinkPicker
                kind="contact"
                label={t('tasks.editor.contact')}
                id={v.contactId}
                name={v.contactName}
                onChange={(contactId, contactName) => set({ contactId, contactName })}
                testId="task-contact"
              />
              <LinkPicker
                kind="company"
                label={t('tasks.editor.company')}
                id={v.companyId}
                name={v.companyName}
                onChange={(companyId, companyName) => set({ companyId, companyName })}
                testId="task-company"
              />
            </Group>
            {calendars.length > 1 && (
              <Select
                label={t('calendar.editor.calendar')}
                data={calendars.map((c) => ({ value: c.id, label: c.name }))}
                value={v.calendarId || null}
                onChange={(c) => c && set({ calendarId: c })}
                allowDeselect={false}
                data-testid="task-calendar"
              />
            )}
            <Textarea
              label={t('tasks.editor.notes')}
              autosize
              minRows={3}
              maxRows={10}
              value={v.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              data-testid="task-notes"
            />
          </Stack>
        </form>
      </Modal.Body>
    </DatesProvider>
  );
}
