import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { dashboardData } from '../test/reportData';
import * as reports from '../api/reports';
import * as events from '../api/events';
import { DashboardPage, meetingHash } from './DashboardPage';
import i18n from '../i18n';

vi.mock('../api/reports', () => ({ dashboard: vi.fn() }));
vi.mock('../api/events', () => ({ onEvent: vi.fn() }));
vi.mock('../reports/Chart', () => ({
  Chart: ({ label, emptyText }: { label: string; emptyText?: string }) => (emptyText ? <p>{emptyText}</p> : <div role="img" aria-label={label} />),
}));

const api = { reports: vi.mocked(reports), events: vi.mocked(events) };
let listeners: Record<string, (() => void)[]>;

beforeEach(() => {
  vi.clearAllMocks();
  listeners = {};
  api.events.onEvent.mockImplementation((name, cb) => {
    (listeners[name] ??= []).push(cb as () => void);
    return () => {};
  });
  api.reports.dashboard.mockResolvedValue(dashboardData);
});

describe('DashboardPage', () => {
  it('shows the counts, today, overdue items and forecast vs won from the backend', async () => {
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByTestId('stat-meetings-value')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-tasks-value')).toHaveTextContent('2');
    expect(screen.getByTestId('stat-overdue-tasks-value')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-overdue-payments-value')).toHaveTextContent('1');
    // Record data is text: the "<Acme>" of the title is shown, not parsed.
    const meeting = screen.getByTestId('dash-meeting');
    expect(meeting).toHaveTextContent('Review with <Acme>');
    expect(meeting).toHaveAttribute('href', meetingHash(dashboardData.meetings[0]));
    const tasks = screen.getAllByTestId('dash-task');
    expect(tasks.map((a) => a.textContent)).toEqual(['Call Ann · Ann Lee', 'Send quote']);
    expect(tasks[0]).toHaveAttribute('href', '#/tasks?id=t1');
    const pay = screen.getByTestId('dash-overdue-payment');
    expect(pay).toHaveTextContent('SO-7 · Acme Ltd');
    expect(pay).toHaveTextContent('$250.00 · 10 days late');
    expect(pay).toHaveAttribute('href', '#/companies?id=co1');
    expect(screen.getByTestId('dash-forecast')).toHaveTextContent('$5,090.00');
    expect(screen.getByTestId('dash-won')).toHaveTextContent('$1,200.00');
    expect(screen.getByTestId('dash-pipeline-total')).toHaveTextContent('3 open deals · $10,900.00 · weighted $5,090.00');
    expect(within(screen.getByTestId('card-forecast')).getByText(/No exchange rate into USD for EUR/)).toBeInTheDocument();
    expect(screen.getByTestId('card-recent')).toHaveTextContent('Nothing logged yet.');
  });

  it('reloads when deals, orders, tasks or the calendar change', async () => {
    renderWithProviders(<DashboardPage />);
    await screen.findByTestId('stat-tasks-value');
    expect(api.reports.dashboard).toHaveBeenCalledTimes(1);
    api.reports.dashboard.mockResolvedValue({ ...dashboardData, tasks: [] });
    for (const e of ['deals:changed', 'orders:changed', 'tasks:changed', 'calendar:changed', 'activities:changed']) {
      expect(listeners[e]?.length, e).toBeGreaterThan(0);
    }
    act(() => listeners['tasks:changed'].forEach((cb) => cb()));
    await vi.waitFor(() => expect(screen.getByTestId('stat-tasks-value')).toHaveTextContent('0'));
  });

  it('writes counts in Bengali digits in Bengali', async () => {
    renderWithProviders(<DashboardPage />);
    await screen.findByTestId('stat-tasks-value');
    await act(async () => {
      await i18n.changeLanguage('bn');
    });
    expect(screen.getByTestId('stat-tasks-value')).toHaveTextContent('২');
    expect(screen.getByTestId('dash-overdue-payment')).toHaveTextContent('১০ দিন দেরি');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
  });

  it('links a meeting occurrence to the calendar with its recurrence id', () => {
    expect(meetingHash(dashboardData.meetings[0])).toBe('#/calendar?event=e1&rid=2026-11-23T09%3A00%3A00&at=2026-11-23T09%3A00%3A00Z');
  });
});
