import { useEffect, useState } from 'react';
import { Anchor, Badge, Box, Center, Group, Loader, Pagination, ScrollArea, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDealTable, type Deal, type DealSort, type DealStatus, type DealTableQuery } from '../api';
import { hashForRecord } from '../shell/hashParams';
import { formatDay } from './format';
import { isPastDue } from './boardModel';

/** Rows per page of the table. */
export const TABLE_PAGE = 50;

const STATUS_COLORS: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'red' };

interface DealTableProps {
  pipelineId: string;
  ownerId: string;
  query: string;
  today: string;
  onOpen: (d: Deal) => void;
}

type Col = { key: string; sort?: DealSort; align?: 'right' };

const COLUMNS: Col[] = [
  { key: 'title', sort: 'title' },
  { key: 'company' },
  { key: 'stage', sort: 'stage' },
  { key: 'amount', sort: 'amount', align: 'right' },
  { key: 'homeAmount', align: 'right' },
  { key: 'probability', align: 'right' },
  { key: 'expectedClose', sort: 'expectedClose' },
  { key: 'owner', sort: 'owner' },
  { key: 'status' },
];

/** Deals as a sortable, paged table (the backend sorts and pages). */
export function DealTable({ pipelineId, ownerId, query, today, onOpen }: DealTableProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<DealSort>('updated');
  const [desc, setDesc] = useState(true);
  const [status, setStatus] = useState<'' | DealStatus>('open');
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [pipelineId, ownerId, query, status, sort, desc]);
  const q: DealTableQuery = { pipelineId, ownerId, status, query, sort, desc, offset: (page - 1) * TABLE_PAGE, limit: TABLE_PAGE };
  const table = useDealTable(pipelineId ? q : null);
  const items = table.data?.items ?? [];
  const total = table.data?.total ?? 0;
  const pages = Math.max(Math.ceil(total / TABLE_PAGE), 1);

  const sortBy = (s: DealSort) => {
    if (s === sort) setDesc((d) => !d);
    else {
      setSort(s);
      setDesc(s === 'amount');
    }
  };

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Group px="md" py="xs" gap="sm">
        <Select
          aria-label={t('deals.table.statusFilter')}
          data={(['', 'open', 'won', 'lost'] as const).map((s) => ({ value: s || 'all', label: s ? t(`deals.status.${s}`) : t('deals.table.allStatuses') }))}
          value={status || 'all'}
          onChange={(v) => setStatus(v === 'open' || v === 'won' || v === 'lost' ? v : '')}
          allowDeselect={false}
          size="xs"
          w={160}
          data-testid="deal-table-status"
        />
        <Text size="xs" c="dimmed" data-testid="deal-table-count">
          {t('deals.table.count', { count: total })}
        </Text>
        {table.isFetching && <Loader size={14} />}
      </Group>
      <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto">
        <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="deal-table">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => (
                <Table.Th key={c.key} style={{ textAlign: c.align, whiteSpace: 'nowrap' }} aria-sort={c.sort === sort ? (desc ? 'descending' : 'ascending') : undefined}>
                  {c.sort ? (
                    <UnstyledButton onClick={() => sortBy(c.sort as DealSort)} data-testid={`deal-sort-${c.key}`} fw={600} fz="sm" w={c.align === 'right' ? '100%' : undefined}>
                      <Group gap={4} wrap="nowrap" justify={c.align === 'right' ? 'flex-end' : undefined}>
                        {t(`deals.table.columns.${c.key}`)}
                        {c.sort === sort ? desc ? <IconChevronDown size={14} /> : <IconChevronUp size={14} /> : <IconSelector size={14} opacity={0.4} />}
                      </Group>
                    </UnstyledButton>
                  ) : (
                    t(`deals.table.columns.${c.key}`)
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id} data-testid="deal-row" data-deal-id={d.id}>
                <Table.Td maw={280}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={500}
                    onClick={() => onOpen(d)}
                    style={{ textAlign: 'left', overflowWrap: 'anywhere' }}
                    data-testid="deal-row-title"
                  >
                    {d.title || t('deals.untitled')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {d.companyId ? (
                    <Anchor size="sm" href={hashForRecord('companies', d.companyId)}>
                      {d.companyName}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td>{d.stageName}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="deal-row-amount">
                  {d.amount.text}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="deal-row-home">
                  {d.amountHome ? d.amountHome.text : <Text span size="xs" c="orange.8">{t('deals.table.noRate')}</Text>}
                </Table.Td>
                <Table.Td ta="right">{t('deals.board.percent', { value: d.probability })}</Table.Td>
                <Table.Td c={isPastDue(d, today) ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(d.expectedClose, i18n.language)}
                </Table.Td>
                <Table.Td>{d.ownerName}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLORS[d.status]} data-testid="deal-row-status">
                    {t(`deals.status.${d.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {table.data && items.length === 0 && (
          <Center py="xl">
            <Text size="sm" c="dimmed" data-testid="deal-table-empty">
              {t('deals.table.empty')}
            </Text>
          </Center>
        )}
      </ScrollArea>
      {pages > 1 && (
        <Group justify="center" py="xs">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" data-testid="deal-table-pages" />
        </Group>
      )}
    </Box>
  );
}
