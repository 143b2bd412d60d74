import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Loader, Modal, NavLink, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useExportReport, useReport, useReportEvents, useReportList } from '../api/reportHooks';
import type { ReportSeries } from '../api/reportTypes';
import { useOwners } from '../api/selling';
import { usePipelines } from '../api/dealHooks';
import { toApiError } from '../api/errors';
import { errorText, notifySuccess } from '../lib/notify';
import { Chart } from './Chart';
import { chartIsEmpty, reportChartOption } from './chartOptions';
import { localToday } from './dateRange';
import { FilterBar } from './FilterBar';
import { ReportTable } from './ReportTable';
import { filtersFor, parseReportHash, reportHash, type ReportState } from './reportState';

/** The report state kept in location.hash; changes replace the hash without new history entries. */
function useReportState(): [ReportState, (patch: Partial<ReportState>) => void] {
  const [state, setState] = useState(() => parseReportHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setState(parseReportHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const update = useCallback((patch: Partial<ReportState>) => {
    setState((cur) => {
      const next = { ...cur, ...patch };
      window.history.replaceState(window.history.state, '', reportHash(next));
      return next;
    });
  }, []);
  return [state, update];
}

/** Translates a series name (data-named series keep their label). */
export function useSeriesName(): (s: ReportSeries) => string {
  const { t } = useTranslation();
  return useCallback((s: ReportSeries) => s.label || t(`reports.col.${s.key}`, { defaultValue: s.key }), [t]);
}

/** The reports area: the catalogue on the left, the selected report (filters, chart, table) on the right. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  useReportEvents();
  const [state, update] = useReportState();
  const list = useReportList();
  const owners = useOwners();
  const pipelines = usePipelines();
  const today = localToday();
  const catalogue = list.data ?? [];
  const info = catalogue.find((r) => r.name === state.report) ?? catalogue[0];
  const name = info?.name ?? '';
  const accepts = info?.filters ?? [];
  const filters = useMemo(() => filtersFor(state, today, accepts), [state, today, accepts]);
  const report = useReport(name, filters);
  const exporter = useExportReport();
  const seriesName = useSeriesName();
  const data = report.data;
  const option = useMemo(() => (data ? reportChartOption(data.chart, seriesName) : null), [data, seriesName, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = name ? t(`reports.names.${name}.title`, { defaultValue: name }) : '';

  // Keyboard: ↑/↓ in the list move to the previous/next report; Ctrl+E exports the one shown.
  const keys = useRef({ exportCSV: () => {}, canExport: false });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e' && keys.current.canExport) {
        e.preventDefault();
        keys.current.exportCSV();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const onListKey = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const i = catalogue.findIndex((r) => r.name === name);
    const next = catalogue[Math.min(catalogue.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    e.preventDefault();
    update({ report: next.name });
    document.querySelector<HTMLElement>(`[data-testid="report-${next.name}"]`)?.focus();
  };

  // Export: a small dialog with a path (as the contacts export has) and Browse… for the save dialog.
  const [exportOpen, setExportOpen] = useState(false);
  const [exportPath, setExportPath] = useState('');
  const [exportError, setExportError] = useState('');
  const openExport = () => {
    setExportError('');
    setExportOpen(true);
  };
  /** Writes the CSV to path, or asks where first when path is "". */
  const exportCSV = async (path: string) => {
    setExportError('');
    try {
      const written = await exporter.mutateAsync({ name, filters, path });
      if (!written) return; // the save dialog was cancelled
      setExportOpen(false);
      notifySuccess(t('reports.exported', { path: written }));
    } catch (e) {
      // A path the backend refused (relative, missing folder, no permission) gets its own words.
      setExportError(toApiError(e).field === 'path' ? t('reports.exportFailed') : errorText(e, t));
    }
  };

  keys.current = { exportCSV: openExport, canExport: !!data && !exporter.isPending };

  return (
    <Box h="100%" style={{ display: 'flex', minHeight: 0 }} data-testid="reports-page">
      <ScrollArea w={230} h="100%" type="auto" style={{ borderRight: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
        <Stack gap={2} p="xs" component="nav" aria-label={t('reports.listLabel')} onKeyDown={onListKey}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>
            {t('reports.listLabel')}
          </Text>
          {list.isPending && <Loader size="xs" m="sm" />}
          {list.isError && (
            <Text c="dimmed" size="sm" px="sm">
              {t('reports.error')}
            </Text>
          )}
          {catalogue.map((r) => (
            <NavLink
              key={r.name}
              component="a"
              href={reportHash({ ...state, report: r.name })}
              label={t(`reports.names.${r.name}.title`, { defaultValue: r.name })}
              active={r.name === name}
              aria-current={r.name === name ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                update({ report: r.name });
              }}
              data-testid={`report-${r.name}`}
              styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', paddingBlock: 6 } }}
            />
          ))}
        </Stack>
      </ScrollArea>
      <ScrollArea style={{ flex: 1 }} h="100%" type="auto">
        {info && (
          <Stack gap="md" p="lg" maw={1100}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Box>
                <Title order={2} size="h3" data-testid="report-title">
                  {title}
                </Title>
                <Text c="dimmed" size="sm">
                  {t(`reports.names.${name}.description`, { defaultValue: '' })}
                </Text>
              </Box>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDownload size={15} />}
                onClick={openExport}
                loading={exporter.isPending}
                disabled={!data}
                title={t('reports.exportHint')}
                data-testid="report-export"
              >
                {t('reports.export')}
              </Button>
            </Group>
            <FilterBar
              state={state}
              accepts={accepts}
              today={today}
              owners={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              pipelines={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={update}
            />
            {data && data.missingRates.length > 0 && (
              <Alert color="yellow" icon={<IconAlertTriangle size={16} />} data-testid="report-missing-rates">
                {t('reports.missingRates', { currencies: data.missingRates.join(', '), home: data.home })}
              </Alert>
            )}
            {report.isError && !data ? (
              <Text c="red" size="sm" data-testid="report-error">
                {errorText(report.error, t)}
              </Text>
            ) : !data || !option ? (
              <Loader size="sm" />
            ) : (
              <Box style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }} aria-busy={report.isFetching}>
                <Chart
                  option={option}
                  label={t('reports.chartLabel', { title })}
                  describedBy="report-table"
                  emptyText={chartIsEmpty(data.chart) ? t('reports.noChart') : undefined}
                  data-testid="report-chart"
                />
                {Object.keys(data.extra).length > 0 && (
                  <Group gap="xl" my="sm" data-testid="report-extra">
                    {Object.entries(data.extra).map(([k, c]) => (
                      <Box key={k}>
                        <Text size="xs" c="dimmed">
                          {t(`reports.extra.${k}`, { defaultValue: k })}
                        </Text>
                        <Text fw={600}>{c.text}</Text>
                      </Box>
                    ))}
                  </Group>
                )}
                <Box mt="md">
                  <ReportTable id="report-table" caption={title} columns={data.columns} rows={data.rows} total={data.total} />
                </Box>
              </Box>
            )}
          </Stack>
        )}
      </ScrollArea>
      <Modal opened={exportOpen} onClose={() => setExportOpen(false)} title={t('reports.exportTitle')} data-testid="report-export-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (exportPath.trim()) void exportCSV(exportPath.trim());
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('reports.exportPath')}
              placeholder={t('reports.exportPathHint')}
              value={exportPath}
              onChange={(e) => setExportPath(e.currentTarget.value)}
              error={exportError || undefined}
              data-autofocus
              data-testid="report-export-path"
            />
            <Group justify="space-between">
              <Button variant="default" onClick={() => void exportCSV('')} disabled={exporter.isPending} data-testid="report-export-browse">
                {t('reports.exportBrowse')}
              </Button>
              <Group gap="xs">
                <Button variant="default" onClick={() => setExportOpen(false)}>
                  {t('reports.exportCancel')}
                </Button>
                <Button type="submit" loading={exporter.isPending} disabled={!exportPath.trim()} data-testid="report-export-run">
                  {t('reports.exportRun')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Box>
  );
}
