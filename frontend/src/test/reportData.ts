// Test data for the dashboard and reports (shaped like ReportsService's DTOs after normalizing).
import type { Dashboard, Report } from '../api/reportTypes';
import type { Task } from '../api/calendarTypes';
import type { Money } from '../api/sellingTypes';

export const money = (decimal: string, text: string, currency = 'USD'): Money => ({ minor: 0, currency, text, decimal });

export function task(id: string, title: string, patch: Partial<Task> = {}): Task {
  return {
    id, version: 1, calendarId: 'cal', title, notes: '', due: '', start: '', dueAt: '', allDay: true, timeZone: '', priority: 0,
    status: 'needs-action', percentComplete: 0, rrule: '', reminders: [], categories: [], contactId: '', companyId: '', dealId: '',
    completedAt: '', contactName: '', companyName: '', overdue: false, ...patch,
  };
}

export const pipelineReport: Report = {
  name: 'pipeline_by_stage',
  filters: { from: '', to: '', ownerId: '', pipelineId: '', period: '' },
  home: 'USD',
  columns: [
    { key: 'stage', kind: 'text', label: '' },
    { key: 'probability', kind: 'percent', label: '' },
    { key: 'count', kind: 'int', label: '' },
    { key: 'total', kind: 'money', label: '' },
    { key: 'weighted', kind: 'money', label: '' },
  ],
  rows: [
    { id: 's1', cells: [{ text: 'Qualified', value: 'Qualified' }, { text: '10%', value: '0.1000' }, { text: '2', value: '2' }, { text: '$900.00', value: '900.00' }, { text: '$90.00', value: '90.00' }] },
    { id: 's2', cells: [{ text: 'Proposal', value: 'Proposal' }, { text: '50%', value: '0.5000' }, { text: '1', value: '1' }, { text: '$10,000.00', value: '10000.00' }, { text: '$5,000.00', value: '5000.00' }] },
  ],
  total: { id: '', cells: [{ text: '', value: '' }, { text: '', value: '' }, { text: '3', value: '3' }, { text: '$10,900.00', value: '10900.00' }, { text: '$5,090.00', value: '5090.00' }] },
  chart: {
    kind: 'bar',
    categories: ['Qualified', 'Proposal'],
    series: [
      { key: 'count', label: '', unit: 'count', values: ['2', '1'], texts: ['2', '1'] },
      { key: 'weighted', label: '', unit: 'money', values: ['90.00', '5000.00'], texts: ['$90.00', '$5,000.00'] },
    ],
  },
  missingRates: [],
  extra: {},
};

export const dashboardData: Dashboard = {
  today: '2026-11-23',
  meetings: [
    {
      eventId: 'e1', calendarId: 'c', color: '', title: 'Review with <Acme>', location: '', start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z',
      allDay: false, startLocal: '', endLocal: '', timeZone: '', recurring: true, recurrenceId: '2026-11-23T09:00:00',
      busy: 'busy', private: false, status: '', attendeeCount: 0, version: 1,
    },
  ],
  tasks: [task('t1', 'Call Ann', { contactName: 'Ann Lee' }), task('t2', 'Send quote')],
  overdueTasks: [task('t3', 'Chase invoice', { overdue: true, due: '2026-11-20' })],
  overduePayments: [
    { orderId: 'o1', number: 'SO-7', customerName: 'Acme Ltd', companyId: 'co1', contactId: '', dueDate: '2026-11-13', daysOverdue: 10, amount: money('250.00', '$250.00') },
  ],
  pipeline: pipelineReport,
  forecast: money('5090.00', '$5,090.00'),
  won: money('1200.00', '$1,200.00'),
  missingRates: ['EUR'],
  recent: [],
};
