import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import * as care from '../api/care';
import type { Case } from '../api/careTypes';
import { CasesPage } from './CasesPage';

vi.mock('../api/care', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/care')>()),
  listCases: vi.fn(),
  caseStatsFor: vi.fn(),
  openCase: vi.fn(),
  resolveCase: vi.fn(),
  reopenCase: vi.fn(),
  getCase: vi.fn(),
}));
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  useOwners: () => ({ data: [{ id: 'me', name: 'Mina', email: '', isMe: true }, { id: 'bo', name: 'Bo', email: '', isMe: false }] }),
  useMe: () => ({ data: { id: 'me', name: 'Mina', email: '', isMe: true } }),
}));
const api = vi.mocked(care);

function kase(patch: Partial<Case>): Case {
  return {
    id: 'k1',
    number: 'C-2026-0001',
    version: 3,
    subject: 'Login <i>fails</i>',
    description: '',
    contactId: 'c1',
    contactName: 'Ann Bee',
    companyId: 'co1',
    companyName: 'Acme',
    priority: 'high',
    status: 'open',
    ownerId: 'me',
    openedAt: '2026-11-20T10:00:00.000Z',
    resolvedAt: '',
    resolutionMinutes: -1,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...patch,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  api.listCases.mockResolvedValue({
    items: [kase({}), kase({ id: 'k2', number: 'C-2026-0002', status: 'resolved', resolvedAt: '2026-11-20T12:30:00.000Z', resolutionMinutes: 150 })],
    total: 2,
    offset: 0,
  });
  api.caseStatsFor.mockResolvedValue({
    resolved: 4,
    meanHours: 5.5,
    medianHours: 3,
    open: 2,
    pending: 1,
    backlog: [{ priority: 'urgent', count: 1 }],
  });
});

describe('CasesPage', () => {
  it('lists the cases with their resolution time and the backlog, filtering open and pending by default', async () => {
    renderWithProviders(<CasesPage />);
    const rows = await screen.findAllByTestId('case-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Login <i>fails</i>');
    expect(within(rows[1]).getByTestId('case-row-resolution')).toHaveTextContent('2 h 30 min');
    expect(within(rows[0]).getByTestId('case-row-resolution')).toHaveTextContent('');
    expect(await screen.findByTestId('case-stats')).toHaveTextContent('3 open cases (1 pending) · Resolved in the last 30 days: 4 · mean 5.5 h · median 3 h');
    expect(api.listCases).toHaveBeenCalledWith(expect.objectContaining({ statuses: ['open', 'pending'], sort: 'opened', desc: true }));
    fireEvent.click(screen.getByTestId('case-sort-number'));
    await waitFor(() => expect(api.listCases).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'number', desc: false })));
  });

  it('resolves a case from its drawer', async () => {
    api.resolveCase.mockResolvedValue(kase({ version: 4, status: 'resolved', resolvedAt: '2026-11-21T10:00:00.000Z', resolutionMinutes: 1440 }));
    renderWithProviders(<CasesPage />);
    fireEvent.click((await screen.findAllByTestId('case-row'))[0]);
    fireEvent.click(await screen.findByTestId('case-resolve'));
    await waitFor(() => expect(api.resolveCase).toHaveBeenCalledWith('k1', 3));
    expect(await screen.findByTestId('case-resolution')).toHaveTextContent('Resolution time: 1 d 0 h');
    expect(screen.getByTestId('case-reopen')).toBeInTheDocument();
  });

  it('opens the case a link names (#/cases?id=…), as a search hit does', async () => {
    api.getCase.mockResolvedValue(kase({ id: 'k9', number: 'C-2026-0009', subject: 'Invoice missing' }));
    window.location.hash = '#/cases?id=k9';
    renderWithProviders(<CasesPage />);
    const editor = await screen.findByTestId('case-editor');
    expect(api.getCase).toHaveBeenCalledWith('k9');
    expect(within(editor).getByTestId('case-subject')).toHaveValue('Invoice missing');
    expect(window.location.hash).toBe('#/cases');
  });

  it('opens a new case with N, and needs a subject', async () => {
    api.openCase.mockResolvedValue(kase({ id: 'k3', number: 'C-2026-0003' }));
    renderWithProviders(<CasesPage />);
    await screen.findAllByTestId('case-row');
    fireEvent.keyDown(window, { key: 'n' });
    const editor = await screen.findByTestId('case-editor');
    fireEvent.click(within(editor).getByTestId('case-save'));
    expect(await within(editor).findByText('A case needs a subject.')).toBeInTheDocument();
    expect(api.openCase).not.toHaveBeenCalled();
    fireEvent.change(within(editor).getByTestId('case-subject'), { target: { value: 'Printer jams' } });
    fireEvent.click(within(editor).getByTestId('case-save'));
    expect(within(editor).getByTestId('case-owner')).toHaveValue('Mina');
    await waitFor(() => expect(api.openCase).toHaveBeenCalledWith(expect.objectContaining({ subject: 'Printer jams', priority: 'normal', status: 'open', ownerId: '' })));
  });
});
