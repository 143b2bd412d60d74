import { Alert, Anchor, Box, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConflicts, useResolveConflict, type Conflict, type ConflictChoice } from '../api';
import { labelText } from '../contacts/ContactForm';
import { useFormat } from '../lib/format';
import { errorText, notifyError } from '../lib/notify';
import { isCalendarEntity, readableCalendarValue } from './calendarValues';
import { EntityKind } from './EntityKind';
import { recordHref, untitledKey } from './records';
import { fieldName, readableValue } from './values';

export function ConflictsPanel() {
  const { t } = useTranslation();
  const conflicts = useConflicts();

  if (conflicts.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('sync.conflicts.loading')} />
      </Center>
    );
  }
  if (conflicts.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="conflicts-error">
        {errorText(conflicts.error, t)}
      </Alert>
    );
  }
  if (conflicts.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" data-testid="conflicts-empty">
        <Group gap="xs">
          <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm" fw={500}>
            {t('sync.conflicts.empty')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {t('sync.conflicts.emptyHint')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('sync.conflicts.intro')}
      </Text>
      {conflicts.data.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
    </Stack>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const resolve = useResolveConflict();
  const choose = (choice: ConflictChoice) =>
    resolve.mutate({ id: c.id, choice }, { onError: (e) => notifyError(e, t) });
  const busy = resolve.isPending;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="conflict-row"
      data-conflict-id={c.id}
      data-field={c.field}
      data-entity={c.entity}
    >
      <Group justify="space-between" align="baseline" wrap="nowrap" mb="sm">
        <Group gap="xs" align="baseline" wrap="nowrap" style={{ minWidth: 0 }}>
          <EntityKind entity={c.entity} testId="conflict-kind" />
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            <RecordName conflict={c} />
            <Text span c="dimmed" fw={400}>
              {' · '}
            </Text>
            <span data-testid="conflict-field">{fieldName(t, c.field, c.entity)}</span>
          </Text>
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(c.createdAt)}
        </Text>
      </Group>
      <SimpleGrid cols={3} spacing="sm">
        <ValueColumn title={t('sync.conflicts.base')} conflict={c} json={c.base} testId="conflict-base" />
        <ValueColumn title={t('sync.conflicts.mine')} conflict={c} json={c.mine} testId="conflict-mine" accent="blue" />
        <ValueColumn title={t('sync.conflicts.theirs')} conflict={c} json={c.theirs} testId="conflict-theirs" accent="grape" />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="light" onClick={() => choose('mine')} disabled={busy} data-testid="conflict-keep-mine">
          {t('sync.conflicts.keepMine')}
        </Button>
        <Button variant="light" color="grape" onClick={() => choose('theirs')} disabled={busy} data-testid="conflict-keep-theirs">
          {t('sync.conflicts.keepTheirs')}
        </Button>
        <Button
          variant="default"
          onClick={() => choose('both')}
          disabled={busy}
          title={t('sync.conflicts.keepBothTitle')}
          data-testid="conflict-keep-both"
        >
          {t('sync.conflicts.keepBoth')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The contact's name, meeting's or task's title, as a link that opens it. */
function RecordName({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const name = (c.entity === 'contact' ? c.contactName || c.title : c.title) || t(untitledKey(c.entity));
  const href = recordHref(c.entity, c.itemId || c.contactId);
  // Contacts keep their old test id.
  const testId = c.entity === 'contact' ? 'conflict-contact' : 'conflict-title';
  return href ? (
    <Anchor href={href} inherit data-testid={testId}>
      {name}
    </Anchor>
  ) : (
    <span data-testid={testId}>{name}</span>
  );
}

function ValueColumn(props: { title: string; conflict: Conflict; json: string; testId: string; accent?: string }) {
  const { title, conflict, json, testId, accent } = props;
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = isCalendarEntity(conflict.entity)
    ? readableCalendarValue(conflict.entity, conflict.field, json, t, fmt.lng)
    : readableValue(conflict.field, json);
  return (
    <Box
      p="xs"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderTop: `3px solid var(--mantine-color-${accent ?? 'gray'}-${accent ? 5 : 3})`,
        borderRadius: 'var(--mantine-radius-sm)',
        minWidth: 0,
      }}
      data-testid={testId}
    >
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      {v.kind === 'empty' ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('sync.conflicts.emptyValue')}
        </Text>
      ) : v.kind === 'text' ? (
        <Text size="sm" className="fb-pre">
          {v.text}
        </Text>
      ) : v.kind === 'date' ? (
        <Text size="sm">{fmt.contactDate(v.value)}</Text>
      ) : v.kind === 'rows' ? (
        <Stack gap={4}>
          {v.rows.map((r, i) => (
            <Box key={i} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.label && (
                  <Text span size="sm" c="dimmed">
                    {r.label}:{' '}
                  </Text>
                )}
                {r.text}
              </Text>
              {r.note && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {r.note}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      ) : v.kind === 'lines' ? (
        <Stack gap={2}>
          {v.lines.map((l, i) => (
            <Text key={i} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {l.label ? `${labelText(t, l.label)}: ${l.text}` : l.text}
            </Text>
          ))}
        </Stack>
      ) : (
        <Stack gap={6}>
          {v.items.map((a, i) => (
            <Box key={i}>
              {a.label && (
                <Text size="xs" fw={600}>
                  {labelText(t, a.label)}
                </Text>
              )}
              {a.lines.map((l, j) => (
                <Text key={j} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {l}
                </Text>
              ))}
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}
