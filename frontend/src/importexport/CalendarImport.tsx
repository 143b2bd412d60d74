// The import wizard's preview of an iCalendar file: how many meetings and tasks it holds and a
// table of the first ones (kind, title, start, problems). There are no columns to map.
import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportCalendarItem, ImportPreview } from '../api';
import { useFormat } from '../lib/format';
import { formatWall } from '../sync/calendarValues';
import { EntityKind } from '../sync/EntityKind';

/** True for the format name of an iCalendar file. */
export const isCalendarFormat = (format: string) => format === 'ics';

/** "3 meetings, 1 task" and the table of the first items. */
export function CalendarPreview({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const total = preview.events + preview.tasks;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} data-testid="import-calendar-summary">
        {t('importexport.ics.summary', {
          meetings: t('importexport.ics.meetings', { count: preview.events, formatted: fmt.number(preview.events) }),
          tasks: t('importexport.ics.tasks', { count: preview.tasks, formatted: fmt.number(preview.tasks) }),
        })}
      </Text>
      {total === 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="import-calendar-empty">
          {t('importexport.ics.nothing')}
        </Alert>
      )}
      {preview.items.length > 0 && preview.items.length < total && (
        <Text size="sm" c="dimmed">
          {t('importexport.ics.firstShown', { count: preview.items.length, formatted: fmt.number(preview.items.length) })}
        </Text>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
          {preview.warnings.slice(0, 3).map((w, i) => (
            <Text key={i} size="xs">
              {w}
            </Text>
          ))}
        </Alert>
      )}
      {preview.items.length > 0 && (
        <ScrollArea.Autosize mah={360} type="auto">
          <Table striped stickyHeader data-testid="import-calendar-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('importexport.ics.kind')}</Table.Th>
                <Table.Th>{t('importexport.ics.itemTitle')}</Table.Th>
                <Table.Th>{t('importexport.ics.start')}</Table.Th>
                <Table.Th>{t('importexport.import.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.items.map((it, i) => (
                <ItemRow key={`${it.line}-${i}`} item={it} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function ItemRow({ item: it }: { item: ImportCalendarItem }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // An unreadable component has no kind.
  const entity = it.kind === 'task' || it.kind === 'event' ? it.kind : '';
  const when = it.start ? formatWall(it.start, fmt.lng) : '';
  return (
    <Table.Tr data-testid="import-calendar-item" data-kind={entity || 'unknown'} data-skip={it.skip}>
      <Table.Td>
        {entity ? (
          <EntityKind entity={entity} testId="import-item-kind" />
        ) : (
          <Text size="sm" c="dimmed" data-testid="import-item-kind">
            {t('detail.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c={it.title ? undefined : 'dimmed'} data-testid="import-item-title">
            {it.title || (entity === 'task' ? t('tasks.untitled') : entity ? t('calendar.event.untitled') : t('importexport.ics.lineOnly', { line: it.line }))}
          </Text>
          {it.recurring && (
            <Badge size="xs" variant="light" color="gray" leftSection={<IconRepeat size={10} />} tt="none" data-testid="import-item-recurring">
              {t('calendar.event.recurring')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td data-testid="import-item-start">
        {when ? (
          <>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {entity === 'task' ? t('importexport.ics.due', { when }) : when}
            </Text>
            {(it.allDay || it.timeZone) && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {it.allDay ? t('calendar.allDay') : it.timeZone}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('detail.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="import-item-status">
        <Text
          size="sm"
          fw={500}
          c={it.skip ? 'orange.8' : it.problems.length > 0 ? 'yellow.9' : 'teal.8'}
        >
          {it.skip
            ? t(`importexport.reasons.${it.skip}`, { defaultValue: it.skip })
            : it.problems.length > 0
              ? t('importexport.import.withProblems', { count: it.problems.length })
              : t('importexport.import.ok')}
        </Text>
        {it.problems.map((p, i) => (
          <Text key={i} size="xs" c="dimmed" lineClamp={2} title={p} data-testid="import-item-problem">
            {p}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}
