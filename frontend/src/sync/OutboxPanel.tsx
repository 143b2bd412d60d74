import { useState } from 'react';
import { Alert, Anchor, Badge, Center, Loader, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOutbox, type OutboxEntry } from '../api';
import { useFormat } from '../lib/format';
import { errorText } from '../lib/notify';
import { EntityKind } from './EntityKind';
import { recordHref, untitledKey } from './records';
import { fieldName } from './values';

const KNOWN_OPS = ['create', 'update', 'delete', 'restore'];

export function OutboxPanel() {
  const { t } = useTranslation();
  const outbox = useOutbox();

  if (outbox.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('sync.outbox.loading')} />
      </Center>
    );
  }
  if (outbox.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="outbox-error-state">
        {errorText(outbox.error, t)}
      </Alert>
    );
  }
  if (outbox.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" data-testid="outbox-empty">
        <Text size="sm" fw={500}>
          {t('sync.outbox.empty')}
        </Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t('sync.outbox.emptyHint')}
        </Text>
      </Paper>
    );
  }
  const failed = outbox.data.filter((e) => e.state === 'failed').length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" data-testid="outbox-summary">
        {t('sync.outbox.summary', { count: outbox.data.length, formatted: String(outbox.data.length) })}
        {failed > 0 ? ` · ${t('sync.outbox.failedCount', { count: failed, formatted: String(failed) })}` : ''}
      </Text>
      <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
        <Table verticalSpacing={6} fz="sm" striped highlightOnHover data-testid="outbox-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.outbox.record')}</Table.Th>
              <Table.Th>{t('sync.outbox.operation')}</Table.Th>
              <Table.Th>{t('sync.outbox.fields')}</Table.Th>
              <Table.Th>{t('sync.outbox.time')}</Table.Th>
              <Table.Th>{t('sync.outbox.state')}</Table.Th>
              <Table.Th ta="end">{t('sync.outbox.attempts')}</Table.Th>
              <Table.Th>{t('sync.outbox.lastError')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outbox.data.map((e) => (
              <OutboxRow key={e.seq} entry={e} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}

function OutboxRow({ entry: e }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [expanded, setExpanded] = useState(false);
  const failed = e.state === 'failed';
  return (
    <Table.Tr data-testid="outbox-row" data-state={e.state} data-seq={e.seq} data-entity={e.entity}>
      <Table.Td style={{ maxWidth: 220, overflowWrap: 'anywhere' }}>
        <Stack gap={2}>
          <EntityKind entity={e.entity || 'contact'} testId="outbox-kind" />
          <RecordTitle entry={e} />
        </Stack>
      </Table.Td>
      <Table.Td>{KNOWN_OPS.includes(e.op) ? t(`sync.outbox.ops.${e.op}`) : e.op}</Table.Td>
      <Table.Td style={{ maxWidth: 220 }}>
        {e.fields.length > 0 ? e.fields.map((f) => fieldName(t, f, e.entity)).join(', ') : <Text span c="dimmed" size="sm">{t('detail.none')}</Text>}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} title={e.createdAt}>
        {fmt.dateTime(e.createdAt)}
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={failed ? 'red' : 'gray'} data-testid="outbox-state">
          {failed ? t('sync.outbox.failed') : e.state === 'pending' ? t('sync.outbox.pending') : e.state}
        </Badge>
      </Table.Td>
      <Table.Td ta="end">{fmt.number(e.attempts)}</Table.Td>
      <Table.Td style={{ maxWidth: 360 }}>
        {e.lastError ? (
          <UnstyledButton
            onClick={() => setExpanded((x) => !x)}
            title={e.lastError}
            aria-expanded={expanded}
            aria-label={expanded ? t('sync.outbox.collapseError') : t('sync.outbox.expandError')}
            style={{ textAlign: 'start', width: '100%' }}
          >
            {/* The server's own words, in full: clamped to two lines until clicked, whole on hover. */}
            <Text
              size="sm"
              c="red.7"
              lineClamp={expanded ? undefined : 2}
              className="fb-pre"
              data-testid="outbox-error"
            >
              {e.lastError}
            </Text>
          </UnstyledButton>
        ) : (
          <Text span c="dimmed" size="sm">
            {t('detail.none')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The record's name or title; a link that opens it unless the change deletes it. */
function RecordTitle({ entry: e }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const entity = e.entity || 'contact';
  if (!e.title) {
    return (
      <Text span c="dimmed" size="sm" data-testid="outbox-title">
        {t(untitledKey(entity))}
      </Text>
    );
  }
  const href = e.op === 'delete' ? '' : recordHref(entity, e.entityId);
  return href ? (
    <Anchor href={href} size="sm" data-testid="outbox-title">
      {e.title}
    </Anchor>
  ) : (
    <Text span size="sm" data-testid="outbox-title">
      {e.title}
    </Text>
  );
}
