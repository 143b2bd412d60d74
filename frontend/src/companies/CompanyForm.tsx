import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Button, Group, ScrollArea, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toApiError, type Company, type CompanyInput } from '../api';
import { errorText } from '../lib/notify';
import { cleanCompanyInput, controlForField, emptyCompanyInput, inputFromCompany, SIZE_BANDS } from './companyModel';

interface Props {
  company?: Company;
  saving: boolean;
  onSave: (input: CompanyInput) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit a company. Ctrl+S saves, Esc cancels. */
export function CompanyForm({ company, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [m, setM] = useState<CompanyInput>(() => (company ? inputFromCompany(company) : emptyCompanyInput()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (k: Exclude<keyof CompanyInput, 'address'>, v: string) => {
    setM((x) => ({ ...x, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };
  const setAddr = (k: keyof CompanyInput['address'], v: string) => {
    setM((x) => ({ ...x, address: { ...x.address, [k]: v } }));
    setErrors((e) => ({ ...e, [`address.${k}`]: '' }));
  };

  const submit = async () => {
    const input = cleanCompanyInput(m);
    if (!input.name) {
      setErrors({ name: t('companies.nameRequired') });
      first.current?.focus();
      return;
    }
    try {
      await onSave(input);
    } catch (e) {
      const err = toApiError(e);
      setErrors({ [controlForField(err.field)]: errorText(err, t) });
    }
  };

  // Esc closes the form and Ctrl+S saves wherever the focus is (also after a click on a button).
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

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
      data-testid="company-form"
      noValidate
    >
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="sm" p="lg" maw={720}>
          <Title order={2} size="h3">
            {company ? t('companies.editTitle', { name: company.name }) : t('companies.new')}
          </Title>
          <TextInput
            ref={first}
            label={t('companies.fields.name')}
            value={m.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
            data-testid="company-name"
            description={company && company.people > 0 ? t('companies.renameHint', { count: company.people }) : undefined}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('companies.fields.industry')}
              value={m.industry}
              onChange={(e) => set('industry', e.currentTarget.value)}
              error={errors.industry}
              data-testid="company-industry"
            />
            <Autocomplete
              label={t('companies.fields.size')}
              data={[...SIZE_BANDS]}
              value={m.size}
              onChange={(v) => set('size', v)}
              error={errors.size}
              placeholder={t('companies.sizePlaceholder')}
              data-testid="company-size"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('companies.fields.website')}
              value={m.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              error={errors.website}
              placeholder="example.com"
              data-testid="company-website"
            />
            <TextInput
              label={t('companies.fields.phone')}
              value={m.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={errors.phone}
              data-testid="company-phone"
            />
          </SimpleGrid>
          <Textarea
            label={t('companies.fields.street')}
            value={m.address.street}
            onChange={(e) => setAddr('street', e.currentTarget.value)}
            error={errors['address.street']}
            autosize
            minRows={1}
            maxRows={4}
            data-testid="company-street"
          />
          <SimpleGrid cols={4} spacing="sm">
            <TextInput
              label={t('companies.fields.city')}
              value={m.address.city}
              onChange={(e) => setAddr('city', e.currentTarget.value)}
              error={errors['address.city']}
              data-testid="company-city"
            />
            <TextInput
              label={t('companies.fields.region')}
              value={m.address.region}
              onChange={(e) => setAddr('region', e.currentTarget.value)}
              error={errors['address.region']}
            />
            <TextInput
              label={t('companies.fields.postcode')}
              value={m.address.postcode}
              onChange={(e) => setAddr('postcode', e.currentTarget.value)}
              error={errors['address.postcode']}
            />
            <TextInput
              label={t('companies.fields.country')}
              value={m.address.country}
              onChange={(e) => setAddr('country', e.currentTarget.value)}
              error={errors['address.country']}
              data-testid="company-country"
            />
          </SimpleGrid>
          <Textarea
            label={t('companies.fields.notes')}
            value={m.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={errors.notes}
            autosize
            minRows={3}
            maxRows={12}
          />
        </Stack>
      </ScrollArea>
      <Group
        gap="xs"
        px="lg"
        py="sm"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}
      >
        <Button type="submit" loading={saving} data-testid="company-save" title={t('companies.saveTitle')}>
          {t('form.save')}
        </Button>
        <Button variant="default" onClick={onCancel} title={t('companies.cancelTitle')}>
          {t('form.cancel')}
        </Button>
      </Group>
    </form>
  );
}
