import { useMemo, type ReactNode } from 'react';
import { Alert, Anchor, Box, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconCash, IconChecklist, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDashboard, useReportEvents } from '../api/reportHooks';
import type { Dashboard } from '../api/reportTypes';
import type { Occurrence, Task } from '../api/calendarTypes';
import { useFormat } from '../lib/format';
import { errorText } from '../lib/notify';
import { Chart } from '../reports/Chart';
import { chartIsEmpty, forecastWonOption, reportChartOption } from '../reports/chartOptions';
import { useSeriesName } from '../reports/ReportsPage';
import { reportHash, EMPTY_STATE } from '../reports/reportState';
import { hashForRecord } from '../shell/hashParams';
import { KIND_COLORS, KIND_ICONS } from '../timeline/kinds';

/** The hash that opens one occurrence of a meeting in the calendar. */
export function meetingHash(o: Occurrence): string {
  const p = new URLSearchParams({ event: o.eventId });
  if (o.recurrenceId) p.set('rid', o.recurrenceId);
  if (o.start) p.set('at', o.start);
  return `#/calendar?${p.toString()}`;
}

function Card({ title, children, testId, action }: { title: string; children: ReactNode; testId: string; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Stat({ label, value, icon, color, href, testId }: { label: string; value: string; icon: ReactNode; color: string; href: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="a" href={href} data-testid={testId} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group wrap="nowrap" gap="sm">
        <ThemeIcon size={38} radius="md" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Box>
          <Text size="xl" fw={700} lh={1.1} data-testid={`${testId}-value`}>
            {value}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Box>
      </Group>
    </Paper>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Rows shown per overdue list; the rest are behind a "more" link. */
const OVERDUE_ROWS = 5;

function More({ count, href, testId }: { count: number; href: string; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (count <= 0) return null;
  return (
    <Anchor size="xs" href={href} px={6} data-testid={testId}>
      {t('dashboard.more', { count, n: fmt.number(count) })}
    </Anchor>
  );
}

function Row({ href, primary, secondary, testId, tone }: { href: string; primary: string; secondary: string; testId: string; tone?: string }) {
  return (
    <UnstyledButton component="a" href={href} data-testid={testId} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-sm)', display: 'block' }} className="fb-dash-row">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" truncate="end" style={{ minWidth: 0 }} data-testid="dash-row-title">
          {primary}
        </Text>
        <Text size="xs" c={tone ?? 'dimmed'} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
          {secondary}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOf(iso: string, lng: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let f = timeFormats.get(lng);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { timeStyle: 'short' });
    timeFormats.set(lng, f);
  }
  return f.format(d);
}

/** A task's title and who it is about (unless the title names them already). */
export function taskName(task: Task): string {
  const who = task.contactName || task.companyName;
  return who && !task.title.includes(who) ? `${task.title} · ${who}` : task.title;
}

/** The dashboard's content for one loaded DashboardDTO. */
export function DashboardView({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seriesName = useSeriesName();
  const pipelineChart = useMemo(() => {
    // The dashboard shows the weighted and total amounts only (counts are in the table of the report).
    const chart = { ...data.pipeline.chart, series: data.pipeline.chart.series.filter((s) => s.unit === 'money') };
    return { chart, option: reportChartOption(chart, seriesName) };
  }, [data.pipeline.chart, seriesName]);
  const forecastOption = useMemo(
    () => forecastWonOption(data.forecast, data.won, { forecast: t('dashboard.forecast'), won: t('dashboard.won') }),
    [data.forecast, data.won, t],
  );
  const n = (x: number) => fmt.number(x);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Stat testId="stat-meetings" label={t('dashboard.stats.meetings')} value={n(data.meetings.length)} icon={<IconCalendarEvent size={20} />} color="blue" href="#/calendar" />
        <Stat testId="stat-tasks" label={t('dashboard.stats.tasks')} value={n(data.tasks.length)} icon={<IconChecklist size={20} />} color="teal" href="#/tasks" />
        <Stat
          testId="stat-overdue-tasks"
          label={t('dashboard.stats.overdueTasks')}
          value={n(data.overdueTasks.length)}
          icon={<IconClockExclamation size={20} />}
          color={data.overdueTasks.length ? 'red' : 'gray'}
          href="#/tasks"
        />
        <Stat
          testId="stat-overdue-payments"
          label={t('dashboard.stats.overduePayments')}
          value={n(data.overduePayments.length)}
          icon={<IconCash size={20} />}
          color={data.overduePayments.length ? 'orange' : 'gray'}
          href="#/orders"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card title={t('dashboard.today')} testId="card-today">
          <Stack gap={2}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('dashboard.meetings')}
            </Text>
            {data.meetings.length === 0 ? (
              <Empty>{t('dashboard.noMeetings')}</Empty>
            ) : (
              data.meetings.map((m) => (
                <Row
                  key={`${m.eventId}-${m.recurrenceId}`}
                  testId="dash-meeting"
                  href={meetingHash(m)}
                  primary={m.title || t('dashboard.untitled')}
                  secondary={m.allDay ? t('dashboard.allDay') : `${timeOf(m.start, fmt.lng)}–${timeOf(m.end, fmt.lng)}`}
                />
              ))
            )}
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="xs">
              {t('dashboard.tasks')}
            </Text>
            {data.tasks.length === 0 ? (
              <Empty>{t('dashboard.noTasks')}</Empty>
            ) : (
              data.tasks.map((task) => (
                <Row
                  key={task.id}
                  testId="dash-task"
                  href={hashForRecord('tasks', task.id)}
                  primary={taskName(task)}
                  secondary={task.allDay || !task.dueAt ? '' : timeOf(task.dueAt, fmt.lng)}
                />
              ))
            )}
          </Stack>
        </Card>

        <Card title={t('dashboard.overdue')} testId="card-overdue">
          <Stack gap={2}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('dashboard.overdueTasks')}
            </Text>
            {data.overdueTasks.length === 0 ? (
              <Empty>{t('dashboard.noOverdueTasks')}</Empty>
            ) : (
              data.overdueTasks.slice(0, OVERDUE_ROWS).map((task) => (
                <Row
                  key={task.id}
                  testId="dash-overdue-task"
                  href={hashForRecord('tasks', task.id)}
                  primary={taskName(task)}
                  secondary={fmt.relative(task.dueAt || task.due)}
                  tone="red"
                />
              ))
            )}
            <More count={data.overdueTasks.length - OVERDUE_ROWS} href="#/tasks" testId="dash-more-tasks" />
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="xs">
              {t('dashboard.overduePayments')}
            </Text>
            {data.overduePayments.length === 0 ? (
              <Empty>{t('dashboard.noOverduePayments')}</Empty>
            ) : (
              data.overduePayments.slice(0, OVERDUE_ROWS).map((p) => (
                <Row
                  key={p.orderId}
                  testId="dash-overdue-payment"
                  href={p.companyId ? hashForRecord('companies', p.companyId) : p.contactId ? hashForRecord('contacts', p.contactId) : '#/orders'}
                  primary={[p.number, p.customerName].filter(Boolean).join(' · ')}
                  secondary={`${p.amount.text} · ${t('dashboard.daysOverdue', { count: p.daysOverdue, n: n(p.daysOverdue) })}`}
                  tone="orange"
                />
              ))
            )}
            <More count={data.overduePayments.length - OVERDUE_ROWS} href="#/orders" testId="dash-more-payments" />
          </Stack>
        </Card>

        <Card
          title={t('dashboard.pipeline')}
          testId="card-pipeline"
          action={
            <Anchor size="xs" href={reportHash({ ...EMPTY_STATE, report: 'pipeline_by_stage' })}>
              {t('dashboard.openReport')}
            </Anchor>
          }
        >
          <Chart
            option={pipelineChart.option}
            label={t('dashboard.pipelineLabel')}
            height={220}
            emptyText={chartIsEmpty(pipelineChart.chart) ? t('dashboard.noPipeline') : undefined}
            data-testid="dash-pipeline-chart"
          />
          {data.pipeline.total && (
            <Text size="xs" c="dimmed" mt={4} data-testid="dash-pipeline-total">
              {t('dashboard.pipelineTotal', {
                count: Number(data.pipeline.total.cells[2]?.value || 0),
                n: data.pipeline.total.cells[2]?.text ?? '',
                total: data.pipeline.total.cells[3]?.text ?? '',
                weighted: data.pipeline.total.cells[4]?.text ?? '',
              })}
            </Text>
          )}
        </Card>

        <Card
          title={t('dashboard.forecastVsWon')}
          testId="card-forecast"
          action={
            <Anchor size="xs" href={reportHash({ ...EMPTY_STATE, report: 'forecast' })}>
              {t('dashboard.openReport')}
            </Anchor>
          }
        >
          <Chart option={forecastOption} label={t('dashboard.forecastLabel', { forecast: data.forecast.text, won: data.won.text })} height={120} data-testid="dash-forecast-chart" />
          <Group gap="xl" mt="xs">
            <Box>
              <Text size="xs" c="dimmed">
                {t('dashboard.forecast')}
              </Text>
              <Text fw={700} data-testid="dash-forecast">
                {data.forecast.text}
              </Text>
            </Box>
            <Box>
              <Text size="xs" c="dimmed">
                {t('dashboard.won')}
              </Text>
              <Text fw={700} data-testid="dash-won">
                {data.won.text}
              </Text>
            </Box>
          </Group>
          {data.missingRates.length > 0 && (
            <Alert mt="xs" p="xs" color="yellow" icon={<IconAlertTriangle size={14} />}>
              <Text size="xs">{t('reports.missingRates', { currencies: data.missingRates.join(', '), home: data.forecast.currency })}</Text>
            </Alert>
          )}
        </Card>
      </SimpleGrid>

      <Card
        title={t('dashboard.recent')}
        testId="card-recent"
        action={
          <Anchor size="xs" href="#/timeline">
            {t('dashboard.allActivity')}
          </Anchor>
        }
      >
        {data.recent.length === 0 ? (
          <Empty>{t('dashboard.noRecent')}</Empty>
        ) : (
          <Stack gap={2}>
            {data.recent.map((a) => {
              const Icon = KIND_ICONS[a.kind];
              const href = a.contactId ? hashForRecord('contacts', a.contactId) : a.companyId ? hashForRecord('companies', a.companyId) : '#/timeline';
              return (
                <UnstyledButton key={a.id} component="a" href={href} px={6} py={4} className="fb-dash-row" style={{ borderRadius: 'var(--mantine-radius-sm)' }} data-testid="dash-activity">
                  <Group wrap="nowrap" gap="sm">
                    <ThemeIcon variant="light" color={KIND_COLORS[a.kind]} radius="xl" size={24} aria-label={t(`timeline.kinds.${a.kind}`)}>
                      <Icon size={14} />
                    </ThemeIcon>
                    <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
                      {[a.subject || t(`timeline.kinds.${a.kind}`), a.contactName || a.companyName].filter(Boolean).join(' · ')}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {fmt.relative(a.occurredAt)}
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

/** The home dashboard: today, overdue items, pipeline, forecast vs won, recent activity. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  useReportEvents();
  const dash = useDashboard();
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="lg" maw={1200} data-testid="dashboard-page">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('dashboard.title')}
          </Title>
          {dash.data?.today && (
            <Text c="dimmed" size="sm" data-testid="dashboard-today">
              {longDay(dash.data.today, i18n.language)}
            </Text>
          )}
        </Group>
        {dash.isPending ? (
          <Loader size="sm" />
        ) : dash.isError && !dash.data ? (
          <Text c="red" size="sm" data-testid="dashboard-error">
            {errorText(dash.error, t)}
          </Text>
        ) : (
          dash.data && <DashboardView data={dash.data} />
        )}
      </Stack>
    </ScrollArea>
  );
}

/** A YYYY-MM-DD day written in full for the UI language ("Monday, 23 November 2026"). */
export function longDay(day: string, lng: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}
