import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Kbd,
  List,
  Paper,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toApiError, useConflicts, useSyncNow, useSyncProgress, useSyncStatus, type SyncStatus } from '../api';
import { useFormat, useNow } from '../lib/format';
import { errorText } from '../lib/notify';
import { AccountsPanel } from './AccountsPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { OutboxPanel } from './OutboxPanel';
import { SyncSettingsPanel } from './SyncSettingsPanel';
import { hashForSyncTab, SYNC_TABS, syncTabFromHash, type SyncTab } from './tabs';

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const conflicts = useConflicts();
  const [tab, setTab] = useState<SyncTab>(() => syncTabFromHash(window.location.hash));

  useEffect(() => {
    const onHash = () => {
      if (/^#\/?sync\//.test(window.location.hash)) setTab(syncTabFromHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const selectTab = (v: string | null) => {
    if (!v || !(SYNC_TABS as readonly string[]).includes(v)) return;
    setTab(v as SyncTab);
    // Keep the tab in the address without a history entry per click.
    window.history.replaceState(null, '', hashForSyncTab(v as SyncTab));
  };

  const conflictCount = conflicts.data?.length ?? status.data?.conflicts ?? 0;
  const unavailable = status.isError && toApiError(status.error).code === 'backend_unavailable';

  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="lg" maw={1100} data-testid="sync-page">
        {status.isError && !status.data ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={unavailable ? t('contacts.unavailableTitle') : t('errors.title')}
            data-testid="sync-status-error"
          >
            <Text size="sm">{unavailable ? t('sync.unavailableBody') : errorText(status.error, t)}</Text>
            <Button mt="sm" variant="outline" color="red" onClick={() => void status.refetch()}>
              {t('contacts.retry')}
            </Button>
          </Alert>
        ) : (
          <SyncOverview status={status.data} />
        )}

        <Tabs value={tab} onChange={selectTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="accounts" data-testid="sync-tab-accounts">
              {t('sync.tabs.accounts')}
            </Tabs.Tab>
            <Tabs.Tab
              value="conflicts"
              data-testid="sync-tab-conflicts"
              rightSection={
                conflictCount > 0 ? (
                  <Badge size="sm" color="orange" variant="filled" circle={conflictCount < 10} data-testid="conflict-count">
                    {conflictCount}
                  </Badge>
                ) : undefined
              }
            >
              {t('sync.tabs.conflicts')}
            </Tabs.Tab>
            <Tabs.Tab
              value="outbox"
              data-testid="sync-tab-outbox"
              rightSection={
                status.data && status.data.pending > 0 ? (
                  <Badge size="sm" color="gray" variant="light" data-testid="outbox-count">
                    {status.data.pending}
                  </Badge>
                ) : undefined
              }
            >
              {t('sync.tabs.outbox')}
            </Tabs.Tab>
            <Tabs.Tab value="settings" data-testid="sync-tab-settings">
              {t('sync.tabs.settings')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="accounts" pt="md">
            <AccountsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts" pt="md">
            <ConflictsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="outbox" pt="md">
            <OutboxPanel />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <SyncSettingsPanel />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}

/** Title, "Sync now", the running sync's progress and what the last sync did. */
function SyncOverview({ status: s }: { status: SyncStatus | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const syncNow = useSyncNow();
  const progress = useSyncProgress(s);
  const running = s?.running ?? false;
  const noAccounts = s !== undefined && s.accounts === 0;

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box>
            <Title order={2} size="h3">
              {t('areas.sync.name')}
            </Title>
            <Group gap="xs" mt={4}>
              {s && s.accounts > 0 && (
                <Badge
                  variant="light"
                  color={s.online ? 'teal' : 'red'}
                  leftSection={s.online ? undefined : <IconPlugConnectedX size={12} />}
                  data-testid="sync-online"
                  data-online={s.online}
                >
                  {s.online ? t('sync.online') : t('sync.offline')}
                </Badge>
              )}
              <Text size="sm" c="dimmed" data-testid="sync-last-at" title={s?.lastSyncAt ? fmt.dateTime(s.lastSyncAt) : undefined}>
                {!s
                  ? t('status.loading')
                  : noAccounts
                    ? t('sync.noAccountsYet')
                    : s.lastSyncAt
                      ? t('sync.lastSync', { when: fmt.relative(s.lastSyncAt, now) })
                      : t('sync.neverSynced')}
              </Text>
              {s?.nextSyncAt && !running && (
                <Text size="sm" c="dimmed" title={fmt.dateTime(s.nextSyncAt)}>
                  · {t('sync.nextSync', { when: fmt.relative(s.nextSyncAt, now) })}
                </Text>
              )}
            </Group>
          </Box>
          <Stack gap={4} align="flex-end">
            <Button
              size="sm"
              leftSection={<IconRefresh size={16} />}
              loading={running || syncNow.isPending}
              disabled={!s || noAccounts || running || syncNow.isPending}
              onClick={() => syncNow.mutate()}
              title={t('sync.syncNowTitle')}
              data-testid="sync-now"
            >
              {running ? t('sync.syncing') : t('sync.syncNow')}
            </Button>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">{t('shortcuts.keys.ctrl')}</Kbd> + <Kbd size="xs">⇧</Kbd> + <Kbd size="xs">S</Kbd>
            </Text>
          </Stack>
        </Group>

        {syncNow.isError && (
          <Alert color={toApiError(syncNow.error).code === 'sync_running' ? 'yellow' : 'red'} variant="light" data-testid="sync-now-error">
            {errorText(syncNow.error, t)}
          </Alert>
        )}

        {running && <SyncProgressBar progress={progress} />}

        {!running && s?.last && <LastSummary status={s} />}
        {!running && !s?.last && s?.lastError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="sync-errors">
            <Text size="sm" className="fb-pre">
              {s.lastError}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SyncProgressBar({ progress: p }: { progress: ReturnType<typeof useSyncProgress> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const indeterminate = !p || p.total <= 0;
  const pct = indeterminate ? 100 : Math.min(100, Math.round((p.done / p.total) * 100));
  const phase = p?.phase === 'push' ? t('sync.phase.push') : p?.phase === 'pull' ? t('sync.phase.pull') : t('sync.phase.starting');
  return (
    <Box data-testid="sync-progress" data-indeterminate={indeterminate} data-phase={p?.phase ?? ''}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {phase}
          {p?.addressBook ? ` — ${p.addressBook}` : ''}
        </Text>
        <Text size="sm" c="dimmed" data-testid="sync-progress-count">
          {p && p.total > 0
            ? t('sync.progressCount', { done: fmt.number(p.done), total: fmt.number(p.total) })
            : p && p.done > 0
              ? fmt.number(p.done)
              : ''}
        </Text>
      </Group>
      <Progress
        value={pct}
        animated={indeterminate}
        striped={indeterminate}
        size="md"
        aria-label={t('sync.progressLabel')}
      />
    </Box>
  );
}

function LastSummary({ status: s }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const last = s.last!;
  const items: [string, number, string?][] = [
    ['fetched', last.fetched],
    ['applied', last.applied],
    ['pushed', last.pushed],
    ['failed', last.failed, last.failed > 0 ? 'red' : undefined],
    ['conflicts', last.conflicts, last.conflicts > 0 ? 'orange' : undefined],
  ];
  return (
    <Box data-testid="sync-summary">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
        {t('sync.summary.title')}
      </Text>
      <SimpleGrid cols={5} spacing="xs">
        {items.map(([key, value, color]) => (
          <Paper key={key} withBorder radius="sm" px="sm" py={6} data-testid={`summary-${key}`}>
            <Text size="lg" fw={700} c={color} lh={1.2}>
              {fmt.number(value)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`sync.summary.${key}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {last.errors.length > 0 && (
        <Alert mt="sm" color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={t('sync.summary.errors')} data-testid="sync-errors">
          <List size="sm" spacing={2}>
            {last.errors.map((e, i) => (
              <List.Item key={i}>
                <span className="fb-pre">{e}</span>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
