import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Center, Checkbox, Group, Kbd, Loader, NavLink, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconCalendarDue,
  IconCalendarEvent,
  IconChecklist,
  IconCircleCheck,
  IconFlag,
  IconList,
  IconPlus,
  IconSun,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useCalendars,
  useCompleteTask,
  useCreateTask,
  useDeleteTask,
  useRestoreTask,
  useTasks,
  useUserZone,
  type Task,
  type TaskList,
} from '../api';
import { browserZone } from '../calendar/time';
import { isEditableTarget } from '../contacts/shortcuts';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { clearHashParams, hashForRecord, useHashParam } from '../shell/hashParams';
import { TaskEditor } from './TaskEditor';
import { TASK_LISTS, dueText, isDone, priorityLevel, quickDueDefault, quickTaskInput, taskShortcut, type TaskAction } from './taskModel';

const LIST_ICONS: Record<TaskList, typeof IconSun> = {
  today: IconSun,
  overdue: IconAlertCircle,
  upcoming: IconCalendarDue,
  all: IconList,
  done: IconCircleCheck,
};

const PRIORITY_COLORS = { high: 'red', medium: 'orange', low: 'blue', none: 'gray' } as const;

/** How long the "Task deleted — Undo" notification stays. */
const UNDO_MS = 8000;

/** Tasks and follow-ups: Today, Overdue, Upcoming, All and Done, quick add, editor, keyboard. */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const zone = useUserZone();
  const userZone = zone.data ?? browserZone();
  const [list, setList] = useState<TaskList>('today');
  const tasks = useTasks(list);
  const today = useTasks('today');
  const overdue = useTasks('overdue');
  const calendars = useCalendars();
  const complete = useCompleteTask();
  const create = useCreateTask();
  const del = useDeleteTask();
  const restore = useRestoreTask();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Task | null | undefined>(undefined);
  const [quickTitle, setQuickTitle] = useState('');
  const [quickDue, setQuickDue] = useState<string>(() => quickDueDefault('today', browserZone()));
  const quickRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const items = tasks.data ?? [];
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const cals = calendars.data ?? [];
  const defaultCalendar = (cals.find((c) => c.isDefault) ?? cals[0])?.id ?? '';

  // "#/tasks?id=…" (from a reminder) shows the task in All and opens it.
  const linked = useHashParam('id');
  const [opening, setOpening] = useState<string | null>(null);
  useEffect(() => {
    if (!linked) return;
    setList('all');
    setOpening(linked);
    clearHashParams();
  }, [linked]);
  useEffect(() => {
    if (!opening || list !== 'all' || !tasks.data || tasks.isPlaceholderData) return;
    const found = tasks.data.find((x) => x.id === opening);
    setOpening(null);
    if (found) {
      setSelected(found.id);
      setEditing(found);
    }
  }, [opening, list, tasks.data, tasks.isPlaceholderData]);

  const selectList = (l: TaskList) => {
    setList(l);
    setSelected(null);
    setQuickDue(quickDueDefault(l, userZone));
  };

  const toggle = useCallback(
    (task: Task) => {
      complete.mutate(
        { id: task.id, version: task.version, done: !isDone(task) },
        { onError: (e) => notifyError(e, t) },
      );
    },
    [complete, t],
  );

  const remove = useCallback(
    async (task: Task) => {
      try {
        await del.mutateAsync({ id: task.id, version: task.version });
      } catch (e) {
        notifyError(e, t);
        return;
      }
      setEditing(undefined);
      const id = `task-deleted-${task.id}-${Date.now()}`;
      notifications.show({
        id,
        autoClose: UNDO_MS,
        'data-testid': 'task-delete-notification',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">{t('tasks.deleted')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="task-undo"
              onClick={() => {
                notifications.hide(id);
                restore.mutate(task.id, { onSuccess: () => notifySuccess(t('tasks.restored')), onError: (e) => notifyError(e, t) });
              }}
            >
              {t('notify.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [del, restore, t],
  );

  const quickAdd = async () => {
    const title = quickTitle.trim();
    if (!title) return;
    try {
      await create.mutateAsync(quickTaskInput(title, quickDue, defaultCalendar, userZone));
      setQuickTitle('');
      notifySuccess(t('tasks.added'));
    } catch (e) {
      notifyError(e, t);
    }
  };

  // Keyboard: N new task (the quick-add row), Enter open, Space complete, ↑/↓ select, Delete.
  const keyState = useRef({ items, selected, modal: false, toggle, remove });
  keyState.current = { items, selected, modal: editing !== undefined, toggle, remove };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = keyState.current;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const ownsKey = !!target && target !== listRef.current && !!target.closest('button, a[href], input, [role="button"], [role="menuitem"]');
      const action: TaskAction | null = taskShortcut(e, {
        modalOpen: s.modal,
        editable: isEditableTarget(e.target),
        ownsKey,
        hasSelection: s.selected !== null && s.items.some((x) => x.id === s.selected),
      });
      if (!action) return;
      e.preventDefault();
      const index = s.items.findIndex((x) => x.id === s.selected);
      const current = s.items[index];
      switch (action) {
        case 'new':
          quickRef.current?.focus();
          return;
        case 'next':
        case 'previous': {
          if (s.items.length === 0) return;
          const next = index < 0 ? 0 : Math.min(Math.max(index + (action === 'next' ? 1 : -1), 0), s.items.length - 1);
          setSelected(s.items[next].id);
          listRef.current?.focus({ preventScroll: true });
          document.getElementById(`task-${s.items[next].id}`)?.scrollIntoView({ block: 'nearest' });
          return;
        }
        case 'open':
          if (current) setEditing(current);
          return;
        case 'complete':
          if (current) s.toggle(current);
          return;
        case 'delete':
          if (current) void s.remove(current);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const counts: Partial<Record<TaskList, number>> = { today: today.data?.length, overdue: overdue.data?.length };

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="tasks-page">
      <Stack gap={2} w={210} p="xs" style={{ flex: 'none', borderInlineEnd: '1px solid var(--mantine-color-gray-3)' }} data-testid="task-lists">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={4} pb={4}>
          {t('tasks.lists.title')}
        </Text>
        {TASK_LISTS.map((l) => {
          const Icon = LIST_ICONS[l];
          const n = counts[l];
          return (
            <NavLink
              key={l}
              label={t(`tasks.lists.${l}`)}
              leftSection={<Icon size={16} stroke={1.6} color={l === 'overdue' && n ? 'var(--mantine-color-red-6)' : undefined} />}
              rightSection={
                n ? (
                  <Badge size="xs" variant={l === 'overdue' ? 'filled' : 'light'} color={l === 'overdue' ? 'red' : 'blue'} data-testid={`task-count-${l}`}>
                    {n}
                  </Badge>
                ) : null
              }
              active={l === list}
              onClick={() => selectList(l)}
              data-testid={`task-list-${l}`}
              styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', paddingBlock: 6 } }}
            />
          );
        })}
        <Box mt="auto" px="sm" pb="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">N</Kbd> {t('tasks.keys.new')} · <Kbd size="xs">{t('shortcuts.keys.enter')}</Kbd> {t('tasks.keys.open')} ·{' '}
            <Kbd size="xs">{t('tasks.keys.space')}</Kbd> {t('tasks.keys.complete')}
          </Text>
        </Box>
      </Stack>

      <Box style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <Group justify="space-between" px="lg" pt="md" pb="xs" wrap="nowrap">
          <Title order={2} size="h3" data-testid="task-list-title">
            {t(`tasks.lists.${list}`)}
          </Title>
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)} data-testid="task-new">
            {t('tasks.new')}
          </Button>
        </Group>
        <DatesProvider settings={{ locale: datesLocale(lng), firstDayOfWeek: 1 }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void quickAdd();
            }}
            data-testid="task-quick-add"
          >
            <Group gap="xs" px="lg" pb="sm" wrap="nowrap">
              <TextInput
                ref={quickRef}
                style={{ flex: 1 }}
                leftSection={<IconPlus size={15} />}
                placeholder={t('tasks.quick.placeholder')}
                aria-label={t('tasks.quick.label')}
                value={quickTitle}
                onChange={(e) => setQuickTitle(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setQuickTitle('');
                    e.currentTarget.blur();
                  }
                }}
                data-testid="task-quick-title"
              />
              <DateInput
                aria-label={t('tasks.quick.due')}
                placeholder={t('tasks.editor.noDue')}
                value={quickDue || null}
                onChange={(d) => setQuickDue(d ?? '')}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                clearable
                w={190}
                leftSection={<IconCalendarEvent size={15} />}
                data-testid="task-quick-due"
              />
              <Button type="submit" loading={create.isPending} disabled={!quickTitle.trim()} data-testid="task-quick-submit">
                {t('tasks.quick.add')}
              </Button>
            </Group>
          </form>
        </DatesProvider>

        <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto', borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          {tasks.isError && !tasks.data ? (
            <Box p="lg">
              <Alert color="red" icon={<IconAlertCircle size={16} />} data-testid="task-list-error">
                {errorText(tasks.error, t)}
              </Alert>
            </Box>
          ) : tasks.isPending ? (
            <Center p="xl">
              <Loader size="sm" />
            </Center>
          ) : items.length === 0 ? (
            <Center p="xl" data-testid="task-empty">
              <Stack align="center" gap="xs">
                <IconChecklist size={34} stroke={1.3} color="var(--mantine-color-gray-5)" />
                <Text size="sm" c="dimmed" ta="center" maw={340}>
                  {t(`tasks.empty.${list}`)}
                </Text>
              </Stack>
            </Center>
          ) : (
            <div
              ref={listRef}
              role="listbox"
              tabIndex={0}
              aria-label={t(`tasks.lists.${list}`)}
              aria-activedescendant={selected ? `task-${selected}` : undefined}
              data-testid="task-list"
              style={{ outline: 'none' }}
            >
              {items.map((task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  selected={task.id === selected}
                  userZone={userZone}
                  lng={lng}
                  onSelect={() => setSelected(task.id)}
                  onOpen={() => setEditing(task)}
                  onToggle={() => toggle(task)}
                />
              ))}
            </div>
          )}
        </Box>
      </Box>
      <TaskEditor
        task={editing}
        calendars={cals}
        userZone={userZone}
        onClose={() => setEditing(undefined)}
        onDelete={(task) => void remove(task)}
      />
    </Box>
  );
}

interface TaskRowProps {
  task: Task;
  selected: boolean;
  userZone: string;
  lng: string;
  onSelect: () => void;
  onOpen: () => void;
  onToggle: () => void;
}

/** One task: checkbox, title, links, priority and due date (red when overdue). Text rendered as text. */
export function TaskRow({ task, selected, userZone, lng, onSelect, onOpen, onToggle }: TaskRowProps) {
  const { t } = useTranslation();
  const done = isDone(task);
  const due = dueText(task, userZone, lng);
  const level = priorityLevel(task.priority);
  const overdue = task.overdue && !done;
  return (
    <Group
      id={`task-${task.id}`}
      role="option"
      aria-selected={selected}
      gap="sm"
      wrap="nowrap"
      px="lg"
      py={8}
      onClick={onSelect}
      onDoubleClick={onOpen}
      data-testid="task-row"
      data-task-id={task.id}
      data-overdue={overdue ? 'true' : 'false'}
      data-done={done ? 'true' : 'false'}
      style={{
        cursor: 'default',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: selected ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Checkbox
        radius="xl"
        checked={done}
        onChange={onToggle}
        onClick={(e) => e.stopPropagation()}
        aria-label={done ? t('tasks.reopen', { title: task.title }) : t('tasks.complete', { title: task.title })}
        data-testid="task-complete"
      />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          c={done ? 'dimmed' : 'var(--mantine-color-text)'}
          td={done ? 'line-through' : undefined}
          onClick={(e) => {
            e.stopPropagation();
            onSelect();
            onOpen();
          }}
          style={{ textAlign: 'start', overflowWrap: 'anywhere' }}
          data-testid="task-title-link"
        >
          {task.title || t('tasks.untitled')}
        </Anchor>
        {(task.contactName || task.companyName || task.notes) && (
          <Text size="xs" c="dimmed" truncate>
            {task.contactId && task.contactName ? (
              <Anchor href={hashForRecord('contacts', task.contactId)} size="xs" onClick={(e) => e.stopPropagation()} data-testid="task-contact-link">
                {task.contactName}
              </Anchor>
            ) : null}
            {task.contactName && task.companyName ? ' · ' : ''}
            {task.companyId && task.companyName ? (
              <Anchor href={hashForRecord('companies', task.companyId)} size="xs" onClick={(e) => e.stopPropagation()}>
                {task.companyName}
              </Anchor>
            ) : null}
            {!task.contactName && !task.companyName && task.notes ? task.notes.split('\n')[0] : null}
          </Text>
        )}
      </Box>
      {level !== 'none' && (
        <Tooltip label={t(`tasks.priority.${level}`)} withArrow>
          <Box c={PRIORITY_COLORS[level]} style={{ display: 'flex' }} data-testid="task-priority-flag" data-priority={level}>
            <IconFlag size={15} fill={level === 'high' ? 'currentColor' : 'none'} aria-label={t(`tasks.priority.${level}`)} />
          </Box>
        </Tooltip>
      )}
      {due && (
        <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="task-due">
          {overdue && <IconAlertCircle size={12} style={{ verticalAlign: -2, marginInlineEnd: 3 }} />}
          {due.day ? t(`tasks.due.${due.day}`) : due.date}
          {due.time ? ` ${due.time}` : ''}
        </Text>
      )}
    </Group>
  );
}
