import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Center, Group, Loader, MultiSelect, ScrollArea, Select, Stack, Table, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getCase } from '../api/care';
import { useCaseList, useCaseStats } from '../api/careHooks';
import { notifyError } from '../lib/notify';
import { clearHashParams, useHashParam } from '../shell/hashParams';
import { useOwners } from '../api/selling';
import { CASE_PRIORITIES, CASE_STATUSES, type Case, type CaseSort } from '../api/careTypes';
import { presetRange } from '../feedback/feedbackModel';
import { useNewShortcut } from '../feedback/useNewShortcut';
import { useFormat } from '../lib/format';
import { CaseEditor } from './CaseEditor';
import { PRIORITY_COLORS, STATUS_COLORS, durationText } from './caseModel';

const STEP = 100;

/** Support cases: a filtered, sortable table, the backlog and resolution times, a case drawer; N opens a new case. */
export function CasesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [statuses, setStatuses] = useState<string[]>(['open', 'pending']);
  const [priorities, setPriorities] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const owners = useOwners();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const [sort, setSort] = useState<{ by: CaseSort; desc: boolean }>({ by: 'opened', desc: true });
  const [limit, setLimit] = useState(STEP);
  const list = useCaseList({ statuses, priorities, ownerId: owner, contactId: '', companyId: '', text: query, sort: sort.by, desc: sort.desc, offset: 0, limit });
  const month = useMemo(() => presetRange('d30', new Date()), []);
  const stats = useCaseStats(month);
  const [editor, setEditor] = useState<{ editing: Case | null } | null>(null);
  useNewShortcut(() => setEditor({ editing: null }), editor === null);

  // "#/cases?id=…" (a search hit, a contact's case list) opens that case.
  const linked = useHashParam('id');
  useEffect(() => {
    if (!linked) return;
    clearHashParams();
    getCase(linked).then((c) => setEditor({ editing: c }), (e) => notifyError(e, t));
  }, [linked, t]);

  const header = (by: CaseSort, label: string) => (
    <Table.Th>
      <UnstyledButton
        onClick={() => setSort((s) => ({ by, desc: s.by === by ? !s.desc : by === 'opened' || by === 'priority' }))}
        data-testid={`case-sort-${by}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {sort.by === by && (sort.desc ? <IconChevronDown size={14} /> : <IconChevronUp size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );

  const items = list.data?.items ?? [];
  const filtered = statuses.length > 0 || priorities.length > 0 || owner !== '' || query !== '';
  const s = stats.data;
  return (
    <ScrollArea h="100%">
      <Stack gap="md" p="lg" data-testid="cases-page">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2}>{t('cases.title')}</Title>
            {s && (
              <Text size="sm" c="dimmed" data-testid="case-stats">
                {t('cases.stats.backlog', { count: s.open + s.pending, formatted: fmt.number(s.open + s.pending) })}
                {s.pending > 0 && ` (${t('cases.stats.pending', { count: fmt.number(s.pending) })})`}
                {' · '}
                {t('cases.stats.resolved', { count: fmt.number(s.resolved) })}
                {s.resolved > 0 && ` · ${t('cases.stats.times', { mean: fmt.number(s.meanHours), median: fmt.number(s.medianHours) })}`}
              </Text>
            )}
          </Stack>
          <Tooltip label={t('cases.newTitle')}>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditor({ editing: null })} data-testid="case-new">
              {t('cases.new')}
            </Button>
          </Tooltip>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput
            leftSection={<IconSearch size={14} />}
            placeholder={t('cases.search')}
            aria-label={t('cases.search')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={280}
            data-testid="case-search"
          />
          <MultiSelect
            label={t('cases.filters.status')}
            placeholder={statuses.length ? undefined : t('cases.filters.any')}
            data={CASE_STATUSES.map((v) => ({ value: v, label: t(`cases.status.${v}`) }))}
            value={statuses}
            onChange={setStatuses}
            clearable
            w={300}
            data-testid="case-filter-status"
          />
          <MultiSelect
            label={t('cases.filters.priority')}
            placeholder={priorities.length ? undefined : t('cases.filters.any')}
            data={CASE_PRIORITIES.map((v) => ({ value: v, label: t(`cases.priority.${v}`) }))}
            value={priorities}
            onChange={setPriorities}
            clearable
            w={260}
            data-testid="case-filter-priority"
          />
          <Select
            label={t('cases.filters.owner')}
            placeholder={t('cases.filters.any')}
            data={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={owner || null}
            onChange={(v) => setOwner(v ?? '')}
            clearable
            w={200}
            data-testid="case-filter-owner"
          />
        </Group>
        {list.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="cases-empty">
            {filtered ? t('cases.noMatch') : t('cases.empty')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="xs" data-testid="case-table">
            <Table.Thead>
              <Table.Tr>
                {header('number', t('cases.columns.number'))}
                {header('subject', t('cases.columns.subject'))}
                <Table.Th>{t('cases.columns.customer')}</Table.Th>
                {header('priority', t('cases.columns.priority'))}
                <Table.Th>{t('cases.columns.status')}</Table.Th>
                {header('opened', t('cases.columns.opened'))}
                <Table.Th>{t('cases.columns.resolution')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr
                  key={c.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setEditor({ editing: c })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setEditor({ editing: c });
                  }}
                  tabIndex={0}
                  data-testid="case-row"
                  data-number={c.number}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.number}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.subject}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.contactName}</Text>
                    {c.companyName && (
                      <Text size="xs" c="dimmed">
                        {c.companyName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={PRIORITY_COLORS[c.priority] ?? 'gray'}>
                      {t(`cases.priority.${c.priority}`, { defaultValue: c.priority })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[c.status] ?? 'gray'} data-testid="case-row-status">
                      {t(`cases.status.${c.status}`, { defaultValue: c.status })}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(c.openedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="case-row-resolution">
                    {durationText(c.resolutionMinutes, t, fmt.number)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {list.data && list.data.total > items.length && (
          <Button variant="subtle" onClick={() => setLimit((l) => Math.min(l + STEP, 500))} disabled={limit >= 500}>
            {t('cases.more')}
          </Button>
        )}
      </Stack>
      <CaseEditor opened={editor !== null} editing={editor?.editing ?? null} onClose={() => setEditor(null)} />
    </ScrollArea>
  );
}
