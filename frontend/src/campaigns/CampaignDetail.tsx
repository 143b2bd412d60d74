import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconEdit, IconLink, IconTarget, IconTrash, IconUnlink } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import {
  useAttributeDeal,
  useCampaignContactPages,
  useCampaignDeals,
  useFindDeals,
  useRecordResponse,
  useSavedFilters,
  useTargetCampaign,
} from '../api/campaignHooks';
import type { Campaign, CampaignContact } from '../api/campaignTypes';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { formatBasisPoints, roiTone } from './campaignModel';

const ROW_HEIGHT = 44;
const PAGE = 200;

interface Props {
  campaign: Campaign;
  onEdit: () => void;
  onDelete: () => void;
}

function StatCard({ label, value, testId, color, hint }: { label: string; value: string; testId: string; color?: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** A campaign's page: results, its targeted contacts (responses) and the deals attributed to it. */
export function CampaignDetail({ campaign, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const st = campaign.stats;
  const filters = useSavedFilters();
  const filterName = filters.data?.find((f) => f.id === campaign.filterId)?.name;
  const target = useTargetCampaign();
  const tone = roiTone(st.roi);

  const runTarget = async () => {
    try {
      const added = await target.mutateAsync(campaign.id);
      notifySuccess(t('campaigns.targeted', { count: added, formatted: fmt.number(added) }));
    } catch (e) {
      notifyError(e, t);
    }
  };

  const dates = [campaign.startsOn, campaign.endsOn].filter(Boolean).join(' – ');
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" data-testid="campaign-detail">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box style={{ minWidth: 0 }}>
            <Title order={3} data-testid="campaign-title">
              {campaign.name}
            </Title>
            <Group gap="xs">
              <Badge variant="light">{t(`campaigns.channel.${campaign.channel}`, { defaultValue: campaign.channel })}</Badge>
              {dates && (
                <Text size="sm" c="dimmed">
                  {dates}
                </Text>
              )}
            </Group>
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconEdit size={14} />} onClick={onEdit} data-testid="campaign-edit">
              {t('campaigns.edit')}
            </Button>
            <Tooltip label={t('campaigns.delete')}>
              <ActionIcon variant="subtle" color="red" size="lg" onClick={onDelete} aria-label={t('campaigns.delete')} data-testid="campaign-delete">
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="campaign-stats">
          <StatCard label={t('campaigns.stats.targeted')} value={fmt.number(st.targeted)} testId="stat-targeted" />
          <StatCard
            label={t('campaigns.stats.responseRate')}
            value={formatBasisPoints(st.responseRate, fmt.lng)}
            hint={t('campaigns.stats.responded', { count: st.responded, formatted: fmt.number(st.responded) })}
            testId="stat-response-rate"
          />
          <StatCard
            label={t('campaigns.stats.deals')}
            value={fmt.number(st.deals)}
            hint={t('campaigns.stats.won', { count: st.won, formatted: fmt.number(st.won) })}
            testId="stat-deals"
          />
          <StatCard label={t('campaigns.stats.revenue')} value={st.revenue.text} testId="stat-revenue" />
          <StatCard
            label={t('campaigns.stats.cost')}
            value={st.cost ? st.cost.text : campaign.cost.text}
            hint={st.cost && st.cost.currency !== campaign.cost.currency ? campaign.cost.text : undefined}
            testId="stat-cost"
          />
          <StatCard
            label={t('campaigns.stats.roi')}
            value={formatBasisPoints(st.roi, fmt.lng)}
            color={tone === 'gain' ? 'teal' : tone === 'loss' ? 'red' : undefined}
            hint={
              st.roi === null
                ? st.missingRates.length > 0
                  ? t('campaigns.stats.missingRates', { currencies: st.missingRates.join(', ') })
                  : t('campaigns.stats.roiUndefined')
                : undefined
            }
            testId="stat-roi"
          />
        </SimpleGrid>

        <Paper withBorder p="sm" radius="md">
          <Group justify="space-between" mb="xs">
            <Box>
              <Title order={5}>{t('campaigns.contacts.title')}</Title>
              <Text size="xs" c="dimmed">
                {filterName ? t('campaigns.contacts.fromFilter', { name: filterName }) : t('campaigns.contacts.noFilter')}
              </Text>
            </Box>
            <Button
              leftSection={<IconTarget size={14} />}
              onClick={() => void runTarget()}
              loading={target.isPending}
              disabled={!campaign.filterId}
              data-testid="campaign-target"
            >
              {st.targeted > 0 ? t('campaigns.contacts.retarget') : t('campaigns.contacts.target')}
            </Button>
          </Group>
          <TargetedContacts campaignId={campaign.id} />
        </Paper>

        <Paper withBorder p="sm" radius="md">
          <Title order={5} mb="xs">
            {t('campaigns.deals.title')}
          </Title>
          <AttributedDeals campaignId={campaign.id} />
        </Paper>

        {campaign.notes && (
          <Paper withBorder p="sm" radius="md">
            <Title order={5} mb="xs">
              {t('campaigns.field.notes')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {campaign.notes}
            </Text>
          </Paper>
        )}
      </Stack>
    </ScrollArea>
  );
}

/** The targeted contacts, virtualised, each with its response toggle. */
function TargetedContacts({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pages = useCampaignContactPages(campaignId, PAGE);
  const respond = useRecordResponse();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const last = virtualizer.getVirtualItems().at(-1);
  useEffect(() => {
    if (last && last.index >= items.length - 10 && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  }, [last, items.length, pages]);

  const toggle = async (c: CampaignContact) => {
    try {
      await respond.mutateAsync({ campaignId, contactId: c.contactId, response: c.response, responded: c.respondedAt === '' });
    } catch (e) {
      notifyError(e, t);
    }
  };

  if (pages.data && total === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="campaign-contacts-empty">
        {t('campaigns.contacts.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" data-testid="campaign-contacts-count">
        {t('campaigns.contacts.count', { count: total, formatted: fmt.number(total) })}
      </Text>
      <div
        ref={scrollRef}
        role="list"
        aria-label={t('campaigns.contacts.title')}
        data-testid="campaign-contacts"
        style={{ height: Math.min(360, Math.max(ROW_HEIGHT, items.length * ROW_HEIGHT)), overflowY: 'auto', position: 'relative', contain: 'strict' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((vi) => {
            const c = items[vi.index];
            const responded = c.respondedAt !== '';
            return (
              <Group
                key={c.contactId}
                role="listitem"
                justify="space-between"
                wrap="nowrap"
                data-testid="campaign-contact-row"
                data-name={c.name}
                data-responded={responded}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${vi.start}px)`,
                  padding: '4px 8px',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
              >
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    <a href={`#/contacts?id=${encodeURIComponent(c.contactId)}`}>{c.name}</a>
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {responded ? t('campaigns.contacts.respondedAt', { when: fmt.dateTime(c.respondedAt) }) : c.email || '\u00a0'}
                  </Text>
                </Box>
                <Button
                  size="xs"
                  variant={responded ? 'light' : 'default'}
                  color={responded ? 'teal' : undefined}
                  leftSection={responded ? <IconCheck size={12} /> : undefined}
                  onClick={() => void toggle(c)}
                  aria-pressed={responded}
                  data-testid="campaign-contact-respond"
                >
                  {responded ? t('campaigns.contacts.responded') : t('campaigns.contacts.markResponded')}
                </Button>
              </Group>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}

/** The deals attributed to the campaign, and a picker to attribute another one. */
function AttributedDeals({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const deals = useCampaignDeals(campaignId);
  const attribute = useAttributeDeal();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useFindDeals(debounced.trim());
  const attached = new Set((deals.data ?? []).map((d) => d.id));
  const options = (found.data ?? []).filter((d) => !attached.has(d.id)).map((d) => ({ value: d.id, label: `${d.title} · ${d.amount}` }));

  const link = async (dealId: string, campaign: string) => {
    try {
      await attribute.mutateAsync({ dealId, campaignId: campaign });
      setSearch('');
    } catch (e) {
      notifyError(e, t);
    }
  };

  return (
    <Stack gap="xs">
      {(deals.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('campaigns.deals.empty')}
        </Text>
      )}
      {(deals.data ?? []).map((d) => (
        <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="campaign-deal-row" data-title={d.title}>
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              <a href={`#/deals?id=${encodeURIComponent(d.id)}`}>{d.title}</a>
            </Text>
            <Text size="xs" c="dimmed">
              {[t(`campaigns.dealStatus.${d.status}`, { defaultValue: d.status }), d.stageName].filter(Boolean).join(' · ')}
            </Text>
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500}>
              {d.amount.text}
            </Text>
            <Tooltip label={t('campaigns.deals.detach')}>
              <ActionIcon variant="subtle" onClick={() => void link(d.id, '')} aria-label={t('campaigns.deals.detach')}>
                <IconUnlink size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      ))}
      <Select
        leftSection={<IconLink size={14} />}
        placeholder={t('campaigns.deals.pick')}
        aria-label={t('campaigns.deals.pick')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        value={null}
        filter={({ options: o }) => o}
        nothingFoundMessage={t('campaigns.deals.noneFound')}
        onChange={(v) => v && void link(v, campaignId)}
        data-testid="campaign-deal-picker"
      />
    </Stack>
  );
}
