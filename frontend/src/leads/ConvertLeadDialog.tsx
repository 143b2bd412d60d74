import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { toApiError, useCompanies } from '../api';
import { useConversionPipelines } from '../api/leadHooks';
import type { ConvertLeadRequest, Lead } from '../api/leadTypes';
import { useCurrencies, useHomeCurrency } from '../api/selling';
import { errorText } from '../lib/notify';
import { leadName } from './leadModel';

type CompanyChoice = 'new' | 'existing' | 'none';

interface Props {
  lead: Lead;
  opened: boolean;
  converting: boolean;
  onClose: () => void;
  onConvert: (req: ConvertLeadRequest) => Promise<void>;
}

/** One step: the contact, its company (new, existing or none) and an optional deal. */
export function ConvertLeadDialog({ lead, opened, converting, onClose, onConvert }: Props) {
  const { t } = useTranslation();
  const home = useHomeCurrency();
  const currencies = useCurrencies();
  const [company, setCompany] = useState<CompanyChoice>(lead.companyName ? 'new' : 'none');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const companies = useCompanies(debounced.trim(), 50);
  const [withDeal, setWithDeal] = useState(true);
  const [dealTitle, setDealTitle] = useState(lead.companyName || lead.name);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const pipelines = useConversionPipelines(opened);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [stageId, setStageId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!currency && home.data) setCurrency(home.data);
  }, [currency, home.data]);
  // The first pipeline and its first stage until the user picks others.
  const pipelineList = pipelines.data ?? [];
  const pipeline = pipelineList.find((p) => p.id === pipelineId) ?? pipelineList[0];
  useEffect(() => {
    if (pipeline && !pipeline.stages.some((s) => s.id === stageId)) setStageId(pipeline.stages[0]?.id ?? null);
  }, [pipeline, stageId]);

  const companyItems = (companies.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: c.id, label: c.name }));
  const name = leadName(lead, t);

  const submit = async () => {
    setError('');
    setFieldErrors({});
    const req: ConvertLeadRequest = {
      companyId: company === 'existing' ? (companyId ?? '') : '',
      createCompany: company === 'new',
      createDeal: withDeal,
      dealTitle: withDeal ? dealTitle.trim() : '',
      pipelineId: withDeal ? (pipeline?.id ?? '') : '',
      stageId: withDeal ? (stageId ?? '') : '',
      amount: withDeal ? amount.trim() : '',
      currency: withDeal && amount.trim() ? (currency ?? '') : '',
      ownerId: lead.ownerId,
    };
    try {
      await onConvert(req);
    } catch (e) {
      const err = toApiError(e);
      if (err.field === 'amount' || err.field === 'currency') setFieldErrors({ [err.field]: errorText(err, t) });
      else setError(errorText(err, t));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convertDialog.title', { name })} size="lg" data-testid="lead-convert-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('leads.convertDialog.intro')}
          </Text>
          <div>
            <Text fw={600} size="sm">
              {t('leads.convertDialog.contact')}
            </Text>
            <Text size="sm">{t('leads.convertDialog.contactWillBe', { name })}</Text>
          </div>
          <Radio.Group
            label={t('leads.convertDialog.company')}
            value={company}
            onChange={(v) => setCompany(v as CompanyChoice)}
            data-testid="lead-convert-company"
          >
            <Stack gap={6} mt={6}>
              {lead.companyName && (
                <Radio value="new" label={t('leads.convertDialog.companyNew', { name: lead.companyName })} data-testid="lead-convert-company-new" />
              )}
              <Radio value="existing" label={t('leads.convertDialog.companyExisting')} data-testid="lead-convert-company-existing" />
              <Radio value="none" label={t('leads.convertDialog.companyNone')} data-testid="lead-convert-company-none" />
            </Stack>
          </Radio.Group>
          {company === 'existing' && (
            <Select
              label={t('leads.convertDialog.companyPick')}
              placeholder={t('leads.convertDialog.companyPickPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={companyItems}
              value={companyId}
              onChange={setCompanyId}
              filter={({ options }) => options}
              nothingFoundMessage="—"
              data-testid="lead-convert-company-pick"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Checkbox
            label={t('leads.convertDialog.deal')}
            checked={withDeal}
            onChange={(e) => setWithDeal(e.currentTarget.checked)}
            data-testid="lead-convert-deal"
          />
          {withDeal && (
            <Stack gap="sm" pl="lg">
              <TextInput
                label={t('leads.convertDialog.dealTitle')}
                value={dealTitle}
                onChange={(e) => setDealTitle(e.currentTarget.value)}
                data-testid="lead-convert-deal-title"
              />
              <SimpleGrid cols={2} spacing="sm">
                <TextInput
                  label={t('leads.convertDialog.amount')}
                  value={amount}
                  onChange={(e) => setAmount(e.currentTarget.value)}
                  inputMode="decimal"
                  error={fieldErrors.amount}
                  data-testid="lead-convert-amount"
                />
                <Select
                  label={t('leads.convertDialog.currency')}
                  data={(currencies.data ?? []).map((c) => c.code)}
                  value={currency}
                  onChange={setCurrency}
                  searchable
                  allowDeselect={false}
                  error={fieldErrors.currency}
                  data-testid="lead-convert-currency"
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
              {pipelineList.length > 0 ? (
                <SimpleGrid cols={2} spacing="sm">
                  <Select
                    label={t('leads.convertDialog.pipeline')}
                    data={pipelineList.map((p) => ({ value: p.id, label: p.name }))}
                    value={pipeline?.id ?? null}
                    onChange={(v) => setPipelineId(v)}
                    allowDeselect={false}
                    data-testid="lead-convert-pipeline"
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Select
                    label={t('leads.convertDialog.stage')}
                    data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.probability}%)` }))}
                    value={stageId}
                    onChange={setStageId}
                    allowDeselect={false}
                    data-testid="lead-convert-stage"
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('leads.convertDialog.stage')}: {t('leads.convertDialog.defaultStage')}
                </Text>
              )}
            </Stack>
          )}
          {error && (
            <Alert color="red" data-testid="lead-convert-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('leads.cancel')}
            </Button>
            <Button type="submit" loading={converting} disabled={company === 'existing' && !companyId} data-testid="lead-convert-submit">
              {t('leads.convertDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
