import { useState } from 'react';
import { ActionIcon, Anchor, Box, Checkbox, Group, Menu, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { DatePicker, DatesProvider } from '@mantine/dates';
import { IconCloud, IconDots, IconPalette, IconPencil, IconPlus, IconTrash, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCreateCalendar, useDeleteCalendar, useUpdateCalendar, type CalendarInfo } from '../api';
import { datesLocale } from '../lib/dates';
import { notifyError, notifySuccess } from '../lib/notify';
import { CalendarDialog } from './CalendarDialog';
import { DEFAULT_COLOR } from './fcEvents';
import { zoneOffset } from './zoneLabel';

interface CalendarSidebarProps {
  calendars: CalendarInfo[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string, visible: boolean) => void;
  /** The date shown ("YYYY-MM-DD"), for the month picker. */
  date: string;
  onDate: (date: string) => void;
  userZone: string;
}

/** The calendar area's left column: a month to jump by, the calendars (show/hide, add, rename, recolour) and the zone. */
export function CalendarSidebar({ calendars, hidden, onToggle, date, onDate, userZone }: CalendarSidebarProps) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<{ calendar?: CalendarInfo } | null>(null);
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const del = useDeleteCalendar();

  const remove = async (c: CalendarInfo) => {
    try {
      await del.mutateAsync(c.id);
      notifySuccess(t('calendar.calendars.deleted', { name: c.name }));
    } catch (e) {
      notifyError(e, t);
    }
  };

  const offset = zoneOffset(userZone);
  return (
    <Stack gap={0} h="100%" data-testid="calendar-sidebar">
      <Box px="xs" pt="xs">
        <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
          <DatePicker
            size="xs"
            value={date}
            date={date}
            onDateChange={(d) => onDate(d)}
            onChange={(d) => d && onDate(d)}
            highlightToday
            data-testid="calendar-month-picker"
          />
        </DatesProvider>
      </Box>
      <Group justify="space-between" px="md" pt="md" pb={4} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('calendar.calendars.title')}
        </Text>
        <Tooltip label={t('calendar.calendars.add')} withArrow>
          <ActionIcon variant="subtle" size="sm" aria-label={t('calendar.calendars.add')} onClick={() => setDialog({})} data-testid="calendar-add">
            <IconPlus size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap={2} px="xs" pb="sm" data-testid="calendar-list">
          {calendars.length === 0 && (
            <Text size="xs" c="dimmed" px="xs" data-testid="calendar-list-empty">
              {t('calendar.calendars.empty')}
            </Text>
          )}
          {calendars.map((c) => {
            const color = /^#[0-9a-f]{6}$/i.test(c.color) ? c.color : DEFAULT_COLOR;
            return (
              <Group
                key={c.id}
                gap={6}
                wrap="nowrap"
                px={6}
                py={3}
                className="fb-calendar-row"
                data-testid="calendar-row"
                data-calendar-id={c.id}
                data-name={c.name}
              >
                <Checkbox
                  size="xs"
                  color={color}
                  checked={!hidden.has(c.id)}
                  onChange={(e) => onToggle(c.id, e.currentTarget.checked)}
                  aria-label={t('calendar.calendars.show', { name: c.name })}
                  styles={{ input: { borderColor: color } }}
                  data-testid="calendar-visible"
                />
                <Box style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {c.name}
                  </Text>
                  {c.accountName && (
                    <Group gap={3} wrap="nowrap">
                      <IconCloud size={10} color="var(--mantine-color-dimmed)" />
                      <Text size="10px" c="dimmed" truncate>
                        {c.accountName}
                      </Text>
                    </Group>
                  )}
                </Box>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      className="fb-calendar-menu"
                      aria-label={t('calendar.calendars.menu', { name: c.name })}
                      data-testid="calendar-menu"
                    >
                      <IconDots size={14} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog({ calendar: c })} data-testid="calendar-rename">
                      {t('calendar.calendars.rename')}
                    </Menu.Item>
                    <Menu.Item leftSection={<IconPalette size={14} />} onClick={() => setDialog({ calendar: c })} data-testid="calendar-recolor">
                      {t('calendar.calendars.recolor')}
                    </Menu.Item>
                    <Menu.Divider />
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(c)} data-testid="calendar-delete">
                      {t('calendar.calendars.delete')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            );
          })}
        </Stack>
      </ScrollArea>
      <Group gap={6} px="md" py="xs" wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="calendar-user-zone">
        <IconWorld size={14} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
        <Text size="xs" c="dimmed" truncate>
          {t('calendar.timesIn')}{' '}
          <Anchor href="#/settings" size="xs" title={t('calendar.changeZone')}>
            {userZone}
          </Anchor>
          {offset && ` (${offset})`}
        </Text>
      </Group>
      <CalendarDialog
        opened={dialog !== null}
        calendar={dialog?.calendar}
        onClose={() => setDialog(null)}
        onSave={async (input) => {
          if (dialog?.calendar) await update.mutateAsync({ id: dialog.calendar.id, input });
          else await create.mutateAsync(input);
        }}
      />
    </Stack>
  );
}
