import { useEffect, useState } from 'react';
import { Box, Button, Center, Group, Loader, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCampaign, useCampaignEvents, useCampaigns, useDeleteCampaign, useRestoreCampaign, useSaveCampaign } from '../api/campaignHooks';
import type { Campaign, CampaignInput } from '../api/campaignTypes';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { clearHashParams, useHashParam } from '../shell/hashParams';
import { CampaignDetail } from './CampaignDetail';
import { CampaignEditor } from './CampaignEditor';
import { formatBasisPoints, roiTone } from './campaignModel';

type Pane = { kind: 'view' } | { kind: 'create' } | { kind: 'edit' };

const UNDO_MS = 8000;

/** Campaigns: the list with ROI and response rate, and the selected campaign's page or editor. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  useCampaignEvents();
  const list = useCampaigns();
  const [selected, setSelected] = useState<string>('');
  const [pane, setPane] = useState<Pane>({ kind: 'view' });
  const detail = useCampaign(selected);
  const save = useSaveCampaign();
  const del = useDeleteCampaign();
  const restore = useRestoreCampaign();

  // "#/campaigns?id=…" opens that campaign.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked) return;
    setSelected(linked);
    setPane({ kind: 'view' });
    clearHashParams();
  }, [linked]);

  // N (outside inputs) or Ctrl+N: new campaign.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.shiftKey) return;
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
      const ctrl = e.ctrlKey || e.metaKey;
      if (e.key.toLowerCase() === 'n' && (ctrl || !typing)) {
        e.preventDefault();
        setPane({ kind: 'create' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onSave = async (input: CampaignInput) => {
    const c =
      pane.kind === 'edit' && detail.data
        ? await save.mutateAsync({ id: detail.data.id, version: detail.data.version, input })
        : await save.mutateAsync({ input });
    setSelected(c.id);
    setPane({ kind: 'view' });
    notifySuccess(t('campaigns.saved'));
  };

  const remove = async (c: Campaign) => {
    try {
      await del.mutateAsync(c.id);
    } catch (e) {
      notifyError(e, t);
      return;
    }
    setSelected('');
    const id = `campaign-deleted-${c.id}-${Date.now()}`;
    notifications.show({
      id,
      autoClose: UNDO_MS,
      'data-testid': 'campaign-deleted-notification',
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('campaigns.deleted', { name: c.name })}</Text>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              notifications.hide(id);
              restore.mutateAsync(c.id).then(
                (r) => setSelected(r.id),
                (e) => notifyError(e, t),
              );
            }}
            data-testid="campaign-undo"
          >
            {t('campaigns.undo')}
          </Button>
        </Group>
      ),
    });
  };

  let right: React.ReactNode;
  if (pane.kind === 'create') {
    right = <CampaignEditor key="new" saving={save.isPending} onSave={onSave} onCancel={() => setPane({ kind: 'view' })} />;
  } else if (pane.kind === 'edit' && detail.data) {
    right = <CampaignEditor key={detail.data.id} campaign={detail.data} saving={save.isPending} onSave={onSave} onCancel={() => setPane({ kind: 'view' })} />;
  } else if (selected && detail.isPending) {
    right = (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  } else if (detail.data) {
    right = <CampaignDetail campaign={detail.data} onEdit={() => setPane({ kind: 'edit' })} onDelete={() => void remove(detail.data)} />;
  } else {
    right = (
      <Center h="100%" p="xl" data-testid="campaign-none-selected">
        <Stack align="center" gap="xs">
          <IconSpeakerphone size={36} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" size="sm" ta="center" maw={360}>
            {t('campaigns.selectPrompt')}
          </Text>
        </Stack>
      </Center>
    );
  }

  const items = list.data ?? [];
  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="campaigns-page">
      <Box style={{ width: 340, display: 'flex', flexDirection: 'column', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" c="dimmed" data-testid="campaign-count">
            {t('campaigns.count', { count: items.length, formatted: fmt.number(items.length) })}
          </Text>
          <Button leftSection={<IconPlus size={14} />} onClick={() => setPane({ kind: 'create' })} title={t('campaigns.newHint')} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        </Group>
        <ScrollArea style={{ flex: 1 }}>
          {list.isError && (
            <Text size="sm" c="red" p="md">
              {t('campaigns.loadFailed')}
            </Text>
          )}
          {list.data && items.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {t('campaigns.empty')}
            </Text>
          )}
          <div role="listbox" aria-label={t('campaigns.listLabel')} data-testid="campaign-list">
            {items.map((c) => {
              const active = c.id === selected;
              const tone = roiTone(c.stats.roi);
              return (
                <UnstyledButton
                  key={c.id}
                  role="option"
                  aria-selected={active}
                  onClick={() => {
                    setSelected(c.id);
                    setPane({ kind: 'view' });
                  }}
                  data-testid="campaign-row"
                  data-name={c.name}
                  style={{
                    display: 'block',
                    width: '100%',
                    padding: '8px 12px',
                    background: active ? 'var(--mantine-color-blue-light)' : undefined,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Box style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {[t(`campaigns.channel.${c.channel}`, { defaultValue: c.channel }), c.startsOn].filter(Boolean).join(' · ')}
                      </Text>
                    </Box>
                    <Box style={{ flex: 'none', textAlign: 'right' }}>
                      <Text
                        size="sm"
                        fw={600}
                        c={tone === 'gain' ? 'teal' : tone === 'loss' ? 'red' : 'dimmed'}
                        data-testid="campaign-row-roi"
                        title={t('campaigns.stats.roi')}
                      >
                        {formatBasisPoints(c.stats.roi, fmt.lng)}
                      </Text>
                      <Text size="xs" c="dimmed" data-testid="campaign-row-rate" title={t('campaigns.stats.responseRate')}>
                        {t('campaigns.rowRate', { rate: formatBasisPoints(c.stats.responseRate, fmt.lng) })}
                      </Text>
                    </Box>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        </ScrollArea>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>{right}</Box>
    </Box>
  );
}
