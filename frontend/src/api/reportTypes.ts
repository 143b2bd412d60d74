// Reports and the home dashboard (issue 7): the DTOs of ReportsService, checked against the Go
// side in contract.ts.
import type { Activity } from './activityTypes';
import type { Occurrence, Task } from './calendarTypes';
import type { Money } from './sellingTypes';

/** Which filters a report takes. */
export type ReportFilterKind = 'range' | 'owner' | 'pipeline' | 'period';

/** Revenue buckets. */
export type ReportPeriod = 'day' | 'week' | 'month' | 'quarter';

/** Filters of one run; all optional ('' = the default / everyone / all pipelines). */
export interface ReportFilters {
  /** YYYY-MM-DD inclusive, in the user's zone. */
  from: string;
  to: string;
  ownerId: string;
  pipelineId: string;
  period: string;
}

/** One entry of the report catalogue. */
export interface ReportInfo {
  name: string;
  filters: string[];
  /** "bar" | "line" | "stacked" | "barline". */
  chart: string;
}

/** One cell: `text` is shown, `value` (plain, dot decimals) is what the CSV holds and sorting compares. */
export interface ReportCell {
  text: string;
  value: string;
  currency?: string;
  num?: string;
  den?: string;
}

/** A table column: `label` names data-named columns, otherwise `reports.col.<key>` is translated. */
export interface ReportColumn {
  key: string;
  /** "text"|"int"|"money"|"percent"|"number"|"date"|"month"|"currency". */
  kind: string;
  label: string;
}

export interface ReportRow {
  id: string;
  cells: ReportCell[];
}

/** One chart series: values are plain decimal strings parallel to the categories ('' = none). */
export interface ReportSeries {
  key: string;
  label: string;
  /** "count"|"money"|"percent"|"days"|"hours"|"score". */
  unit: string;
  values: string[];
  texts: string[];
}

export interface ReportChart {
  kind: string;
  categories: string[];
  series: ReportSeries[];
}

/** One run of a report. */
export interface Report {
  name: string;
  filters: ReportFilters;
  home: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  total: ReportRow | null;
  chart: ReportChart;
  missingRates: string[];
  extra: Record<string, ReportCell>;
}

/** An unpaid order past its due date. */
export interface OverduePayment {
  orderId: string;
  number: string;
  customerName: string;
  companyId: string;
  contactId: string;
  dueDate: string;
  daysOverdue: number;
  amount: Money;
}

/** The home page, for today in the user's zone. */
export interface Dashboard {
  today: string;
  meetings: Occurrence[];
  tasks: Task[];
  overdueTasks: Task[];
  overduePayments: OverduePayment[];
  pipeline: Report;
  forecast: Money;
  won: Money;
  missingRates: string[];
  recent: Activity[];
}
