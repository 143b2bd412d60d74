import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCompanies } from '../api/companyHooks';
import { useFilterPreview, useSaveFilter } from '../api/campaignHooks';
import type { ContactFilter, SavedFilter } from '../api/campaignTypes';
import { toApiError } from '../api/errors';
import { useFormat } from '../lib/format';
import { errorText } from '../lib/notify';
import { EMPTY_FILTER } from './campaignModel';

interface Props {
  opened: boolean;
  /** The filter to edit; a new one when absent. */
  initial?: SavedFilter;
  onClose: () => void;
  onSaved: (f: SavedFilter) => void;
}

/**
 * Builds a saved contact filter (text, tags, company, has an e-mail) and shows, as the user types,
 * how many contacts it selects and the first few of them.
 */
export function FilterBuilder({ opened, initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [name, setName] = useState(initial?.name ?? '');
  const [filter, setFilter] = useState<ContactFilter>(initial?.filter ?? EMPTY_FILTER);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [debounced] = useDebouncedValue(filter, 200);
  const preview = useFilterPreview(debounced, 5);
  const companies = useCompanies('', 200);
  const save = useSaveFilter();
  const companyOptions = (companies.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: c.id, label: c.name }));

  const patch = (p: Partial<ContactFilter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setError(null);
  };

  const submit = async () => {
    if (name.trim() === '') {
      setError({ field: 'name', text: t('campaigns.errors.filterNameRequired') });
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: initial?.id ?? '', name, filter });
      onSaved(saved);
    } catch (e) {
      const err = toApiError(e);
      setError({ field: err.field, text: errorText(err, t) });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.filter.title')} size="lg" data-testid="filter-builder">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('campaigns.filter.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            error={error?.field === 'name' ? error.text : undefined}
            data-autofocus
            data-testid="filter-name"
          />
          <TextInput
            label={t('campaigns.filter.query')}
            description={t('campaigns.filter.queryHint')}
            value={filter.query}
            onChange={(e) => patch({ query: e.currentTarget.value })}
            data-testid="filter-query"
          />
          <TagsInput
            label={t('campaigns.filter.tags')}
            description={t('campaigns.filter.tagsHint')}
            value={filter.tags}
            onChange={(tags) => patch({ tags })}
            data-testid="filter-tags"
          />
          <Select
            label={t('campaigns.filter.company')}
            placeholder={t('campaigns.filter.anyCompany')}
            data={companyOptions}
            value={filter.companyId || null}
            onChange={(v) => patch({ companyId: v ?? '' })}
            searchable
            clearable
            data-testid="filter-company"
          />
          <Checkbox
            label={t('campaigns.filter.hasEmail')}
            checked={filter.hasEmail}
            onChange={(e) => patch({ hasEmail: e.currentTarget.checked })}
            data-testid="filter-has-email"
          />
          <Stack gap={2} data-testid="filter-preview">
            <Text size="sm" fw={500} data-testid="filter-preview-count">
              {preview.data
                ? t('campaigns.filter.matches', { count: preview.data.total, formatted: fmt.number(preview.data.total) })
                : t('campaigns.filter.counting')}
            </Text>
            {preview.data?.sample.map((c) => (
              <Text key={c.id} size="xs" c="dimmed" truncate>
                {c.displayName}
                {c.email ? ` · ${c.email}` : ''}
              </Text>
            ))}
          </Stack>
          {error && error.field !== 'name' && (
            <Text size="sm" c="red" role="alert">
              {error.text}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('campaigns.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="filter-save">
              {t('campaigns.filter.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
