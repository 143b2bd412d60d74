import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAttributeDeal, useCampaigns, useDealCampaign } from '../api/campaignHooks';
import { notifyError } from '../lib/notify';

/**
 * The "Campaign" select of the deal editor: the campaign a saved deal is attributed to. A change
 * is saved at once (the attribution is the campaign's record, not an edit of the deal, so the
 * deal's version does not change). A deal not saved yet has no select.
 */
export function DealCampaignSelect({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const current = useDealCampaign(dealId);
  const attribute = useAttributeDeal();
  if (!dealId) return null;
  return (
    <Select
      label={t('campaigns.dealField.label')}
      placeholder={t('campaigns.dealField.none')}
      data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      value={current.data || null}
      onChange={(v) => attribute.mutateAsync({ dealId, campaignId: v ?? '' }).catch((e: unknown) => notifyError(e, t))}
      disabled={current.isPending || attribute.isPending}
      clearable
      clearButtonProps={{ 'aria-label': t('campaigns.dealField.clear') }}
      searchable
      data-testid="deal-campaign"
    />
  );
}
