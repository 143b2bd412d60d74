import { useMemo, useState } from 'react';
import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportColumn, ReportRow } from '../api/reportTypes';
import { nextSort, sortRows, type SortState } from './sortRows';

const RIGHT = new Set(['int', 'money', 'percent', 'number']);

/** A column's heading: its data label (an owner, a kind) or the translated key. */
export function useColumnTitle(): (c: ReportColumn) => string {
  const { t } = useTranslation();
  return (c) => c.label || t(`reports.col.${c.key}`, { defaultValue: c.key });
}

export interface ReportTableProps {
  id?: string;
  caption: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  total: ReportRow | null;
}

/**
 * The table under a report's chart: the backend's formatted cells, sortable by a click on a
 * heading (ascending, descending, off); the totals row stays at the bottom.
 */
export function ReportTable({ id, caption, columns, rows, total }: ReportTableProps) {
  const { t, i18n } = useTranslation();
  const title = useColumnTitle();
  const [sort, setSort] = useState<SortState | null>(null);
  const sorted = useMemo(() => sortRows(rows, columns, sort, i18n.language), [rows, columns, sort, i18n.language]);

  return (
    <Table id={id} aria-label={caption} striped highlightOnHover withTableBorder stickyHeader data-testid="report-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => {
            const dir = sort?.column === i ? sort.dir : null;
            const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconArrowsSort;
            return (
              <Table.Th
                key={`${c.key}-${i}`}
                ta={RIGHT.has(c.kind) ? 'right' : 'left'}
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              >
                <UnstyledButton
                  onClick={() => setSort((s) => nextSort(s, i))}
                  fz="sm"
                  fw={600}
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                  title={t('reports.sortBy', { column: title(c) })}
                  data-testid={`sort-${c.key}`}
                >
                  {title(c)}
                  <Icon size={13} stroke={1.6} opacity={dir ? 1 : 0.4} aria-hidden />
                </UnstyledButton>
              </Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={Math.max(columns.length, 1)}>
              <Text c="dimmed" size="sm" data-testid="report-empty">
                {t('reports.noRows')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : (
          sorted.map((r, ri) => (
            <Table.Tr key={`${r.id}-${ri}`} data-testid="report-row">
              {columns.map((c, i) => (
                <Table.Td key={i} ta={RIGHT.has(c.kind) ? 'right' : 'left'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.cells[i]?.text ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
      {total && (
        <Table.Tfoot>
          <Table.Tr data-testid="report-total" fw={600}>
            {columns.map((c, i) => (
              <Table.Td key={i} ta={RIGHT.has(c.kind) ? 'right' : 'left'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {i === 0 && !total.cells[0]?.text ? t('reports.total') : (total.cells[i]?.text ?? '')}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
}
