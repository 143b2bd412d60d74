import { useEffect, useState } from 'react';
import { Button, Group, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSavedFilters } from '../api/campaignHooks';
import { CAMPAIGN_CHANNELS, type Campaign, type CampaignInput } from '../api/campaignTypes';
import { toApiError } from '../api/errors';
import { useCurrencies, useHomeCurrency, useMe, useOwners } from '../api/selling';
import { errorText } from '../lib/notify';
import { campaignForm, validateCampaign } from './campaignModel';
import { FilterBuilder } from './FilterBuilder';

interface Props {
  campaign?: Campaign;
  saving: boolean;
  onSave: (input: CampaignInput) => Promise<void>;
  onCancel: () => void;
}

/** The campaign editor: name, channel, cost with its currency, dates, saved filter, owner, notes. */
export function CampaignEditor({ campaign, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const home = useHomeCurrency();
  const me = useMe();
  const owners = useOwners();
  const currencies = useCurrencies();
  const filters = useSavedFilters();
  const [form, setForm] = useState<CampaignInput>(() => campaignForm(campaign, home.data ?? '', me.data?.id ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [builder, setBuilder] = useState(false);

  // A new campaign starts in the home currency, owned by the user, once those are known.
  useEffect(() => {
    if (campaign) return;
    setForm((f) => ({ ...f, currency: f.currency || home.data || '', ownerId: f.ownerId || me.data?.id || '' }));
  }, [campaign, home.data, me.data?.id]);

  const set = <K extends keyof CampaignInput>(k: K, v: CampaignInput[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      if (!(k in e)) return e;
      const next = { ...e };
      delete next[k];
      return next;
    });
  };

  const submit = async () => {
    const local = validateCampaign(form);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, v]) => [k, t(v)])));
      return;
    }
    try {
      await onSave(form);
    } catch (e) {
      const err = toApiError(e);
      setErrors({ [err.field === 'amount' ? 'cost' : (err.field ?? 'form')]: errorText(err, t) });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !builder) onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [builder, onCancel]);

  const currencyOptions = (currencies.data ?? []).map((c) => c.code);
  return (
    <ScrollArea h="100%">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="campaign-editor"
      >
        <Stack p="md" gap="sm" maw={640}>
          <Group justify="space-between">
            <Title order={3}>{campaign ? t('campaigns.editTitle') : t('campaigns.newTitle')}</Title>
            <Group gap="xs">
              <Button variant="default" onClick={onCancel}>
                {t('campaigns.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="campaign-save">
                {t('campaigns.save')}
              </Button>
            </Group>
          </Group>
          <TextInput
            label={t('campaigns.field.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            autoFocus
            data-testid="campaign-name"
          />
          <Select
            label={t('campaigns.field.channel')}
            data={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channel.${c}`) }))}
            value={form.channel}
            onChange={(v) => set('channel', v ?? 'other')}
            allowDeselect={false}
            error={errors.channel}
            data-testid="campaign-channel"
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('campaigns.field.cost')}
              value={form.cost}
              inputMode="decimal"
              placeholder="0"
              onChange={(e) => set('cost', e.currentTarget.value)}
              error={errors.cost}
              data-testid="campaign-cost"
            />
            <Select
              label={t('campaigns.field.currency')}
              data={currencyOptions.length ? currencyOptions : form.currency ? [form.currency] : []}
              value={form.currency || null}
              onChange={(v) => set('currency', v ?? '')}
              searchable
              allowDeselect={false}
              error={errors.currency}
              data-testid="campaign-currency"
            />
            <TextInput
              type="date"
              label={t('campaigns.field.startsOn')}
              value={form.startsOn}
              onChange={(e) => set('startsOn', e.currentTarget.value)}
              error={errors.startsOn}
              data-testid="campaign-starts"
            />
            <TextInput
              type="date"
              label={t('campaigns.field.endsOn')}
              value={form.endsOn}
              onChange={(e) => set('endsOn', e.currentTarget.value)}
              error={errors.endsOn}
              data-testid="campaign-ends"
            />
          </SimpleGrid>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Select
              style={{ flex: 1 }}
              label={t('campaigns.field.filter')}
              description={t('campaigns.field.filterHint')}
              placeholder={t('campaigns.field.noFilter')}
              data={(filters.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
              value={form.filterId || null}
              onChange={(v) => set('filterId', v ?? '')}
              clearable
              searchable
              error={errors.filterId}
              data-testid="campaign-filter"
            />
            <Button variant="light" leftSection={<IconFilterPlus size={14} />} onClick={() => setBuilder(true)} data-testid="campaign-new-filter">
              {t('campaigns.field.newFilter')}
            </Button>
          </Group>
          <Select
            label={t('campaigns.field.owner')}
            data={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={form.ownerId || null}
            onChange={(v) => set('ownerId', v ?? '')}
            clearable
            data-testid="campaign-owner"
          />
          <Textarea
            label={t('campaigns.field.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={3}
            data-testid="campaign-notes"
          />
          {errors.form && (
            <Text size="sm" c="red" role="alert">
              {errors.form}
            </Text>
          )}
        </Stack>
      </form>
      {builder && (
        <FilterBuilder
          opened
          onClose={() => setBuilder(false)}
          onSaved={(f) => {
            set('filterId', f.id);
            setBuilder(false);
          }}
        />
      )}
    </ScrollArea>
  );
}
