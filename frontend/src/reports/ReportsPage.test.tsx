import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { pipelineReport } from '../test/reportData';
import * as reports from '../api/reports';
import type { ReportFilters } from '../api/reportTypes';
import { ReportsPage } from './ReportsPage';

vi.mock('../api/reports', () => ({ listReports: vi.fn(), runReport: vi.fn(), saveReportCSV: vi.fn() }));
vi.mock('../api/events', () => ({ onEvent: vi.fn(() => () => {}) }));
vi.mock('../api/selling', () => ({ useOwners: () => ({ data: [{ id: 'o1', name: 'Ann Owner', email: '', isMe: true }] }) }));
vi.mock('../api/dealHooks', () => ({ usePipelines: () => ({ data: [{ id: 'p1', name: 'Sales', position: 0, stages: [] }] }) }));
vi.mock('./Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const api = vi.mocked(reports);

beforeEach(() => {
  vi.clearAllMocks();
  // Only Date is fixed ("today" is 14 May 2026); timers stay real for the query client.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 4, 14, 10, 0));
  window.history.replaceState(null, '', '#/reports');
  api.listReports.mockResolvedValue([
    { name: 'pipeline_by_stage', filters: ['owner', 'pipeline'], chart: 'bar' },
    { name: 'win_rate', filters: ['range', 'owner', 'pipeline'], chart: 'bar' },
  ]);
  api.runReport.mockImplementation(async (name: string, filters: ReportFilters) => ({ ...pipelineReport, name, filters }));
});

afterEach(() => {
  vi.useRealTimers();
});

const lastFilters = () => api.runReport.mock.calls.at(-1)?.[1];

describe('ReportsPage', () => {
  it('opens the first report, and a preset sends its dates and lands in the hash', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderWithProviders(<ReportsPage />);
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Pipeline by stage');
    await waitFor(() => expect(api.runReport).toHaveBeenCalledWith('pipeline_by_stage', { from: '', to: '', ownerId: '', pipelineId: '', period: '' }));
    // The pipeline report has no date range.
    expect(screen.queryByTestId('report-preset')).toBeNull();
    expect(await screen.findAllByTestId('report-row')).toHaveLength(2);

    await user.click(screen.getByTestId('report-win_rate'));
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Win rate');
    // Last 12 months by default: 1 June 2025 to today.
    await waitFor(() => expect(lastFilters()).toEqual({ from: '2025-06-01', to: '2026-05-14', ownerId: '', pipelineId: '', period: '' }));
    expect(window.location.hash).toBe('#/reports/win_rate');

    await user.click(screen.getByTestId('report-preset'));
    await user.click(await screen.findByRole('option', { name: 'Last month' }));
    await waitFor(() => expect(lastFilters()).toEqual({ from: '2026-04-01', to: '2026-04-30', ownerId: '', pipelineId: '', period: '' }));
    expect(window.location.hash).toBe('#/reports/win_rate?range=lastMonth');

    await user.click(screen.getByTestId('report-owner'));
    await user.click(await screen.findByRole('option', { name: 'Ann Owner' }));
    await waitFor(() => expect(lastFilters()?.ownerId).toBe('o1'));
    expect(window.location.hash).toBe('#/reports/win_rate?range=lastMonth&owner=o1');
  });

  it('reopens a report from the hash, moves with the arrow keys and exports with Ctrl+E', async () => {
    window.history.replaceState(null, '', '#/reports/win_rate?range=custom&from=2026-01-05&to=2026-02-10&pipeline=p1');
    api.saveReportCSV.mockImplementation(async (_n, _f, path) => {
      if (path.startsWith('/nope/')) throw { code: 'file_unreadable', field: 'path', message: 'cannot write /nope/win.csv' };
      return path;
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    renderWithProviders(<ReportsPage />);
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Win rate');
    await waitFor(() => expect(lastFilters()).toEqual({ from: '2026-01-05', to: '2026-02-10', ownerId: '', pipelineId: 'p1', period: '' }));
    await screen.findAllByTestId('report-row');

    // Ctrl+E opens the export dialog; a path that cannot be written says why and keeps it open.
    await user.keyboard('{Control>}e{/Control}');
    const path = await screen.findByTestId('report-export-path');
    expect(screen.getByTestId('report-export-run')).toBeDisabled();
    await user.type(path, '/nope/win.csv{Enter}');
    expect(await screen.findByText(/This file cannot be written/)).toBeInTheDocument();
    await user.clear(path);
    await user.type(path, '/tmp/win.csv');
    await user.click(screen.getByTestId('report-export-run'));
    await waitFor(() => expect(api.saveReportCSV).toHaveBeenLastCalledWith('win_rate', { from: '2026-01-05', to: '2026-02-10', ownerId: '', pipelineId: 'p1', period: '' }, '/tmp/win.csv'));
    expect(await screen.findByText('Saved /tmp/win.csv')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('report-export-path')).not.toBeInTheDocument());

    screen.getByTestId('report-win_rate').focus();
    await user.keyboard('{ArrowUp}');
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Pipeline by stage');
    expect(screen.getByTestId('report-pipeline_by_stage')).toHaveFocus();
  });
});
