import { useState } from 'react';
import { CloseButton, Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listCompanies, listContacts } from '../api';

export interface LinkOption {
  id: string;
  label: string;
  detail: string;
}

interface LinkPickerProps {
  kind: 'contact' | 'company';
  label: string;
  /** The linked record ('' for none) and its name. */
  id: string;
  name: string;
  onChange: (id: string, name: string) => void;
  testId: string;
}

async function search(kind: 'contact' | 'company', query: string): Promise<LinkOption[]> {
  if (kind === 'contact') {
    const page = await listContacts({ query, offset: 0, limit: 8 });
    return page.items.map((c) => ({ id: c.id, label: c.displayName || c.email, detail: [c.email, c.company].filter(Boolean).join(' · ') }));
  }
  const page = await listCompanies({ query, offset: 0, limit: 8 });
  return page.items.map((c) => ({ id: c.id, label: c.name, detail: c.industry }));
}

/** Links a record (a contact or a company) found by typing its name. */
export function LinkPicker({ kind, label, id, name, onChange, testId }: LinkPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [query] = useDebouncedValue((text ?? '').trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const found = useQuery({
    queryKey: [kind === 'contact' ? 'contacts' : 'companies', 'link-search', query],
    queryFn: () => search(kind, query),
    enabled: text !== null && query.length > 0,
    staleTime: 10_000,
  });
  const items = text !== null && query ? (found.data ?? []) : [];

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(value) => {
        const o = items.find((x) => x.id === value);
        if (o) onChange(o.id, o.label);
        setText(null);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label}
          placeholder={name || t('tasks.editor.linkPlaceholder')}
          value={text ?? name}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => setText((v) => v ?? '')}
          onBlur={() => {
            setText(null);
            combobox.closeDropdown();
          }}
          rightSection={
            found.isFetching ? (
              <Loader size={12} />
            ) : id ? (
              <CloseButton size="sm" aria-label={t('tasks.editor.unlink')} onMouseDown={(e) => e.preventDefault()} onClick={() => onChange('', '')} />
            ) : null
          }
          data-testid={testId}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!query}>
        <Combobox.Options>
          {items.length === 0 ? (
            <Combobox.Empty>{found.isFetching ? '…' : t('tasks.editor.noMatch')}</Combobox.Empty>
          ) : (
            items.map((o) => (
              <Combobox.Option key={o.id} value={o.id} data-testid={`${testId}-option`}>
                <Text size="sm">{o.label}</Text>
                {o.detail && (
                  <Text size="xs" c="dimmed">
                    {o.detail}
                  </Text>
                )}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
