import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Button, Group, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { LEAD_SOURCES, LEAD_STATUSES, type Lead, type LeadInput } from '../api/leadTypes';
import type { Owner } from '../api/sellingTypes';
import { SIZE_BANDS } from '../companies/companyModel';
import { errorText } from '../lib/notify';
import { cleanLeadInput, controlForLeadField, emptyLeadInput, inputFromLead, leadName, sourceLabel } from './leadModel';

interface Props {
  lead?: Lead;
  owners: Owner[];
  defaultOwnerId: string;
  saving: boolean;
  onSave: (input: LeadInput) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit a lead. Ctrl+S saves, Esc cancels. */
export function LeadForm({ lead, owners, defaultOwnerId, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [m, setM] = useState<LeadInput>(() => (lead ? inputFromLead(lead) : emptyLeadInput(defaultOwnerId)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (k: keyof LeadInput, v: string) => {
    setM((x) => ({ ...x, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };

  const submit = async () => {
    const input = cleanLeadInput(m);
    if (!input.name && !input.email) {
      setErrors({ name: t('leads.nameOrEmail') });
      first.current?.focus();
      return;
    }
    try {
      await onSave(input);
    } catch (e) {
      const err = toApiError(e);
      setErrors({ [controlForLeadField(err.field)]: errorText(err, t) });
    }
  };

  const keys = useRef({ submit, onCancel });
  keys.current = { submit, onCancel };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        keys.current.onCancel();
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void keys.current.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const sources: { value: string; label: string }[] = LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s, t) }));
  if (m.source && !sources.some((s) => s.value === m.source)) sources.push({ value: m.source, label: m.source });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
      data-testid="lead-form"
      noValidate
    >
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3">
            {lead ? leadName(lead, t) : t('leads.new')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              ref={first}
              label={t('leads.fields.name')}
              value={m.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              data-testid="lead-name"
            />
            <TextInput
              label={t('leads.fields.email')}
              value={m.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errors.email}
              type="email"
              data-testid="lead-email"
            />
            <TextInput
              label={t('leads.fields.phone')}
              value={m.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={errors.phone}
              data-testid="lead-phone"
            />
            <TextInput
              label={t('leads.fields.title')}
              value={m.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errors.title}
              data-testid="lead-title"
            />
            <TextInput
              label={t('leads.fields.companyName')}
              value={m.companyName}
              onChange={(e) => set('companyName', e.currentTarget.value)}
              error={errors.companyName}
              data-testid="lead-company"
            />
            <Select
              label={t('leads.fields.source')}
              data={sources}
              value={m.source || null}
              onChange={(v) => set('source', v ?? '')}
              clearable
              error={errors.source}
              data-testid="lead-source"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('leads.fields.status')}
              data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
              value={m.status || 'new'}
              onChange={(v) => set('status', v ?? 'new')}
              allowDeselect={false}
              error={errors.status}
              data-testid="lead-status"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('leads.fields.owner')}
              data={owners.map((o) => ({ value: o.id, label: o.name }))}
              value={m.ownerId || null}
              onChange={(v) => set('ownerId', v ?? '')}
              clearable
              error={errors.ownerId}
              data-testid="lead-owner"
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Text fw={600} size="sm" mt="xs">
            {t('leads.fitHeading')}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            <TextInput
              label={t('leads.fields.industry')}
              value={m.industry}
              onChange={(e) => set('industry', e.currentTarget.value)}
              error={errors.industry}
              data-testid="lead-industry"
            />
            <Autocomplete
              label={t('leads.fields.companySize')}
              data={[...SIZE_BANDS]}
              value={m.companySize}
              onChange={(v) => set('companySize', v)}
              error={errors.companySize}
              data-testid="lead-size"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('leads.fields.country')}
              value={m.country}
              onChange={(e) => set('country', e.currentTarget.value)}
              error={errors.country}
              data-testid="lead-country"
            />
          </SimpleGrid>
          <Textarea
            label={t('leads.fields.notes')}
            value={m.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errors.notes}
            autosize
            minRows={3}
            maxRows={10}
            data-testid="lead-notes"
          />
        </Stack>
      </ScrollArea>
      <Group justify="flex-end" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Button variant="default" onClick={onCancel}>
          {t('leads.cancel')}
        </Button>
        <Button type="submit" loading={saving} data-testid="lead-save">
          {t('leads.save')}
        </Button>
      </Group>
    </form>
  );
}
