import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TasksPage } from './TasksPage';
import { renderWithProviders } from '../test/render';
import { calendarInfo, task } from '../test/calendarFixtures';
import * as tasksApi from '../api/tasks';
import * as calendarApi from '../api/calendar';
import type { Task, TaskQuery } from '../api/calendarTypes';

vi.mock('../api/tasks', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/tasks')>()),
  listTasks: vi.fn(),
  createTask: vi.fn(),
  completeTask: vi.fn(),
  deleteTask: vi.fn(),
  restoreTask: vi.fn(),
  updateTask: vi.fn(),
}));
vi.mock('../api/calendar', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/calendar')>()),
  listCalendars: vi.fn(),
  getUserZone: vi.fn(),
}));
const api = vi.mocked(tasksApi);
const cal = vi.mocked(calendarApi);

const overdue = task({ id: 't1', title: 'Send <i>quote</i>', due: '2026-02-20', dueAt: '', allDay: true, overdue: true, priority: 1 });
const today = task({ id: 't2', title: 'Call Ada back', priority: 5, version: 7 });
let lists: Record<string, Task[]> = {};

beforeEach(() => {
  vi.clearAllMocks();
  lists = { today: [overdue, today], overdue: [overdue], all: [overdue, today, task({ id: 't3', title: 'Later', due: '' })], upcoming: [], done: [] };
  api.listTasks.mockImplementation(async (q: TaskQuery) => lists[q.list]);
  api.completeTask.mockImplementation(async (id, version, done) => {
    // The backend keeps the finished task in today's list (ticked) until the day is over.
    const status = done ? 'completed' : 'needs-action';
    for (const k of Object.keys(lists)) lists[k] = lists[k].map((x) => (x.id === id ? { ...x, status, version: version + 1 } : x));
    return { ...today, id, version: version + 1, status };
  });
  api.createTask.mockImplementation(async (input) => ({ ...today, id: 'new', ...input }));
  api.deleteTask.mockResolvedValue();
  api.restoreTask.mockResolvedValue();
  cal.listCalendars.mockResolvedValue([calendarInfo({ id: 'cal9', isDefault: true })]);
  cal.getUserZone.mockResolvedValue('Europe/Berlin');
});

const rows = () => screen.getAllByTestId('task-row');

describe('TasksPage', () => {
  it('lists today with the overdue task in red and counts in the list names', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(api.listTasks).toHaveBeenCalledWith({ list: 'today' });
    const [first, second] = rows();
    expect(first).toHaveAttribute('data-overdue', 'true');
    expect(within(first).getByTestId('task-title-link')).toHaveTextContent('Send <i>quote</i>');
    expect(within(first).getByTestId('task-due')).toHaveStyle({ color: 'var(--mantine-color-red-text)' });
    expect(within(first).getByTestId('task-priority-flag')).toHaveAttribute('data-priority', 'high');
    expect(second).toHaveAttribute('data-overdue', 'false');
    expect(within(second).getByTestId('task-contact-link')).toHaveAttribute('href', '#/contacts?id=c1');
    expect(await screen.findByTestId('task-count-overdue')).toHaveTextContent('1');
  });

  it('switches lists', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByTestId('task-list-all'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('task-list-title')).toHaveTextContent('All');
    fireEvent.click(screen.getByTestId('task-list-done'));
    expect(await screen.findByTestId('task-empty')).toHaveTextContent('No finished tasks yet.');
  });

  it('completes a task from its checkbox', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const box = within(rows()[1]).getByTestId('task-complete');
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    await waitFor(() => expect(api.completeTask).toHaveBeenCalledWith('t2', 7, true));
    expect(rows()[1]).toHaveAttribute('data-done', 'true');
  });

  it('completes the selected task with Space and opens it with Enter', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    expect(rows()[1]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(window, { key: ' ' });
    await waitFor(() => expect(api.completeTask).toHaveBeenCalledWith('t2', 7, true));
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(await screen.findByTestId('task-editor')).toBeInTheDocument();
    expect(screen.getByTestId('task-title')).toHaveValue('Call Ada back');
  });

  it('focuses the quick-add row with N and adds a task due today', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.keyDown(window, { key: 'n' });
    const input = screen.getByTestId('task-quick-title');
    expect(input).toHaveFocus();
    fireEvent.change(input, { target: { value: 'Order samples' } });
    fireEvent.click(screen.getByTestId('task-quick-submit'));
    await waitFor(() => expect(api.createTask).toHaveBeenCalledTimes(1));
    const sent = api.createTask.mock.calls[0][0];
    expect(sent).toMatchObject({ title: 'Order samples', calendarId: 'cal9', timeZone: '' });
    expect(sent.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(() => expect(input).toHaveValue(''));
  });

  it('deletes from the editor and restores through Undo', async () => {
    renderWithProviders(<TasksPage />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(rows()[1]).getByTestId('task-title-link'));
    fireEvent.click(await screen.findByTestId('task-delete'));
    await waitFor(() => expect(api.deleteTask).toHaveBeenCalledWith('t2', 7));
    fireEvent.click(await screen.findByTestId('task-undo'));
    await waitFor(() => expect(api.restoreTask).toHaveBeenCalledWith('t2'));
  });

  it('opens the task a link names (#/tasks?id=…) in the All list', async () => {
    window.location.hash = '#/tasks?id=t3';
    renderWithProviders(<TasksPage />);
    expect(await screen.findByTestId('task-editor')).toBeInTheDocument();
    expect(screen.getByTestId('task-title')).toHaveValue('Later');
    expect(screen.getByTestId('task-list-title')).toHaveTextContent('All');
    expect(window.location.hash).toBe('#/tasks');
  });
});
