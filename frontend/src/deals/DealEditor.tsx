import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, CloseButton, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { IconAlertTriangle, IconArrowBackUp, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useCloseDeal,
  useCreateDeal,
  useCurrencies,
  useDealHistory,
  useOwners,
  usePipelines,
  useUpdateDeal,
  type Deal,
  type Pipeline,
} from '../api';
import { EditorActions, EditorFrame, EditorHeader } from '../calendar/EditorFrame';
import { DATE_INPUT_FORMAT, datesLocale, parseTypedDate } from '../lib/dates';
import { errorText, notifyError, notifySuccess } from '../lib/notify';
import { LinkPicker } from '../tasks/LinkPicker';
import { daysBetween } from './boardModel';
import {
  dealFormFromDeal,
  emptyDealForm,
  errorField,
  inputFromDealForm,
  validateDealForm,
  type DealDefaults,
  type DealFormErrors,
  type DealFormValues,
} from './dealForm';
import { currencyName, formatDay } from './format';
import { LostReasonModal } from './LostReasonModal';
import { DealCampaignSelect } from '../campaigns/DealCampaignSelect';

interface DealEditorProps {
  /** The deal edited; null for a new one; undefined when closed. */
  deal: Deal | null | undefined;
  /** Defaults of a new deal (pipeline, home currency, me as owner, the company it is for). */
  defaults: DealDefaults;
  onClose: () => void;
  onDelete: (d: Deal) => void;
  /** Gets the deal after Won, Lost or Reopen (the editor then shows it). */
  onChanged: (d: Deal) => void;
}

/** The deal editor, in a modal like the meeting and task editors. */
export function DealEditor({ deal, defaults, onClose, onDelete, onChanged }: DealEditorProps) {
  return (
    <EditorFrame opened={deal !== undefined} onClose={onClose} size={720}>
      {deal !== undefined && (
        <DealForm key={deal ? `${deal.id}-${deal.version}` : 'new'} deal={deal} defaults={defaults} onClose={onClose} onDelete={onDelete} onChanged={onChanged} />
      )}
    </EditorFrame>
  );
}

const STATUS_COLORS = { open: 'blue', won: 'teal', lost: 'red' } as const;

function DealForm({ deal, defaults, onClose, onDelete, onChanged }: Omit<DealEditorProps, 'deal'> & { deal: Deal | null }) {
  const { t, i18n } = useTranslation();
  const pipelines = usePipelines();
  const owners = useOwners();
  const currencies = useCurrencies();
  const digitsOf = (code: string) => currencies.data?.find((c) => c.code === code)?.digits ?? 2;
  const [v, setV] = useState<DealFormValues>(() => (deal ? dealFormFromDeal(deal, digitsOf(deal.amount.currency)) : emptyDealForm(defaults)));
  const [errors, setErrors] = useState<DealFormErrors>({});
  const [serverError, setServerError] = useState<{ field: keyof DealFormErrors | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [losing, setLosing] = useState<Deal | null>(null);
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const close = useCloseDeal();
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  // A new deal opened before the pipelines or currencies arrived gets its defaults when they do.
  useEffect(() => {
    if (deal) return;
    setV((old) => ({
      ...old,
      pipelineId: old.pipelineId || defaults.pipeline?.id || '',
      stageId: old.stageId || defaults.pipeline?.stages[0]?.id || '',
      currency: old.currency || defaults.currency,
      ownerId: old.ownerId || defaults.ownerId,
    }));
  }, [deal, defaults.pipeline, defaults.currency, defaults.ownerId]);

  const set = (patch: Partial<DealFormValues>) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((old) => {
      const next = { ...old };
      for (const k of Object.keys(patch)) delete next[k as keyof DealFormErrors];
      return next;
    });
    // A backend error on a field goes once the field is changed.
    setServerError((old) => (old?.field && old.field in patch ? null : old));
  };
  const pipeline: Pipeline | undefined = pipelines.data?.find((p) => p.id === v.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === v.stageId);

  const save = async () => {
    const found = validateDealForm(v);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const input = inputFromDealForm(v);
      if (deal) await update.mutateAsync({ id: deal.id, version: deal.version, input });
      else await create.mutateAsync(input);
      notifySuccess(t('deals.saved'));
      onClose();
    } catch (e) {
      const field = errorField(e);
      setServerError({ field, text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const setStatus = async (to: 'won' | 'lost' | 'open', reason = '') => {
    if (!deal) return;
    try {
      const after = await close.mutateAsync({ deal, to, reason });
      onChanged(after);
      notifySuccess(t(`deals.closed.${to}`, { title: deal.title }));
    } catch (e) {
      notifyError(e, t);
    }
  };

  const fieldError = (f: keyof DealFormErrors) => (errors[f] ? t(errors[f] as string) : serverError?.field === f ? serverError.text : undefined);
  const ownerData = useMemo(
    () => (owners.data ?? []).map((o) => ({ value: o.id, label: o.isMe ? t('deals.owner.me', { name: o.name }) : o.name })),
    [owners.data, t],
  );
  const currencyData = useMemo(() => {
    const list = (currencies.data ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${currencyName(c.code, i18n.language)}` }));
    if (v.currency && !list.some((c) => c.value === v.currency)) list.unshift({ value: v.currency, label: v.currency });
    return list;
  }, [currencies.data, v.currency, i18n.language]);

  return (
    <DatesProvider settings={{ locale: datesLocale(i18n.language), firstDayOfWeek: 1 }}>
      <EditorHeader
        title={
          <Group gap="xs">
            {deal ? t('deals.editor.editTitle') : t('deals.editor.newTitle')}
            {deal && (
              <Badge variant="light" color={STATUS_COLORS[deal.status]} data-testid="deal-status">
                {t(`deals.status.${deal.status}`)}
              </Badge>
            )}
          </Group>
        }
      >
        {deal && deal.status === 'open' && (
          <>
            <Button size="xs" variant="light" color="teal" leftSection={<IconTrophy size={14} />} onClick={() => void setStatus('won')} loading={close.isPending} data-testid="deal-win">
              {t('deals.editor.win')}
            </Button>
            <Button size="xs" variant="light" color="red" leftSection={<IconThumbDown size={14} />} onClick={() => setLosing(deal)} data-testid="deal-lose">
              {t('deals.editor.lose')}
            </Button>
          </>
        )}
        {deal && deal.status !== 'open' && (
          <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => void setStatus('open')} loading={close.isPending} data-testid="deal-reopen">
            {t('deals.editor.reopen')}
          </Button>
        )}
        <EditorActions
          form="deal-form"
          testId="deal"
          busy={busy}
          onCancel={onClose}
          onDelete={deal ? () => onDelete(deal) : undefined}
          deleteLabel={t('deals.editor.delete')}
        />
      </EditorHeader>
      <Modal.Body pt="md">
        <form
          id="deal-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="deal-editor"
        >
          <Stack gap="sm">
            {serverError && serverError.field === null && (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="form-error">
                {serverError.text}
              </Alert>
            )}
            {deal && deal.status !== 'open' && (
              <Alert color={STATUS_COLORS[deal.status]} variant="light" data-testid="deal-closed-note">
                {t(`deals.editor.closedNote.${deal.status}`, { date: formatDay(deal.closedAt.slice(0, 10), i18n.language) })}
                {deal.closeReason && ` — ${deal.closeReason}`}
              </Alert>
            )}
            <TextInput
              ref={titleRef}
              label={t('deals.editor.title')}
              placeholder={t('deals.editor.titlePlaceholder')}
              value={v.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={fieldError('title')}
              withAsterisk
              data-testid="deal-title"
            />
            <Group grow gap="sm" align="flex-start">
              <Select
                label={t('deals.editor.pipeline')}
                data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                value={v.pipelineId || null}
                onChange={(id) => {
                  const p = pipelines.data?.find((x) => x.id === id);
                  if (p) set({ pipelineId: p.id, stageId: p.stages[0]?.id ?? '' });
                }}
                allowDeselect={false}
                error={fieldError('pipelineId')}
                disabled={deal?.status === 'won' || deal?.status === 'lost'}
                data-testid="deal-pipeline"
              />
              <Select
                label={t('deals.editor.stage')}
                data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: t('deals.editor.stageOption', { name: s.name, value: s.probability }) }))}
                value={v.stageId || null}
                onChange={(id) => id && set({ stageId: id })}
                allowDeselect={false}
                error={fieldError('stageId')}
                disabled={deal?.status === 'won' || deal?.status === 'lost'}
                data-testid="deal-stage"
              />
            </Group>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('deals.editor.amount')}
                placeholder="0"
                inputMode="decimal"
                value={v.amount}
                onChange={(e) => set({ amount: e.currentTarget.value })}
                error={fieldError('amount')}
                style={{ flex: 2 }}
                styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                data-testid="deal-amount"
              />
              <Select
                label={t('deals.editor.currency')}
                data={currencyData}
                value={v.currency || null}
                onChange={(c) => c && set({ currency: c })}
                searchable
                allowDeselect={false}
                error={fieldError('currency')}
                style={{ flex: 2 }}
                comboboxProps={{ withinPortal: true }}
                data-testid="deal-currency"
              />
              <TextInput
                label={t('deals.editor.probability')}
                placeholder={stage ? t('deals.editor.probabilityDefault', { value: stage.probability }) : ''}
                inputMode="numeric"
                value={v.probability}
                onChange={(e) => set({ probability: e.currentTarget.value })}
                error={fieldError('probability')}
                rightSection={<Text size="xs" c="dimmed">%</Text>}
                style={{ flex: 1 }}
                data-testid="deal-probability"
              />
            </Group>
            <Group grow gap="sm" align="flex-start">
              <DateInput
                label={t('deals.editor.expectedClose')}
                placeholder={t('deals.editor.noDate')}
                value={v.expectedClose || null}
                onChange={(d) => set({ expectedClose: d ?? '' })}
                valueFormat={DATE_INPUT_FORMAT}
                dateParser={parseTypedDate}
                clearable
                error={fieldError('expectedClose')}
                data-testid="deal-expected-close"
              />
              <Select
                label={t('deals.editor.owner')}
                data={ownerData}
                value={v.ownerId || null}
                onChange={(o) => set({ ownerId: o ?? '' })}
                clearable
                error={fieldError('ownerId')}
                data-testid="deal-owner"
              />
            </Group>
            <LinkPicker
              kind="company"
              label={t('deals.editor.company')}
              id={v.companyId}
              name={v.companyName}
              onChange={(companyId, companyName) => set({ companyId, companyName })}
              testId="deal-company"
            />
            <Box>
              <LinkPicker
                kind="contact"
                label={t('deals.editor.contacts')}
                id=""
                name=""
                onChange={(id, name) => {
                  if (id && !v.contacts.some((c) => c.id === id)) set({ contacts: [...v.contacts, { id, name }] });
                }}
                testId="deal-contact"
              />
              {v.contacts.length > 0 && (
                <Group gap={6} mt={6} data-testid="deal-contacts">
                  {v.contacts.map((c) => (
                    <Badge
                      key={c.id}
                      variant="light"
                      color="gray"
                      tt="none"
                      rightSection={
                        <CloseButton
                          size="xs"
                          aria-label={t('deals.editor.removeContact', { name: c.name })}
                          onClick={() => set({ contacts: v.contacts.filter((x) => x.id !== c.id) })}
                        />
                      }
                      data-testid="deal-contact-chip"
                    >
                      {c.name}
                    </Badge>
                  ))}
                </Group>
              )}
            </Box>
            {deal && <DealCampaignSelect dealId={deal.id} />}
            <Textarea
              label={t('deals.editor.notes')}
              autosize
              minRows={3}
              maxRows={10}
              value={v.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              data-testid="deal-notes"
            />
            {deal && <StageHistory dealId={deal.id} />}
          </Stack>
        </form>
      </Modal.Body>
      <LostReasonModal
        deal={losing}
        onCancel={() => setLosing(null)}
        onConfirm={(_d, reason) => {
          setLosing(null);
          void setStatus('lost', reason);
        }}
      />
    </DatesProvider>
  );
}

/** The deal's stage visits, oldest first, with the days spent in each. */
function StageHistory({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const history = useDealHistory(dealId);
  const visits = history.data ?? [];
  if (visits.length === 0) return null;
  return (
    <Box>
      <Text size="sm" fw={500} mb={4}>
        {t('deals.history.title')}
      </Text>
      <Table fz="sm" verticalSpacing={4} data-testid="deal-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deals.history.stage')}</Table.Th>
            <Table.Th>{t('deals.history.entered')}</Table.Th>
            <Table.Th>{t('deals.history.left')}</Table.Th>
            <Table.Th ta="right">{t('deals.history.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visits.map((s, i) => (
            <Table.Tr key={`${s.stageId}-${s.enteredAt}-${i}`} data-testid="deal-history-row">
              <Table.Td>
                {s.status && s.status !== 'open' ? t(`deals.status.${s.status}`, { defaultValue: s.status }) : s.stageName}
              </Table.Td>
              <Table.Td>{formatDay(s.enteredAt.slice(0, 10), i18n.language)}</Table.Td>
              <Table.Td>{s.leftAt ? formatDay(s.leftAt.slice(0, 10), i18n.language) : t('deals.history.now')}</Table.Td>
              <Table.Td ta="right" data-testid="deal-history-days">
                {s.status && s.status !== 'open' ? '' : t('deals.history.dayCount', { count: daysBetween(s.enteredAt, s.leftAt) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
