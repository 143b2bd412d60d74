// ReportsService wrappers: the report catalogue, one run, the home dashboard and CSV export.
import { toActivity } from './activities';
import { invoke } from './backend';
import { raw } from './bindings';
import { occurrence, task } from './calendarNormalize';
import type { Money } from './sellingTypes';
import type {
  Dashboard,
  OverduePayment,
  Report,
  ReportCell,
  ReportChart,
  ReportColumn,
  ReportFilters,
  ReportInfo,
  ReportRow,
  ReportSeries,
} from './reportTypes';

const R = 'ReportsService';

// Go encodes nil slices as null; a malformed item becomes an empty value, never a throw.
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const list = <T>(v: unknown, f: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(f) : []);
const strings = (v: unknown): string[] => list(v, str);

export function toMoney(v: unknown): Money {
  const o = obj(v);
  return { minor: num(o.minor), currency: str(o.currency), text: str(o.text), decimal: str(o.decimal) };
}

export function toFilters(v: unknown): ReportFilters {
  const o = obj(v);
  return { from: str(o.from), to: str(o.to), ownerId: str(o.ownerId), pipelineId: str(o.pipelineId), period: str(o.period) };
}

function toInfo(v: unknown): ReportInfo {
  const o = obj(v);
  return { name: str(o.name), filters: strings(o.filters), chart: str(o.chart) };
}

function toCell(v: unknown): ReportCell {
  const o = obj(v);
  const c: ReportCell = { text: str(o.text), value: str(o.value) };
  if (o.currency) c.currency = str(o.currency);
  if (o.num) c.num = str(o.num);
  if (o.den) c.den = str(o.den);
  return c;
}

function toColumn(v: unknown): ReportColumn {
  const o = obj(v);
  return { key: str(o.key), kind: str(o.kind) || 'text', label: str(o.label) };
}

function toRow(v: unknown): ReportRow {
  const o = obj(v);
  return { id: str(o.id), cells: list(o.cells, toCell) };
}

function toSeries(v: unknown): ReportSeries {
  const o = obj(v);
  return { key: str(o.key), label: str(o.label), unit: str(o.unit), values: strings(o.values), texts: strings(o.texts) };
}

function toChart(v: unknown): ReportChart {
  const o = obj(v);
  return { kind: str(o.kind), categories: strings(o.categories), series: list(o.series, toSeries) };
}

/** Normalizes a ReportDTO. */
export function toReport(v: unknown): Report {
  const o = obj(v);
  const extra: Record<string, ReportCell> = {};
  for (const [k, c] of Object.entries(obj(o.extra))) extra[k] = toCell(c);
  return {
    name: str(o.name),
    filters: toFilters(o.filters),
    home: str(o.home),
    columns: list(o.columns, toColumn),
    rows: list(o.rows, toRow),
    total: o.total ? toRow(o.total) : null,
    chart: toChart(o.chart),
    missingRates: strings(o.missingRates),
    extra,
  };
}

function toOverduePayment(v: unknown): OverduePayment {
  const o = obj(v);
  return {
    orderId: str(o.orderId),
    number: str(o.number),
    customerName: str(o.customerName),
    companyId: str(o.companyId),
    contactId: str(o.contactId),
    dueDate: str(o.dueDate),
    daysOverdue: num(o.daysOverdue),
    amount: toMoney(o.amount),
  };
}

/** Normalizes a DashboardDTO. */
export function toDashboard(v: unknown): Dashboard {
  const o = obj(v);
  return {
    today: str(o.today),
    meetings: list(o.meetings, occurrence),
    tasks: list(o.tasks, task),
    overdueTasks: list(o.overdueTasks, task),
    overduePayments: list(o.overduePayments, toOverduePayment),
    pipeline: toReport(o.pipeline),
    forecast: toMoney(o.forecast),
    won: toMoney(o.won),
    missingRates: strings(o.missingRates),
    recent: list(o.recent, toActivity),
  };
}

/** The report catalogue, in menu order. */
export async function listReports(): Promise<ReportInfo[]> {
  return list(await invoke<unknown>(R, 'Reports', () => raw.reports.reports()), toInfo);
}

/** Runs one report. */
export async function runReport(name: string, filters: ReportFilters): Promise<Report> {
  return toReport(await invoke<unknown>(R, 'Run', () => raw.reports.run(name, filters)));
}

/** The home dashboard. */
export async function dashboard(): Promise<Dashboard> {
  return toDashboard(await invoke<unknown>(R, 'Dashboard', () => raw.reports.dashboard()));
}

/** Asks where to save the report as CSV and writes it; '' when the user cancelled. */
export async function exportReportCSV(name: string, filters: ReportFilters): Promise<string> {
  return str(await invoke<unknown>(R, 'ExportCSV', () => raw.reports.exportCSV(name, filters)));
}

/** Writes the report as CSV to path (a full file path), or asks where with the save dialog when path is "". Returns the path written, "" when cancelled. */
export async function saveReportCSV(name: string, filters: ReportFilters, path: string): Promise<string> {
  return str(await invoke<unknown>(R, 'SaveCSV', () => raw.reports.saveCSV(name, filters, path)));
}

/** The report as CSV text. */
export async function reportCSV(name: string, filters: ReportFilters): Promise<string> {
  return str(await invoke<unknown>(R, 'CSV', () => raw.reports.csv(name, filters)));
}

