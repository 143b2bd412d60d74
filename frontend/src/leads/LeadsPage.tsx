import { useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, Center, CloseButton, Group, Loader, ScrollArea, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPlus, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  useConvertLead,
  useCreateLead,
  useDeleteLead,
  useLead,
  useLeadEvents,
  useLeads,
  useRestoreLead,
  useUpdateLead,
} from '../api/leadHooks';
import { LEAD_SOURCES, LEAD_STATUSES, type ConvertLeadRequest, type Lead, type LeadInput, type LeadSort } from '../api/leadTypes';
import { useMe, useOwners } from '../api/selling';
import { useFormat } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { clearHashParams, hashForRecord, useHashParam } from '../shell/hashParams';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { LeadDetail } from './LeadDetail';
import { LeadForm } from './LeadForm';
import { leadName, sourceLabel } from './leadModel';
import { ScoreBadge } from './ScoreBadge';

const PAGE = 200;

type Pane = { kind: 'view' } | { kind: 'create' } | { kind: 'edit' };

/** True when a key press belongs to a text field, a menu or a dialog rather than to the page. */
function typingTarget(e: KeyboardEvent): boolean {
  const el = e.target;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('[role="dialog"]');
}

/** Leads: a filterable table sorted by score, the selected lead, its editor and conversion. */
export function LeadsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  useLeadEvents();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [status, setStatus] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [sort, setSort] = useState<LeadSort>('score');
  const [limit, setLimit] = useState(PAGE);
  const req = { query: debounced.trim(), status: status ?? '', source: source ?? '', ownerId: owner ?? '', sort, offset: 0, limit };
  const list = useLeads(req);
  const owners = useOwners();
  const me = useMe();
  const [selected, setSelected] = useState<string | null>(null);
  const [pane, setPane] = useState<Pane>({ kind: 'view' });
  const [converting, setConverting] = useState(false);
  const detail = useLead(selected);
  const create = useCreateLead();
  const update = useUpdateLead();
  const del = useDeleteLead();
  const restore = useRestoreLead();
  const convert = useConvertLead();
  const ownerList = owners.data ?? [];
  const ownerName = (id: string) => ownerList.find((o) => o.id === id)?.name ?? '';
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const searchRef = useRef<HTMLInputElement>(null);

  // "#/leads?id=…" opens that lead.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked || !window.location.hash.startsWith('#/leads')) return;
    setSelected(linked);
    setPane({ kind: 'view' });
    clearHashParams();
  }, [linked]);

  // N (or Ctrl+N): new lead; / focuses the search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey || e.shiftKey) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (key === 'n' && (ctrl || !typingTarget(e))) {
        e.preventDefault();
        setPane({ kind: 'create' });
      } else if (key === '/' && !ctrl && !typingTarget(e)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = async (input: LeadInput) => {
    if (pane.kind === 'create') {
      const l = await create.mutateAsync(input);
      setSelected(l.id);
    } else if (detail.data) {
      await update.mutateAsync({ id: detail.data.id, version: detail.data.version, input });
    }
    setPane({ kind: 'view' });
    notifySuccess(t('leads.saved'));
  };

  const remove = async (l: Lead) => {
    try {
      await del.mutateAsync(l.id);
      setSelected(null);
      const id = `lead-deleted-${l.id}`;
      notifications.show({
        id,
        color: 'gray',
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('leads.deleted', { name: leadName(l, t) })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="lead-undo-delete"
              onClick={() => {
                notifications.hide(id);
                restore.mutate(l.id, {
                  onSuccess: () => {
                    setSelected(l.id);
                    notifySuccess(t('leads.restored'));
                  },
                  onError: (e) => notifyError(e, t),
                });
              }}
            >
              {t('leads.undo')}
            </Button>
          </Group>
        ),
      });
    } catch (e) {
      notifyError(e, t);
    }
  };

  const doConvert = async (l: Lead, r: ConvertLeadRequest) => {
    const res = await convert.mutateAsync({ id: l.id, version: l.version, req: r });
    setConverting(false);
    notifySuccess(t('leads.convertDialog.done'));
    // Land on the new contact.
    window.location.hash = hashForRecord('contacts', res.contactId);
  };

  let right: React.ReactNode;
  if (pane.kind === 'create') {
    right = (
      <LeadForm owners={ownerList} defaultOwnerId={me.data?.id ?? ''} saving={create.isPending} onSave={save} onCancel={() => setPane({ kind: 'view' })} />
    );
  } else if (pane.kind === 'edit' && detail.data) {
    right = (
      <LeadForm
        key={detail.data.id}
        lead={detail.data}
        owners={ownerList}
        defaultOwnerId={me.data?.id ?? ''}
        saving={update.isPending}
        onSave={save}
        onCancel={() => setPane({ kind: 'view' })}
      />
    );
  } else if (selected && detail.isPending) {
    right = (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  } else if (detail.data) {
    right = (
      <LeadDetail
        lead={detail.data}
        owners={ownerList}
        onEdit={() => setPane({ kind: 'edit' })}
        onDelete={() => void remove(detail.data)}
        onConvert={() => setConverting(true)}
        deleting={del.isPending}
      />
    );
  } else {
    right = (
      <Center h="100%" p="xl" data-testid="lead-none-selected">
        <Stack align="center" gap="xs">
          <IconUserPlus size={36} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" size="sm" ta="center" maw={320}>
            {detail.isError ? t('leads.notFound') : t('leads.selectPrompt')}
          </Text>
        </Stack>
      </Center>
    );
  }

  const header = (key: LeadSort | null, label: string, align?: 'right') =>
    key ? (
      <UnstyledButton onClick={() => setSort(key)} aria-pressed={sort === key} data-testid={`lead-sort-${key}`}>
        <Group gap={2} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          <Text size="sm" fw={700}>
            {label}
          </Text>
          {sort === key && <IconChevronDown size={14} />}
        </Group>
      </UnstyledButton>
    ) : (
      label
    );

  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid="leads-page">
      <Box style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              ref={searchRef}
              style={{ flex: 1 }}
              leftSection={<IconSearch size={14} />}
              placeholder={t('leads.searchPlaceholder')}
              aria-label={t('leads.searchLabel')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              rightSection={search ? <CloseButton size="sm" aria-label={t('contacts.clearSearch')} onClick={() => setSearch('')} /> : null}
              data-testid="lead-search"
            />
            <Button leftSection={<IconPlus size={14} />} onClick={() => setPane({ kind: 'create' })} title={t('leads.newTitle')} data-testid="lead-new">
              {t('leads.newShort')}
            </Button>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Select
              size="xs"
              w={150}
              placeholder={t('leads.allStatuses')}
              aria-label={t('leads.fields.status')}
              data={[...LEAD_STATUSES, 'converted'].map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
              value={status}
              onChange={setStatus}
              clearable
              data-testid="lead-filter-status"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              size="xs"
              w={150}
              placeholder={t('leads.allSources')}
              aria-label={t('leads.fields.source')}
              data={LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s, t) }))}
              value={source}
              onChange={setSource}
              clearable
              data-testid="lead-filter-source"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              size="xs"
              w={150}
              placeholder={t('leads.allOwners')}
              aria-label={t('leads.fields.owner')}
              data={ownerList.map((o) => ({ value: o.id, label: o.name }))}
              value={owner}
              onChange={setOwner}
              clearable
              data-testid="lead-filter-owner"
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              size="xs"
              w={150}
              aria-label={t('leads.sortLabel')}
              data={(['score', 'name', 'newest'] as const).map((s) => ({ value: s, label: t(`leads.sort.${s}`) }))}
              value={sort}
              onChange={(v) => setSort((v as LeadSort) ?? 'score')}
              allowDeselect={false}
              data-testid="lead-sort"
              comboboxProps={{ withinPortal: true }}
            />
            <Text size="xs" c="dimmed" data-testid="lead-count">
              {t('leads.count', { count: total, formatted: fmt.number(total) })}
            </Text>
          </Group>
        </Stack>
        <ScrollArea style={{ flex: 1 }} type="auto">
          {list.isPending ? (
            <Center p="xl">
              <Loader size="sm" />
            </Center>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {req.query || status || source || owner ? t('leads.noResults') : t('leads.empty')}
            </Text>
          ) : (
            <Table highlightOnHover stickyHeader verticalSpacing={6} aria-label={t('leads.listLabel')} data-testid="lead-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{header('name', t('leads.columns.name'))}</Table.Th>
                  <Table.Th>{t('leads.columns.company')}</Table.Th>
                  <Table.Th>{t('leads.columns.source')}</Table.Th>
                  <Table.Th>{t('leads.columns.status')}</Table.Th>
                  <Table.Th>{t('leads.columns.owner')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{header('score', t('leads.columns.score'), 'right')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l) => (
                  <Table.Tr
                    key={l.id}
                    onClick={() => {
                      setSelected(l.id);
                      setPane({ kind: 'view' });
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        setSelected(l.id);
                        setPane({ kind: 'view' });
                      }
                    }}
                    tabIndex={0}
                    aria-selected={l.id === selected}
                    bg={l.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
                    style={{ cursor: 'pointer' }}
                    data-testid="lead-row"
                    data-name={l.name}
                  >
                    <Table.Td>
                      <Text size="sm" fw={500} truncate maw={220}>
                        {leadName(l, t)}
                      </Text>
                      {l.title && (
                        <Text size="xs" c="dimmed" truncate maw={220}>
                          {l.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={180}>
                        {l.companyName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{l.source ? sourceLabel(l.source, t) : ''}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={l.status === 'converted' ? 'teal' : l.status === 'unqualified' ? 'gray' : 'blue'} size="sm">
                        {t(`leads.status.${l.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={140}>
                        {ownerName(l.ownerId)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <ScoreBadge score={l.score} reasons={l.scoreReasons} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {items.length < total && (
            <Center p="sm">
              <Button variant="subtle" size="xs" onClick={() => setLimit((n) => n + PAGE)}>
                {t('companies.more')}
              </Button>
            </Center>
          )}
        </ScrollArea>
      </Box>
      <Box style={{ width: 460, flexShrink: 0 }}>{right}</Box>
      {converting && detail.data && (
        <ConvertLeadDialog
          lead={detail.data}
          opened
          converting={convert.isPending}
          onClose={() => setConverting(false)}
          onConvert={(r) => doConvert(detail.data, r)}
        />
      )}
    </Box>
  );
}
