import { useMemo, useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCompanyDeals, useHomeCurrency, useMe, usePipelines, type Company, type Deal } from '../api';
import { DealEditor } from '../deals/DealEditor';
import { formatDay } from '../deals/format';
import { useDeleteDealWithUndo } from '../deals/useDeleteDealWithUndo';
import { hashForRecord } from '../shell/hashParams';

const STATUS_COLORS = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** The company page's "Deals" section: its deals (open first) and a button for a new one. */
export function CompanyDealsSection({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const deals = useCompanyDeals(company.id);
  const pipelines = usePipelines();
  const home = useHomeCurrency();
  const me = useMe();
  const remove = useDeleteDealWithUndo();
  const [editing, setEditing] = useState<Deal | null | undefined>(undefined);
  const defaults = useMemo(
    () => ({ pipeline: pipelines.data?.[0], currency: home.data ?? '', ownerId: me.data?.id ?? '', companyId: company.id, companyName: company.name }),
    [pipelines.data, home.data, me.data?.id, company.id, company.name],
  );
  const items = [...(deals.data ?? [])].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));

  return (
    <Box data-testid="company-deals">
      <Group gap={6} mb="xs" justify="space-between">
        <Group gap={6}>
          <IconTargetArrow size={16} />
          <Text fw={600} size="sm">
            {t('deals.company.title')}
          </Text>
        </Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setEditing(null)} data-testid="company-deal-new">
          {t('deals.company.new')}
        </Button>
      </Group>
      {deals.data && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="company-deals-empty">
          {t('deals.company.none')}
        </Text>
      )}
      <Stack gap={2}>
        {items.map((d) => (
          <Group key={d.id} gap="xs" wrap="nowrap" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="company-deal" data-deal-id={d.id}>
            <Anchor size="sm" href={hashForRecord('deals', d.id)} style={{ overflowWrap: 'anywhere', flex: 1 }} data-testid="company-deal-title">
              {d.title || t('deals.untitled')}
            </Anchor>
            <Badge size="sm" variant="light" color={STATUS_COLORS[d.status]}>
              {d.status === 'open' ? d.stageName : t(`deals.status.${d.status}`)}
            </Badge>
            {d.expectedClose && d.status === 'open' && (
              <Text size="xs" c="dimmed">
                {formatDay(d.expectedClose, i18n.language)}
              </Text>
            )}
            <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="company-deal-amount">
              {d.amount.text}
            </Text>
          </Group>
        ))}
      </Stack>
      <DealEditor
        deal={editing}
        defaults={defaults}
        onClose={() => setEditing(undefined)}
        onChanged={setEditing}
        onDelete={(d) =>
          void remove(d).then((ok) => {
            if (ok) setEditing(undefined);
          })
        }
      />
    </Box>
  );
}
