import { Anchor, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleFilled, IconCloudCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStatus, useSyncStatus, type SyncStatus } from '../api';
import { useFormat, useNow } from '../lib/format';
import { errorText } from '../lib/notify';
import { hashForSyncTab } from '../sync/tabs';

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
        <SyncIndicator />
      </Group>
      <Text size="xs" c="dimmed" data-testid="status-version">
        {s?.version ? t('status.version', { version: s.version }) : t('app.name')}
      </Text>
    </Group>
  );
}

type SyncState = 'unknown' | 'not-set-up' | 'syncing' | 'offline' | 'error' | 'online';

function syncState(s: SyncStatus | undefined): SyncState {
  if (!s) return 'unknown';
  if (s.accounts === 0) return 'not-set-up';
  if (s.running) return 'syncing';
  if (!s.online) return 'offline';
  if (s.lastError) return 'error';
  return 'online';
}

/** Offline/online, "Syncing…", the last sync's relative time and the conflicts waiting. */
function SyncIndicator() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const sync = useSyncStatus();
  const s = sync.data;
  const state = syncState(s);
  const when = s?.lastSyncAt ? fmt.relative(s.lastSyncAt, now) : '';

  let icon: React.ReactNode = null;
  let text: string;
  let color: string | undefined = 'dimmed';
  switch (state) {
    case 'unknown':
      text = sync.isError ? t('status.syncNotSetUp') : t('status.loading');
      break;
    case 'not-set-up':
      text = t('status.syncNotSetUp');
      break;
    case 'syncing':
      icon = <Loader size={10} type="oval" />;
      text = t('status.syncing');
      color = 'blue.7';
      break;
    case 'offline':
      icon = <IconCloudOff size={13} aria-hidden />;
      text = when ? t('status.offlineSince', { when }) : t('status.offline');
      color = 'orange.8';
      break;
    case 'error':
      icon = <IconAlertTriangle size={13} aria-hidden />;
      text = when ? t('status.syncFailedWhen', { when }) : t('status.syncFailed');
      color = 'red.7';
      break;
    default:
      icon = <IconCloudCheck size={13} aria-hidden />;
      text = when ? t('status.syncedWhen', { when }) : t('status.online');
  }

  return (
    <>
      <Group
        gap={5}
        wrap="nowrap"
        data-testid="status-sync"
        data-state={state}
        title={s?.lastError || (s?.lastSyncAt ? fmt.dateTime(s.lastSyncAt) : undefined)}
      >
        {icon}
        <Text size="xs" c={color} style={{ whiteSpace: 'nowrap' }}>
          {text}
        </Text>
      </Group>
      {s && s.conflicts > 0 && (
        <>
          <Sep />
          <Anchor
            href={hashForSyncTab('conflicts')}
            size="xs"
            c="orange.8"
            fw={600}
            data-testid="status-conflicts"
            style={{ whiteSpace: 'nowrap' }}
          >
            {t('status.conflicts', { count: s.conflicts, formatted: fmt.number(s.conflicts) })}
          </Anchor>
        </>
      )}
    </>
  );
}
