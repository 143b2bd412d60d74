import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import * as leadsApi from '../api/leads';
import * as selling from '../api/selling';
import * as companies from '../api/companies';
import type { Lead } from '../api/leadTypes';
import { LeadsPage } from './LeadsPage';

vi.mock('../api/leads', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/leads')>()),
  listLeads: vi.fn(),
  getLead: vi.fn(),
  createLead: vi.fn(),
  convertLead: vi.fn(),
  deleteLead: vi.fn(),
  restoreLead: vi.fn(),
  conversionPipelines: vi.fn(),
}));
// selling.ts's hooks call its wrappers directly, so the hooks are what the test replaces.
vi.mock('../api/selling', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/selling')>()),
  useOwners: vi.fn(),
  useMe: vi.fn(),
  useHomeCurrency: vi.fn(),
  useCurrencies: vi.fn(),
}));
vi.mock('../api/companies', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/companies')>()),
  listCompanies: vi.fn(),
}));
const api = vi.mocked(leadsApi);
const sell = vi.mocked(selling);

function lead(patch: Partial<Lead> = {}): Lead {
  return {
    id: 'l1',
    version: 1,
    name: 'Rina Das',
    email: 'rina@bay.test',
    phone: '',
    companyName: 'Bay Traders',
    title: 'Director',
    source: 'referral',
    status: 'new',
    ownerId: 'o1',
    notes: '',
    industry: '',
    companySize: '',
    country: '',
    score: 35,
    scoreReasons: [{ ruleId: 'source-referral', label: 'Source: referral', points: 20 }],
    convertedContactId: '',
    convertedCompanyId: '',
    convertedDealId: '',
    convertedAt: '',
    createdAt: '2026-11-23T09:00:00Z',
    updatedAt: '2026-11-23T09:00:00Z',
    ...patch,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  window.location.hash = '#/leads';
  api.listLeads.mockResolvedValue({ items: [lead(), lead({ id: 'l2', name: 'Bo', score: 5, source: 'Podcast', ownerId: 'o2' })], total: 2, offset: 0 });
  api.getLead.mockImplementation(async (id) => lead({ id }));
  const q = <T,>(data: T) => ({ data }) as never;
  sell.useOwners.mockReturnValue(
    q([
      { id: 'o1', name: 'Me', email: '', isMe: true },
      { id: 'o2', name: 'Sam', email: '', isMe: false },
    ]),
  );
  sell.useMe.mockReturnValue(q({ id: 'o1', name: 'Me', email: '', isMe: true }));
  sell.useHomeCurrency.mockReturnValue(q('EUR'));
  sell.useCurrencies.mockReturnValue(q([{ code: 'EUR', symbol: '€', digits: 2 }]));
  api.conversionPipelines.mockResolvedValue([
    {
      id: 'p1',
      name: 'Sales',
      position: 0,
      stages: [
        { id: 's1', pipelineId: 'p1', name: 'Qualified', position: 0, probability: 10 },
        { id: 's2', pipelineId: 'p1', name: 'Meeting', position: 1, probability: 25 },
      ],
    },
  ]);
  vi.mocked(companies).listCompanies.mockResolvedValue({ items: [], total: 0, offset: 0 });
});

afterEach(() => {
  window.location.hash = '';
});

describe('LeadsPage', () => {
  it('lists leads with score, translated source and owner, asking by score first', async () => {
    renderWithProviders(<LeadsPage />);
    const rows = await screen.findAllByTestId('lead-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Rina Das');
    expect(rows[0]).toHaveTextContent('Referral');
    expect(rows[1]).toHaveTextContent('Podcast');
    expect(rows[1]).toHaveTextContent('Sam');
    expect(api.listLeads).toHaveBeenCalledWith(expect.objectContaining({ sort: 'score', offset: 0 }));
    fireEvent.click(screen.getByTestId('lead-sort-name'));
    await waitFor(() => expect(api.listLeads).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'name' })));
  });

  it('opens a new lead with N, owned by me, and saves it', async () => {
    api.createLead.mockResolvedValue(lead({ id: 'l9', name: 'Neo' }));
    renderWithProviders(<LeadsPage />);
    await screen.findAllByTestId('lead-row');
    fireEvent.keyDown(window, { key: 'n' });
    const form = await screen.findByTestId('lead-form');
    fireEvent.change(within(form).getByTestId('lead-name'), { target: { value: '  Neo  ' } });
    fireEvent.click(within(form).getByTestId('lead-save'));
    await waitFor(() => expect(api.createLead).toHaveBeenCalled());
    expect(api.createLead.mock.calls[0][0]).toEqual(expect.objectContaining({ name: 'Neo', ownerId: 'o1', status: 'new' }));
  });

  it('refuses a lead without name or e-mail before asking the backend', async () => {
    renderWithProviders(<LeadsPage />);
    await screen.findAllByTestId('lead-row');
    fireEvent.click(screen.getByTestId('lead-new'));
    fireEvent.click(within(await screen.findByTestId('lead-form')).getByTestId('lead-save'));
    expect(await screen.findByText('Give the lead a name or an e-mail address.')).toBeInTheDocument();
    expect(api.createLead).not.toHaveBeenCalled();
  });

  it('converts a lead with a new company and a deal, sending the amount as text, and lands on the contact', async () => {
    api.convertLead.mockResolvedValue({ contactId: 'c7', companyId: 'co7', dealId: 'd7' });
    renderWithProviders(<LeadsPage />);
    fireEvent.click((await screen.findAllByTestId('lead-row'))[0]);
    fireEvent.click(await screen.findByTestId('lead-convert'));
    await screen.findByTestId('lead-convert-dialog');
    fireEvent.change(within(document.body).getByTestId('lead-convert-amount'), { target: { value: '1,200.50' } });
    await waitFor(() => expect(within(document.body).getByTestId('lead-convert-currency')).toHaveValue('EUR'));
    await waitFor(() => expect(within(document.body).getByTestId('lead-convert-stage')).toHaveValue('Qualified (10%)'));
    fireEvent.click(within(document.body).getByTestId('lead-convert-submit'));
    await waitFor(() => expect(api.convertLead).toHaveBeenCalled());
    expect(api.convertLead).toHaveBeenCalledWith('l1', 1, expect.objectContaining({
      createCompany: true,
      companyId: '',
      createDeal: true,
      dealTitle: 'Bay Traders',
      amount: '1,200.50',
      currency: 'EUR',
      pipelineId: 'p1',
      stageId: 's1',
    }));
    await waitFor(() => expect(window.location.hash).toBe('#/contacts?id=c7'));
  });
});
