import { Group, Text } from '@mantine/core';
import { IconCircleFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStatus } from '../api';
import { useFormat } from '../lib/format';
import { errorText } from '../lib/notify';

function Sep() {
  return (
    <Text span c="gray.4" aria-hidden>
      |
    </Text>
  );
}

export function StatusBar() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useStatus();
  const s = status.data;

  return (
    <Group
      data-testid="status-bar"
      role="status"
      aria-label={t('status.label')}
      h="100%"
      px="md"
      gap="sm"
      wrap="nowrap"
      justify="space-between"
      style={{ fontSize: 'var(--mantine-font-size-xs)' }}
    >
      <Group gap="sm" wrap="nowrap">
        {status.isError && !s ? (
          <Text size="xs" c="red.7" data-testid="status-error">
            <IconCircleFilled size={8} style={{ marginInlineEnd: 6 }} aria-hidden />
            {errorText(status.error, t)}
          </Text>
        ) : (
          <>
            <Text size="xs" data-testid="status-contacts">
              {s ? t('status.contacts', { count: s.contacts, formatted: fmt.number(s.contacts) }) : t('status.loading')}
            </Text>
            <Sep />
            <Text size="xs" data-testid="status-pending">
              {s
                ? s.pendingChanges > 0
                  ? t('status.pending', { count: s.pendingChanges, formatted: fmt.number(s.pendingChanges) })
                  : t('status.noPending')
                : t('status.loading')}
            </Text>
          </>
        )}
        <Sep />
        <Text size="xs" c="dimmed" data-testid="status-sync">
          {t('status.syncNotSetUp')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" data-testid="status-version">
        {s?.version ? t('status.version', { version: s.version }) : t('app.name')}
      </Text>
    </Group>
  );
}
