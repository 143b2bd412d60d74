import { useEffect, useRef, useState } from 'react';
import { Box, Button, Center, CloseButton, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import {
  useCompanies,
  useCompany,
  useCreateCompany,
  useDeleteCompany,
  useUpdateCompany,
  type Company,
  type CompanyInput,
} from '../api';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { clearHashParams, useHashParam } from '../shell/hashParams';
import { CompanyDetail } from './CompanyDetail';
import { CompanyForm } from './CompanyForm';

const ROW_HEIGHT = 52;
const PAGE = 500;

type Pane = { kind: 'view' } | { kind: 'create' } | { kind: 'edit' };

/** Companies: a searchable list with people counts, and the selected company's page. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const query = debounced.trim();
  const list = useCompanies(query, PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>({ kind: 'view' });
  const detail = useCompany(selected);
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const del = useDeleteCompany();
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  // "#/companies?id=…" (from a contact's company link) opens that company.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked) return;
    setSelected(linked);
    setPane({ kind: 'view' });
    clearHashParams();
  }, [linked]);

  // Ctrl+N: new company.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setPane({ kind: 'create' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const save = async (input: CompanyInput) => {
    if (pane.kind === 'create') {
      const c = await create.mutateAsync(input);
      setSelected(c.id);
    } else if (detail.data) {
      await update.mutateAsync({ id: detail.data.id, version: detail.data.version, input });
    }
    setPane({ kind: 'view' });
    notifySuccess(t('companies.saved'));
  };

  const remove = async (c: Company) => {
    try {
      await del.mutateAsync(c.id);
      setSelected(null);
      notifySuccess(t('companies.deleted', { name: c.name }));
    } catch (e) {
      notifyError(e, t);
    }
  };

  let right: React.ReactNode;
  if (pane.kind === 'create') {
    right = <CompanyForm saving={create.isPending} onSave={save} onCancel={() => setPane({ kind: 'view' })} />;
  } else if (pane.kind === 'edit' && detail.data) {
    right = (
      <CompanyForm key={detail.data.id} company={detail.data} saving={update.isPending} onSave={save} onCancel={() => setPane({ kind: 'view' })} />
    );
  } else if (selected && detail.isPending) {
    right = (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  } else if (detail.data) {
    right = (
      <CompanyDetail
        company={detail.data}
        onEdit={() => setPane({ kind: 'edit' })}
        onDelete={() => void remove(detail.data)}
        deleting={del.isPending}
      />
    );
  } else {
    right = (
      <Center h="100%" p="xl" data-testid="company-none-selected">
        <Stack align="center" gap="xs">
          <IconBuilding size={36} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" size="sm" ta="center" maw={360}>
            {detail.isError ? t('companies.notFound') : t('companies.selectPrompt')}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="companies-page">
      <Box style={{ width: 340, display: 'flex', flexDirection: 'column', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<IconSearch size={14} />}
              placeholder={t('companies.searchPlaceholder')}
              aria-label={t('companies.searchLabel')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              rightSection={search ? <CloseButton size="sm" aria-label={t('contacts.clearSearch')} onClick={() => setSearch('')} /> : null}
              data-testid="company-search"
            />
            <Button leftSection={<IconPlus size={14} />} onClick={() => setPane({ kind: 'create' })} title={t('companies.newTitle')} data-testid="company-new">
              {t('companies.newShort')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" data-testid="company-count">
            {query
              ? t('companies.results', { count: total, formatted: fmt.number(total) })
              : t('companies.count', { count: total, formatted: fmt.number(total) })}
          </Text>
        </Stack>
        <div
          ref={scrollRef}
          role="listbox"
          aria-label={t('companies.listLabel')}
          data-testid="company-list"
          style={{ flex: 1, overflowY: 'auto', position: 'relative', contain: 'strict' }}
        >
          {list.data && items.length === 0 && (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {query ? t('companies.noResults', { query }) : t('companies.empty')}
            </Text>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((vi) => {
              const c = items[vi.index];
              const active = c.id === selected;
              return (
                <UnstyledButton
                  key={c.id}
                  role="option"
                  aria-selected={active}
                  onClick={() => {
                    setSelected(c.id);
                    setPane({ kind: 'view' });
                  }}
                  data-testid="company-row"
                  data-name={c.name}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${vi.start}px)`,
                    padding: '6px 12px',
                    background: active ? 'var(--mantine-color-blue-light)' : undefined,
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Box style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {[c.industry, c.address.city].filter(Boolean).join(' · ') || '\u00a0'}
                      </Text>
                    </Box>
                    <Text size="xs" c="dimmed" style={{ flex: 'none' }} data-testid="company-row-people">
                      {t('companies.people', { count: c.people, formatted: fmt.number(c.people) })}
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
          {list.hasNextPage && (
            <Center p="xs">
              <Button variant="subtle" size="xs" onClick={() => void list.fetchNextPage()} disabled={list.isFetching}>
                {t('companies.more')}
              </Button>
            </Center>
          )}
        </div>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>{right}</Box>
    </Box>
  );
}
